import type { CatalogAction, CatalogField } from './catalog';

/** How Newtonsoft writes `default(DateTime)`; a client must not show it as a real date. */
export const DOTNET_MIN_DATE = '0001-01-01T00:00:00';

export type JsonObject = Record<string, unknown>;

/** The .NET default of a C# type, as Newtonsoft serializes it. */
export function dotnetDefault(type: string): unknown {
  if (isNullableType(type)) {
    return null;
  }
  switch (baseType(type)) {
    case 'int':
    case 'long':
    case 'short':
    case 'byte':
    case 'decimal':
    case 'double':
    case 'float':
      return 0;
    case 'bool':
      return false;
    case 'DateTime':
      return DOTNET_MIN_DATE;
    default:
      // string, lists and classes are reference types.
      return null;
  }
}

/** A DTO as the server holds it right after `new T()`: every field at its default. */
export function dtoDefaults(fields: readonly CatalogField[]): JsonObject {
  const dto: JsonObject = {};
  for (const field of fields) {
    dto[field.name] = dotnetDefault(field.type);
  }
  return dto;
}

/** A date as Newtonsoft writes a DateTime of unspecified kind: no zone, no milliseconds. */
export function isoDateTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/**
 * Binds a raw request body to the action's parameter the way Web API with Newtonsoft does:
 * - no parameter (bodyType null): undefined, the body is never read;
 * - a primitive int: the number, or 0 when the body is not one;
 * - a DTO: missing, empty or unparsable bodies and non-objects bind to null; an object binds
 *   field by field (names ignore case), and fields it lacks or cannot convert keep their
 *   defaults.
 */
export function bindBody(action: CatalogAction, text: string): unknown {
  if (action.bodyType === null) {
    return undefined;
  }

  const json = parseJson(text);
  if (action.bodyType === 'int') {
    return toInteger(json) ?? 0;
  }
  if (!isJsonObject(json)) {
    return null;
  }

  const fields = action.bodyFields ?? [];
  if (fields.length === 0) {
    // A type the catalog does not describe: pass the object through as sent.
    return json;
  }
  return bindFields(fields, json);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bindFields(fields: readonly CatalogField[], json: JsonObject): JsonObject {
  const byLowerName = new Map<string, unknown>();
  for (const [key, value] of Object.entries(json)) {
    byLowerName.set(key.toLowerCase(), value);
  }

  const dto = dtoDefaults(fields);
  for (const field of fields) {
    const key = field.name.toLowerCase();
    if (byLowerName.has(key)) {
      const converted = convert(field.type, byLowerName.get(key));
      if (converted !== undefined) {
        dto[field.name] = converted;
      }
    }
  }
  return dto;
}

/** A JSON value converted to a C# type, or undefined when Newtonsoft would reject it. */
function convert(type: string, value: unknown): unknown {
  if (value === null) {
    return isNullableType(type) || isReferenceType(type) ? null : undefined;
  }

  switch (baseType(type)) {
    case 'int':
    case 'long':
    case 'short':
    case 'byte':
      return toInteger(value);
    case 'decimal':
    case 'double':
    case 'float':
      return toNumber(value);
    case 'bool':
      return toBoolean(value);
    case 'string':
      return typeof value === 'object' ? undefined : String(value);
    case 'DateTime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
    default:
      return value;
  }
}

function parseJson(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') {
    return null;
  }
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return null;
  }
}

function toInteger(value: unknown): number | undefined {
  const number = toNumber(value);
  return number !== undefined && Number.isInteger(number) ? number : undefined;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
    return value.toLowerCase() === 'true';
  }
  return undefined;
}

function isNullableType(type: string): boolean {
  return type.endsWith('?') || type.startsWith('Nullable<');
}

function isReferenceType(type: string): boolean {
  return dotnetDefault(type) === null;
}

function baseType(type: string): string {
  return type.replace(/\?$/, '').replace(/^Nullable<(.+)>$/, '$1');
}
