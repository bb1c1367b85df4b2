// Keeps the playground's drafts (what was typed, the last small answers)
// in a file in the extension's global storage. The webview's own state is
// not enough: VS Code web can drop it, or the whole panel, on a reload.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';

/** Writes are grouped: typing saves at most this often. */
const WRITE_DELAY_MS = 200;

/** Drafts bigger than this keep what was typed and drop the saved answers. */
const MAX_DRAFT_CHARS = 2_000_000;

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
      const text = await fs.readFile(this.file, 'utf8');
      return text.length > MAX_DRAFT_CHARS ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  save(drafts: Record<string, unknown>): void {
    const text = JSON.stringify(drafts);
    this.pending = text.length > MAX_DRAFT_CHARS ? JSON.stringify(withoutAnswers(drafts)) : text;
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

  /** After sign-out: the answers (patients' data) leave the disk; what was typed stays. */
  async dropAnswers(): Promise<void> {
    const drafts = await this.load();
    if (typeof drafts === 'object' && drafts !== null && !Array.isArray(drafts)) {
      this.save(withoutAnswers(drafts as Record<string, unknown>));
      await this.flush();
    }
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

function withoutAnswers(drafts: Record<string, unknown>): Record<string, unknown> {
  return { ...drafts, results: {}, resultIds: {}, sentQuery: '' };
}
