/**
 * Folds text for searching the way an accent- and case-insensitive SQL collation compares
 * it: "Núñez" and "NUNEZ" fold to the same "nunez".
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function padNumber(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
