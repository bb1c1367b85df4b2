// Which columns a table of rows needs. The host works this out over every
// row of an answer (the page only holds the first page of them); the page
// falls back to the rows it has for an answer restored from its drafts.
import { isDefaultDate } from '../api/dotnet';

/** The one column of a list that holds anything but objects: each item shown whole. */
export const SCALAR_COLUMN = 'value';

export interface Column {
  name: string;
  /** False when every row leaves it at a .NET default (0, null, 0001-01-01…). */
  filled: boolean;
}

export function columnsOf(rows: readonly unknown[]): Column[] {
  const columns = new Map<string, boolean>();
  for (const row of rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return [{ name: SCALAR_COLUMN, filled: true }];
    }
    for (const [name, value] of Object.entries(row)) {
      if (columns.get(name) !== true) {
        columns.set(name, !isDefaultValue(value));
      }
    }
  }
  return [...columns].map(([name, filled]) => ({ name, filled }));
}

/** The columns to draw: all, or only the filled ones (all again when none is). */
export function visibleColumns(columns: readonly Column[], hideDefaults: boolean): string[] {
  const filled = columns.filter((column) => column.filled);
  const chosen = hideDefaults && filled.length > 0 ? filled : columns;
  return chosen.map((column) => column.name);
}

function isDefaultValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    value === 0 ||
    value === false ||
    isDefaultDate(value)
  );
}
