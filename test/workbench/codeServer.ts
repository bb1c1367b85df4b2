// Starts a real VS Code (code-server 4.100.3, which bundles VS Code 1.100.3)
// on loopback for the workbench tests, with throwaway user data and
// extensions folders, and stops it again without leaving anything behind.

import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

export const LOOPBACK = '127.0.0.1';

export interface CodeServerOptions {
  /** Written to User/settings.json next to the harness defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server; its extension host inherits it. */
  env?: Record<string, string>;
  /** How long to wait for the server to answer HTTP. Default 60 s. */
  startTimeoutMs?: number;
  /** A fixed port on 127.0.0.1; default, a free one. */
  port?: number;
}

export interface WorkbenchUrlOptions {
  /** Absolute path of the folder the window opens. */
  folder?: string;
  /** Absolute path of an extension to load as under development. */
  extensionDevelopmentPath?: string;
  /** Absolute path of a test module whose run() the extension host calls. */
  extensionTestsPath?: string;
}

export interface CodeServer {
  readonly port: number;
  readonly baseUrl: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Milliseconds from spawn until the server answered HTTP. */
  readonly startMs: number;
  workbenchUrl(options?: WorkbenchUrlOptions): string;
  /** Everything code-server wrote to stdout and stderr so far. */
  logs(): string;
  /** VS Code's own log files under the user data folder, concatenated. */
  vscodeLogs(): string;
  /** Installs a .vsix into this server's extensions folder. */
  installExtension(vsixPath: string): Promise<string>;
  close(): Promise<void>;
}

/** Settings every test window gets: no welcome page, nothing that goes online. */
export const HARNESS_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'git.autofetch': false,
  'github.gitAuthentication': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'security.workspace.trust.enabled': false,
};

/** The code-server entry script installed by scripts/install-code-server.sh. */
export function codeServerEntry(): string {
  const entry = path.join(
    repoRoot, '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server is not installed (${entry} is missing). `
      + 'Run: bash scripts/install-code-server.sh');
  }
  return entry;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const dirs = makeTempDirs();
  writeSettings(dirs.userDataDir, options.settings ?? {});

  const port = options.port || await freePort();
  const env = serverEnv(dirs.root, options.env ?? {});
  const args = [
    ...commonArgs(dirs),
    '--auth', 'none',
    '--bind-addr', `${LOOPBACK}:${port}`,
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];

  const started = Date.now();
  const child = spawn(process.execPath, [codeServerEntry(), ...args], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const logs = (): string => output.join('');

  try {
    await waitForHttp(child, port, options.startTimeoutMs ?? 60_000, logs);
  } catch (error) {
    await stopTree(child);
    fs.rmSync(dirs.root, { recursive: true, force: true });
    throw error;
  }
  const startMs = Date.now() - started;
  const baseUrl = `http://${LOOPBACK}:${port}`;
  let closed = false;

  return {
    port,
    baseUrl,
    userDataDir: dirs.userDataDir,
    extensionsDir: dirs.extensionsDir,
    startMs,
    workbenchUrl: (urlOptions = {}) => workbenchUrl(baseUrl, port, urlOptions),
    logs,
    vscodeLogs: () => readLogFiles(path.join(dirs.userDataDir, 'logs')),
    installExtension: vsixPath => runCli(
      [...commonArgs(dirs), '--force', '--install-extension', path.resolve(vsixPath)], env),
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      await stopTree(child);
      fs.rmSync(dirs.root, { recursive: true, force: true });
    },
  };
}

function workbenchUrl(baseUrl: string, port: number, options: WorkbenchUrlOptions): string {
  const remote = (fsPath: string): string =>
    `vscode-remote://${LOOPBACK}:${port}${toPosixAbsolute(fsPath)}`;

  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  }
  if (options.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  }

  const query: string[] = [];
  if (options.folder) {
    query.push(`folder=${encodeURIComponent(toPosixAbsolute(options.folder))}`);
  }
  if (payload.length > 0) {
    query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  }
  return `${baseUrl}/${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

interface TempDirs {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
}

function makeTempDirs(): TempDirs {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'romsoft-code-server-'));
  const dirs = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'config.yaml'),
  };
  fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(root, 'xdg-data'));
  fs.mkdirSync(path.join(root, 'xdg-config'));
  // An empty config keeps code-server from writing one with a password to ~/.config.
  fs.writeFileSync(dirs.configFile, '');
  return dirs;
}

function writeSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const merged = { ...HARNESS_SETTINGS, ...settings };
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(merged, null, 2)}\n`);
}

function commonArgs(dirs: TempDirs): string[] {
  return [
    '--config', dirs.configFile,
    '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir,
    '--disable-telemetry',
  ];
}

/**
 * The server's environment: ours minus anything that would make VS Code
 * think it runs inside another VS Code, the caller's variables, an empty
 * extension gallery (so nothing asks a marketplace) and private XDG folders
 * (so code-server's own files and sockets stay in the temp folder).
 */
function serverEnv(root: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VSCODE_|ELECTRON_)/.test(key)) {
      env[key] = value;
    }
  }
  return {
    ...env,
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: path.join(root, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
    ...extra,
  };
}

function toPosixAbsolute(fsPath: string): string {
  return path.resolve(fsPath).split(path.sep).join('/');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('Could not get a free port'));
        }
      });
    });
  });
}

async function waitForHttp(
  child: ChildProcess, port: number, timeoutMs: number, logs: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) `
        + `before answering on port ${port}:\n${logs()}`);
    }
    if (await answers(port)) {
      return;
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeoutMs} ms:\n${logs()}`);
}

function answers(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const target = { host: LOOPBACK, port, path: '/healthz', timeout: 2000 };
    const request = http.get(target, response => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [codeServerEntry(), ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) {
        resolve(output);
      } else {
        reject(new Error(`code-server ${args.join(' ')} exited with ${code}:\n${output}`));
      }
    });
  });
}

/** Stops code-server and everything it started (they share its process group). */
async function stopTree(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) {
    return;
  }
  const exited = new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
    } else {
      child.once('exit', () => resolve());
    }
  });

  signalGroup(child.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!stopped) {
    signalGroup(child.pid, 'SIGKILL');
    await exited;
  }
  // Children that outlive the leader are still in the group.
  await sleep(200);
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function readLogFiles(dir: string): string {
  if (!fs.existsSync(dir)) {
    return '';
  }
  const parts: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      parts.push(readLogFiles(full));
    } else if (entry.name.endsWith('.log')) {
      parts.push(`==> ${path.relative(dir, full)} <==\n${fs.readFileSync(full, 'utf8')}`);
    }
  }
  return parts.filter(part => part.length > 0).join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
