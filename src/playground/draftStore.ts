// Keeps the playground's drafts (what was typed, the last small answers)
// in a file in the extension's global storage. The webview's own state is
// not enough: VS Code web can drop it, or the whole panel, on a reload.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';

/** Writes are grouped: typing saves at most this often. */
const WRITE_DELAY_MS = 200;

export class DraftStore implements vscode.Disposable {
  private readonly file: string;
  private pending: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly folder: string,
    private readonly onError: (message: string) => void,
  ) {
    this.file = path.join(folder, 'playground-drafts.json');
  }

  /** The last saved drafts, or undefined when there are none or they are unreadable. */
  async load(): Promise<unknown> {
    await this.flush();
    try {
      return JSON.parse(await fs.readFile(this.file, 'utf8'));
    } catch {
      return undefined;
    }
  }

  save(drafts: unknown): void {
    this.pending = JSON.stringify(drafts);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), WRITE_DELAY_MS);
    }
  }

  /** Writes what is pending now; resolves once it is on disk. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;

    const text = this.pending;
    this.pending = undefined;
    if (text !== undefined) {
      this.writing = this.writing.then(() => this.write(text));
    }
    await this.writing;
  }

  dispose(): void {
    void this.flush();
  }

  /** Through a temporary file, so a crash mid-write never leaves half a file. */
  private async write(text: string): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.mkdir(this.folder, { recursive: true });
      await fs.writeFile(temporary, text, 'utf8');
      await fs.rename(temporary, this.file);
    } catch (error) {
      // Drafts are a convenience: a full disk must not break the playground.
      this.onError(`could not save the playground drafts: ${String(error)}`);
    }
  }
}
