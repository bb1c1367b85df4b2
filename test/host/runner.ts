// Runs a mocha suite inside the VS Code extension host. A test module's
// run() calls runMochaSuite(folder); every *.test.js file under that folder
// is found by pattern and run with mocha's tdd interface (suite / test /
// setup / teardown / suiteSetup / suiteTeardown).
// When the harness set RESULT_FILE_ENV, the result is written there as JSON.

import * as fs from 'node:fs';
import Mocha from 'mocha';
import * as path from 'node:path';
import { HostTestFailure, HostTestResult, RESULT_FILE_ENV } from './result';

export interface MochaSuiteOptions {
  /** Per-test timeout. Default 20 s: real VS Code is slower than unit tests. */
  timeoutMs?: number;
  /** Only tests whose full title matches run. */
  grep?: string;
}

/** Resolves when every test passed; rejects with a summary otherwise. */
export async function runMochaSuite(
  testsRoot: string, options: MochaSuiteOptions = {},
): Promise<void> {
  const started = Date.now();
  const files = findTestFiles(testsRoot);
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: options.timeoutMs ?? 20_000,
    ...(options.grep ? { grep: options.grep } : {}),
  });
  files.forEach(file => mocha.addFile(file));

  let result: HostTestResult;
  if (files.length === 0) {
    result = emptyResult(`No *.test.js files under ${testsRoot}`, Date.now() - started);
  } else {
    result = await run(mocha, started);
  }

  writeResult(result);
  if (result.failed > 0) {
    throw new Error(`${result.failed} of ${result.passed + result.failed} host tests failed:\n`
      + result.failures
        .map(failure => `  ${failure.title}: ${firstLine(failure.error)}`)
        .join('\n'));
  }
}

/** Every *.test.js file below root, in a stable order. */
export function findTestFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.test.js')) {
        found.push(full);
      }
    }
  };
  walk(root);
  return found;
}

function run(mocha: Mocha, started: number): Promise<HostTestResult> {
  return new Promise(resolve => {
    const failures: HostTestFailure[] = [];
    const lines: string[] = [];
    let passed = 0;
    let pending = 0;
    let depth = 0;

    const runner = mocha.run(() => {
      const durationMs = Date.now() - started;
      lines.push('', `${passed} passing, ${failures.length} failing, ${pending} pending `
        + `(${durationMs} ms)`);
      failures.forEach((failure, index) =>
        lines.push('', `${index + 1}) ${failure.title}`, indent(failure.error, '   ')));
      resolve({
        passed,
        failed: failures.length,
        pending,
        failures,
        durationMs,
        output: lines.join('\n'),
      });
    });

    runner.on('suite', suite => {
      if (suite.title) {
        lines.push(`${'  '.repeat(depth)}${suite.title}`);
      }
      depth += suite.title ? 1 : 0;
    });
    runner.on('suite end', suite => {
      depth -= suite.title ? 1 : 0;
    });
    runner.on('pass', test => {
      passed += 1;
      lines.push(`${'  '.repeat(depth)}ok   ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on('pending', test => {
      pending += 1;
      lines.push(`${'  '.repeat(depth)}skip ${test.title}`);
    });
    runner.on('fail', (test, error: unknown) => {
      failures.push({ title: test.fullTitle(), error: describeError(error) });
      lines.push(`${'  '.repeat(depth)}FAIL ${test.title}`);
    });
  });
}

function emptyResult(message: string, durationMs: number): HostTestResult {
  return {
    passed: 0,
    failed: 1,
    pending: 0,
    failures: [{ title: 'test discovery', error: message }],
    durationMs,
    output: message,
  };
}

/** Written to a side file and renamed, so a reader never sees half a result. */
function writeResult(result: HostTestResult): void {
  const file = process.env[RESULT_FILE_ENV];
  if (!file) {
    return;
  }
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(result, null, 2));
  fs.renameSync(partial, file);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.stack ?? `${error.name}: ${error.message}`;
  }
  return String(error);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0];
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map(line => prefix + line).join('\n');
}
