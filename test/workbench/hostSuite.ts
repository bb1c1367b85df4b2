// Runs an extension-host test suite in a real VS Code web workbench: starts
// code-server and Chromium, opens the window with extensionTestsPath, and
// waits for the in-host runner (test/host/runner.ts) to report.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { HostTestFailure, isHostTestResult, RESULT_FILE_ENV } from '../host/result';
import { launchBrowser, waitFor, Workbench } from './browser';
import { CodeServer, startCodeServer } from './codeServer';

export interface HostSuiteOptions {
  /** Folder holding the extension's package.json. */
  extensionDevelopmentPath: string;
  /** Module exporting run(); usually it calls runMochaSuite. */
  extensionTestsPath: string;
  /** Folder the window opens; a fresh empty one when left out. */
  folder?: string;
  settings?: Record<string, unknown>;
  /** Environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  /** The whole run, start to result. Default 5 minutes. */
  timeoutMs?: number;
}

export interface HostSuiteResult {
  passed: number;
  failed: number;
  failures: HostTestFailure[];
  /** The runner's report; with code-server's log appended when the run broke. */
  output: string;
  /** What VS Code passed to window.codeAutomationExit, if it called it. */
  exitCode: number | undefined;
  timings: { codeServerMs: number; workbenchMs: number; suiteMs: number; totalMs: number };
}

export async function runHostSuite(options: HostSuiteOptions): Promise<HostSuiteResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const testsModule = path.resolve(options.extensionTestsPath);
  assertModuleExists(testsModule);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'romsoft-host-suite-'));
  const resultFile = path.join(scratch, 'result.json');
  const folder = options.folder ?? makeFolder(scratch);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;

  try {
    const codeServer = await startCodeServer({
      settings: options.settings,
      env: { ...options.env, [RESULT_FILE_ENV]: resultFile },
    });
    server = codeServer;
    browser = await launchBrowser();
    const workbench = await Workbench.create(browser);

    // VS Code's web workbench calls this once the test run has ended.
    let exitCode: number | undefined;
    await workbench.page.exposeFunction('codeAutomationExit', (code: number) => {
      exitCode = code;
    });

    const url = codeServer.workbenchUrl({
      folder,
      extensionDevelopmentPath: path.resolve(options.extensionDevelopmentPath),
      extensionTestsPath: testsModule,
    });
    const workbenchMs = await workbench.open(url, { timeoutMs }).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n\n${diagnostics(codeServer, workbench)}`);
    });
    const suiteStarted = Date.now();

    const remaining = Math.max(timeoutMs - (Date.now() - started), 1000);
    const ended = await waitFor(() => fs.existsSync(resultFile) || exitCode !== undefined,
      { timeoutMs: remaining, intervalMs: 250 },
      'the host tests to report').then(() => true, () => false);
    // The runner writes its file before run() settles; give VS Code a
    // moment to report the exit too, for the record.
    await waitFor(() => exitCode !== undefined, { timeoutMs: 5000, intervalMs: 100 },
      'window.codeAutomationExit').catch(() => undefined);
    const suiteMs = Date.now() - suiteStarted;

    const timings = {
      codeServerMs: codeServer.startMs,
      workbenchMs,
      suiteMs,
      totalMs: Date.now() - started,
    };
    const why = ended
      ? `The test module ended (exit code ${exitCode}) without writing a result.`
      : `The host tests did not report within ${timeoutMs} ms.`;
    return readResult(resultFile, why, { server: codeServer, workbench, exitCode, timings });
  } finally {
    await browser?.close();
    await server?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

interface RunState {
  server: CodeServer;
  workbench: Workbench;
  exitCode: number | undefined;
  timings: HostSuiteResult['timings'];
}

function readResult(resultFile: string, whyMissing: string, run: RunState): HostSuiteResult {
  const { server, workbench, exitCode, timings } = run;
  const parsed: unknown = fs.existsSync(resultFile)
    ? JSON.parse(fs.readFileSync(resultFile, 'utf8'))
    : undefined;
  if (isHostTestResult(parsed)) {
    return {
      passed: parsed.passed,
      failed: parsed.failed,
      failures: parsed.failures,
      output: parsed.failed > 0
        ? `${parsed.output}\n\n--- code-server output ---\n${server.logs()}`
        : parsed.output,
      exitCode,
      timings,
    };
  }

  // The suite never reported: run() was missing, threw early, or the
  // host died. Nothing passed; the logs say why.
  return {
    passed: 0,
    failed: 1,
    failures: [{ title: 'host suite', error: whyMissing }],
    output: `${whyMissing}\n\n${diagnostics(server, workbench)}`,
    exitCode,
    timings,
  };
}

/** Errors first (they usually say why), then the full logs. */
function diagnostics(server: CodeServer, workbench: Workbench): string {
  const errors = workbench.consoleLines.filter(line => /^\[(error|pageerror)\]/.test(line));
  const blocked = workbench.blockedRequests.length > 0
    ? `--- requests blocked for leaving loopback ---\n${workbench.blockedRequests.join('\n')}\n`
    : '';
  return `--- browser console errors ---\n${errors.join('\n')}\n${blocked}`
    + `--- code-server output ---\n${server.logs()}\n`
    + `--- VS Code logs ---\n${server.vscodeLogs()}\n`
    + `--- browser console ---\n${workbench.consoleLines.join('\n')}`;
}

function assertModuleExists(modulePath: string): void {
  const candidates = [modulePath, `${modulePath}.js`, path.join(modulePath, 'index.js')];
  if (!candidates.some(candidate => fs.existsSync(candidate))) {
    throw new Error(`extensionTestsPath ${modulePath} does not exist (was the project built?)`);
  }
}

function makeFolder(scratch: string): string {
  const folder = path.join(scratch, 'workspace');
  fs.mkdirSync(folder);
  return folder;
}
