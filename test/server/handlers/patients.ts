import {
  SEARCH_SEPARATOR, type DemoPatient, type DemoVisit, findPatient, patientVisits,
} from '../demoData';
import type { JsonObject } from '../dotnet';
import { type Envelope, MESSAGES, failure, success, warning } from '../envelope';
import { rowBuilder, rowShape } from '../rows';
import { foldText } from '../text';
import { type ActionContext, bodyField, rowRandom } from './context';

/**
 * ADM_PACIENTE/GetAllFilters: a substring of the clinical record, the names (alone or as
 * "paternal maternal given") or the document, ignoring case and accents. Blank text
 * matches everyone, as LIKE '%%' does.
 */
export function searchPatients(context: ActionContext): Envelope {
  const query = foldText(String(bodyField(context, 'valorRequest') ?? '').trim());
  const build = rowBuilder(rowShape(context.route.controller, context.route.action));
  const rows: JsonObject[] = [];

  for (const patient of context.data.patients) {
    if (patient.searchText.includes(query)) {
      rows.push(build(patientRecord(patient), rowRandom(context, patient.id), rows.length));
    }
  }
  return success(rows);
}

/** ADM_PACIENTE/GetById: one patient, with the columns the procedure fills. */
export function patientById(context: ActionContext): Envelope {
  const patient = findPatient(context.data, Number(bodyField(context, 'id_paciente')));
  if (!patient) {
    return warning(MESSAGES.notFound);
  }
  const build = rowBuilder(rowShape(context.route.controller, context.route.action));
  return success(build(patientRecord(patient), rowRandom(context, patient.id), 0));
}

/**
 * ADM_PACIENTE/GetAllPacienteAtencionFilters: one row per visit of the matching patients.
 * tipo_dato says what t_dato is: H clinical record, P name, C document (substrings), F the
 * visit date (YYYY-MM-DD or DD/MM/YYYY). The server upper-cases both fields first, so a null
 * one throws (Success false); an unknown tipo_dato is a business warning.
 */
export function patientVisitSearch(context: ActionContext): Envelope {
  const text = bodyField(context, 't_dato');
  const kind = bodyField(context, 'tipo_dato');
  if (typeof text !== 'string' || typeof kind !== 'string') {
    return failure();
  }

  const matches = visitMatcher(kind.toUpperCase(), text.trim());
  if (matches === 'bad kind') {
    return warning(MESSAGES.badDataType);
  }
  if (matches === 'bad date') {
    return failure();
  }

  const build = rowBuilder(rowShape(context.route.controller, context.route.action));
  const rows: JsonObject[] = [];
  for (const patient of context.data.patients) {
    if (!matches.patient(patient)) {
      continue;
    }
    for (const visit of patientVisits(context.data, patient)) {
      if (matches.visit(visit)) {
        const known = { ...patientRecord(patient), ...visitRecord(visit) };
        rows.push(build(known, rowRandom(context, visit.id), rows.length));
      }
    }
  }
  return success(rows);
}

/** Tests on the patient first, so visits are only derived for patients that can match. */
interface VisitMatcher {
  patient: (patient: DemoPatient) => boolean;
  visit: (visit: DemoVisit) => boolean;
}

function visitMatcher(kind: string, text: string): VisitMatcher | 'bad kind' | 'bad date' {
  const query = foldText(text);
  const anyVisit = (): boolean => true;
  switch (kind) {
    case 'H':
      return { patient: (p) => p.clinicalRecord.includes(query), visit: anyVisit };
    case 'P':
      return { patient: (p) => foldedName(p).includes(query), visit: anyVisit };
    case 'C':
      return { patient: (p) => p.documentNumber.includes(query), visit: anyVisit };
    case 'F': {
      const day = parseDay(text);
      if (!day) {
        return 'bad date';
      }
      return { patient: () => true, visit: (v) => v.registeredAt.startsWith(day) };
    }
    default:
      return 'bad kind';
  }
}

/** The folded full name, read from the search text instead of folding again. */
function foldedName(patient: DemoPatient): string {
  return patient.searchText.split(SEARCH_SEPARATOR)[1] ?? '';
}

/** "2024-05-01" or "01/05/2024" as "2024-05-01"; undefined when it is not a real date. */
function parseDay(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const local = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : local ? [local[3], local[2], local[1]] : [];
  if (!year) {
    return undefined;
  }
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const normalized = date.toISOString().slice(0, 10);
  return normalized === `${year}-${month}-${day}` ? normalized : undefined;
}

/** A patient under the API's own field names; each query picks the columns it fills. */
function patientRecord(patient: DemoPatient): JsonObject {
  const male = patient.sex === 'M';
  const dni = patient.documentType === 'DNI';
  return {
    id_paciente: patient.id,
    n_historia_clinica: patient.historyNumber,
    historia_clinica: patient.clinicalRecord,
    t_apellido_paterno: patient.paternalSurname,
    t_apellido_materno: patient.maternalSurname,
    t_nombres: patient.givenNames,
    t_paciente: `${patient.paternalSurname} ${patient.maternalSurname}, ${patient.givenNames}`,
    d_fecha_nacimiento: patient.birthDate,
    id_genero: male ? 1 : 2,
    sexo: patient.sex,
    Genero: male ? 'MASCULINO' : 'FEMENINO',
    // The procedures return the document's type as TDocumento and its number as
    // NDocumento, mapped to t_documento and c_documento_identidad.
    id_documento_identidad: dni ? 1 : 2,
    t_documento: patient.documentType,
    c_documento_identidad: patient.documentNumber,
    t_direccion: patient.address,
    c_p_fono_personal: patient.mobilePhone,
    f_estado: 1,
    estado: 'ACTIVO',
  };
}

function visitRecord(visit: DemoVisit): JsonObject {
  return {
    id_atencion: visit.id,
    id_paciente: visit.patientId,
    d_fecha_registro: visit.registeredAt,
    c_hora_registro: visit.time,
    id_tipo_paciente: visit.plan ? 2 : 1,
    id_plan_seguro: visit.plan?.id ?? 0,
    plan_seguro: visit.plan?.description ?? 'PARTICULAR',
    c_contrato: visit.plan?.contract ?? null,
    id_especialidad: visit.specialtyId,
    especialidad: visit.specialty,
    id_profesional: visit.professionalId,
    profesional: visit.professional,
    id_diagnostico: visit.diagnosisId,
    codigo_diagnostico: visit.diagnosisCode,
    diagnostico: visit.diagnosisName,
  };
}
