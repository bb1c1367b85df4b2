// The extension-host suite's entry point: VS Code (code-server or desktop
// via @vscode/test-electron) requires this module and awaits run().
import * as path from 'node:path';
import { runMochaSuite } from './runner';

export function run(): Promise<void> {
  return runMochaSuite(path.join(__dirname, 'suite'), { timeoutMs: 30_000 });
}
