import { isoDateTime } from './dotnet';
import {
  BENEFITS, CONTRACTORS, DIAGNOSES, DISTRICTS, FEMALE_NAMES, INSURERS, MALE_NAMES, NOUNS,
  QUALIFIERS, SPECIALTIES, STREETS, STREET_TYPES, SURNAMES,
} from './names';
import type { Random } from './random';
import { padNumber } from './text';

/**
 * A C# type for a filled field the catalog's DTOs do not declare, read from the naming
 * habits of the Romsoft schema (id_ keys, d_ dates, n_ amounts, f_ flags).
 */
export function guessType(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('id_') || lower.startsWith('f_') || lower.startsWith('n_flag')) {
    return 'int';
  }
  if (lower === 'cantidad') {
    return 'int';
  }
  if (lower.startsWith('n_') || lower === 'precio') {
    return 'decimal';
  }
  if (lower.startsWith('d_')) {
    return 'DateTime';
  }
  if (lower.startsWith('fecha')) {
    return 'DateTime?';
  }
  return 'string';
}

/**
 * A plausible value for a field of a row this server has no real data for. `isKey` marks
 * the row's own id, numbered from 1 so rows stay distinct.
 */
export function fakeValue(
  name: string,
  type: string,
  random: Random,
  index: number,
  isKey: boolean,
): unknown {
  const lower = name.toLowerCase();
  switch (type.replace(/\?$/, '')) {
    case 'int':
    case 'long':
    case 'short':
    case 'byte':
      return fakeInteger(lower, random, index, isKey);
    case 'decimal':
    case 'double':
    case 'float':
      return lower.includes('porc') ? random.int(0, 100) : random.int(0, 50_000) / 100;
    case 'bool':
      return true;
    case 'DateTime':
      return fakeDate(random);
    case 'string':
      return fakeText(lower, random, index);
    default:
      // Lists and nested objects: the queries never fill them.
      return null;
  }
}

function fakeInteger(lower: string, random: Random, index: number, isKey: boolean): number {
  if (isKey) {
    return index + 1;
  }
  if (lower.startsWith('f_')) {
    return 1;
  }
  if (lower.startsWith('n_flag')) {
    return random.int(0, 1);
  }
  if (lower.startsWith('id_')) {
    return random.int(1, 30);
  }
  return random.int(1, 20);
}

function fakeDate(random: Random): string {
  const day = random.int(0, 7 * 365);
  return isoDateTime(new Date(Date.UTC(2019, 0, 1) + day * 86_400_000));
}

/** Ordered rules: the first whose test matches the field name gives the text. */
const TEXT_RULES: readonly [RegExp, (random: Random, index: number) => string][] = [
  [/^estado$/, () => 'ACTIVO'],
  [/hora/, (r) => `${padNumber(r.int(7, 19), 2)}:${padNumber(r.int(0, 59), 2)}`],
  [/email/, (_r, i) => `usuario${i + 1}@correo.example`],
  [/fono|telefono|celular/, (r) => `9${r.digits(8)}`],
  [/sunat|ruc/, (r) => `20${r.digits(9)}`],
  [/iafa/, (r) => r.pick(INSURERS).iafaCode],
  [/documento/, (r) => r.digits(8)],
  [/usuario/, () => 'demo'],
  [/sexo/, (r) => r.pick(['M', 'F'])],
  [/moneda/, () => 'SOLES'],
  [/pais/, () => 'PERÚ'],
  [/departamento|provincia/, () => 'LIMA'],
  [/distrito/, (r) => r.pick(DISTRICTS).toUpperCase()],
  [/apellido/, (r) => `${r.pick(SURNAMES)} ${r.pick(SURNAMES)}`],
  [/medico|profesional/, (r) => `${r.pick(MALE_NAMES)} ${r.pick(SURNAMES)}`],
  [/paciente|titular|responsable/, (r) => personName(r)],
  [/nombre/, (r) => r.pick(r.chance(0.5) ? MALE_NAMES : FEMALE_NAMES)],
  [/garante/, (r) => r.pick(INSURERS).name],
  [/razon|contratante|contacto/, (r) => r.pick(CONTRACTORS)],
  [/direccion|domicilio/, (r) => `${r.pick(STREET_TYPES)} ${r.pick(STREETS)} ${r.int(1, 999)}`],
  [/diagnostico/, (r) => r.pick(DIAGNOSES).name],
  [/especialidad/, (r) => r.pick(SPECIALTIES)],
  [/beneficio|prestacion/, (r) => r.pick(BENEFITS).name],
  [/rol/, (r) => r.pick(['Administrador', 'Admisión', 'Caja', 'Farmacia'])],
  [/^c_|codigo/, (_r, i) => `C${padNumber(i + 1, 4)}`],
];

function fakeText(lower: string, random: Random, index: number): string {
  for (const [pattern, make] of TEXT_RULES) {
    if (pattern.test(lower)) {
      return make(random, index);
    }
  }
  return `${random.pick(NOUNS)} ${random.pick(QUALIFIERS)}`;
}

function personName(random: Random): string {
  const given = random.pick(random.chance(0.5) ? MALE_NAMES : FEMALE_NAMES);
  return `${random.pick(SURNAMES)} ${random.pick(SURNAMES)}, ${given}`;
}
