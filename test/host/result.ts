// What a test run inside the extension host reports back to the harness
// that started it. Shared by the in-host runner and the outside driver.

/** Names the JSON file the in-host runner writes its result to. */
export const RESULT_FILE_ENV = 'ROMSOFT_HOST_RESULT_FILE';

export interface HostTestFailure {
  /** Full title: suite titles and test title joined by spaces. */
  title: string;
  /** The error message with its stack. */
  error: string;
}

export interface HostTestResult {
  passed: number;
  failed: number;
  pending: number;
  failures: HostTestFailure[];
  durationMs: number;
  /** A readable report, one line per test. */
  output: string;
}

export function isHostTestResult(value: unknown): value is HostTestResult {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const result = value as Partial<HostTestResult>;
  return typeof result.passed === 'number'
    && typeof result.failed === 'number'
    && Array.isArray(result.failures)
    && typeof result.output === 'string';
}
