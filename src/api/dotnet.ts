// Newtonsoft sends unfilled .NET fields as their defaults. These helpers
// turn those defaults back into "no value", so no view shows 0001-01-01.

/**
 * True for DateTime.MinValue as Newtonsoft writes it. A server in Peru
 * may add its zone ("0001-01-01T00:00:00-05:00") or shift it to UTC
 * ("0001-01-01T05:00:00Z"); no real record is dated that day either way.
 */
export function isDefaultDate(value: unknown): boolean {
  return typeof value === 'string' && /^0001-01-01(?:$|T)/.test(value);
}

/** "2021-09-05T00:00:00" -> "2021-09-05"; keeps the time when it is not midnight. */
export function readDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || isDefaultDate(value)) {
    return undefined;
  }

  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?/.exec(value);
  if (!match) {
    return value;
  }
  const [, day, time] = match;
  return time && time !== '00:00' ? `${day} ${time}` : day;
}

/** A string field, or undefined for null, empty or whitespace. */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.trim() === '' ? undefined : value.trim();
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return undefined;
}

/** A positive integer id; 0 is the .NET default and means "none". */
export function readId(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
