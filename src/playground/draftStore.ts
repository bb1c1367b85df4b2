// Keeps the playground's drafts (what was typed, the last small answers)
// in a file in the extension's global storage. The webview's own state is
// not enough: VS Code web can drop it, or the whole panel, on a reload.
import * as vscode from 'vscode';

/** Writes are grouped: typing saves at most this often. */
const WRITE_DELAY_MS = 400;

export class DraftStore implements vscode.Disposable {
  private pending: unknown;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly folder: vscode.Uri) {}

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, 'playground-drafts.json');
  }

  /** The last saved drafts, or undefined when there are none or they are unreadable. */
  async load(): Promise<unknown> {
    await this.flush();
    try {
      const bytes = await vscode.workspace.fs.readFile(this.file);
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return undefined;
    }
  }

  save(drafts: unknown): void {
    this.pending = drafts;
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), WRITE_DELAY_MS);
    }
  }

  /** Writes what is pending now; resolves once it is on disk. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }

    if (this.pending !== undefined) {
      const text = JSON.stringify(this.pending);
      this.pending = undefined;
      this.writing = this.writing.then(() => this.write(text));
    }
    await this.writing;
  }

  dispose(): void {
    void this.flush();
  }

  private async write(text: string): Promise<void> {
    try {
      await vscode.workspace.fs.createDirectory(this.folder);
      await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(text));
    } catch {
      // Drafts are a convenience: a full disk must not break the playground.
    }
  }
}
