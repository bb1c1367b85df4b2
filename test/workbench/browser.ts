// Drives a VS Code web workbench from Debian's Chromium the way a person
// would: keyboard shortcuts, the command palette, clicks on what is shown.
// Selectors are those of VS Code 1.100 (checked against code-server 4.100.3).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, BrowserContext, chromium, Frame, Page } from 'playwright-core';
import { repoRoot } from '../support/paths';
import { LOOPBACK } from './codeServer';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium quiet: no background traffic, no updates, no sync. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const VIEWPORT = { width: 1400, height: 900 };

export interface LaunchOptions {
  /** Default: env CHROMIUM_PATH, else /usr/bin/chromium. */
  executablePath?: string;
  /** Default true; set HEADED=1 in the environment to watch. */
  headless?: boolean;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  // Chromium keeps its crash database under XDG_CONFIG_HOME even with a
  // temporary profile; point that at a folder removed with the browser.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'romsoft-chromium-'));
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM,
    headless: options.headless ?? process.env.HEADED !== '1',
    args: [...CHROMIUM_ARGS],
    env: { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
  }).catch(error => {
    fs.rmSync(home, { recursive: true, force: true });
    throw error;
  });
  browser.on('disconnected', () => fs.rmSync(home, { recursive: true, force: true }));
  return browser;
}

export const SCREENSHOT_DIR = path.join(repoRoot, 'test-results', 'screenshots');

const SELECTORS = {
  workbench: '.monaco-workbench',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  quickInputMessage: '.quick-input-widget .quick-input-message',
  toast: '.notifications-toasts .notification-toast-container',
  toastMessage: '.notifications-toasts .notification-list-item-message',
  activityBar: '.part.activitybar',
  pane: '.part.sidebar .pane, .part.auxiliarybar .pane, .part.panel .pane',
};

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** A workbench tab and the actions a person takes in it. */
export class Workbench {
  /** Requests the guard refused because they left loopback. */
  readonly blockedRequests: string[] = [];
  /** Browser console lines, for diagnosing a failed test. */
  readonly consoleLines: string[] = [];

  private constructor(readonly context: BrowserContext, readonly page: Page) {}

  /** A fresh browser context whose requests may only go to 127.0.0.1. */
  static async create(browser: Browser): Promise<Workbench> {
    // Reduced motion turns off VS Code's animations, so what a test reads
    // or photographs is never caught halfway through a transition.
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const workbench = new Workbench(context, page);

    await context.route('**/*', route => {
      const url = new URL(route.request().url());
      if (url.hostname === LOOPBACK) {
        return route.continue();
      }
      workbench.blockedRequests.push(url.toString());
      return route.abort('blockedbyclient');
    });
    page.on('console', message => {
      // VS Code styles its log lines: "%c INFO color: #33f text".
      const text = message.text().replace(/^%c\s*(\w+)\s+color:\s*#\w+\s*/, '$1 ');
      workbench.consoleLines.push(`[${message.type()}] ${text}`);
    });
    page.on('pageerror', error => workbench.consoleLines.push(`[pageerror] ${error.message}`));
    return workbench;
  }

  /** Loads the workbench and waits until its extension hosts are running. */
  async open(url: string, options: WaitOptions = {}): Promise<number> {
    const started = Date.now();
    const timeoutMs = options.timeoutMs ?? 60_000;

    await this.page.goto(url);
    await this.page.waitForSelector(SELECTORS.workbench, { timeout: timeoutMs });
    // VS Code marks this once every extension host has started and read
    // the contributions; commands of our extension exist from then on.
    await this.waitFor(
      () => this.page.evaluate(() =>
        performance.getEntriesByName('code/didLoadExtensions', 'mark').length > 0),
      { timeoutMs: timeoutMs - (Date.now() - started) },
      'the extension host to start (performance mark code/didLoadExtensions)');
    return Date.now() - started;
  }

  /** Opens the command palette, types the title and runs the matching command. */
  async runCommand(title: string): Promise<void> {
    await this.openCommandPalette();
    await this.typeIntoQuickInput(`>${title}`, { replace: true });

    await this.selectQuickPickItem(title);
  }

  /**
   * Accepts the quick pick entry with exactly this label: Enter when it is
   * the focused one, a click otherwise. Entries are found by label, not by
   * position, since recently used ones and separators come first.
   */
  async selectQuickPickItem(label: string): Promise<void> {
    const row = this.page.locator(SELECTORS.quickInputRow).filter({
      has: this.page.locator('.quick-input-list-label .label-name', { hasText: exactText(label) }),
    }).first();
    await row.waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS }).catch(async () => {
      const shown = (await this.quickPickItems()).join(' | ');
      throw new Error(`No entry "${label}" in the quick pick; it shows: ${shown}`);
    });

    if (await row.evaluate(element => element.classList.contains('focused'))) {
      await this.pressEnter();
    } else {
      await row.click();
    }
  }

  async openCommandPalette(): Promise<void> {
    await this.page.locator(SELECTORS.workbench).first().focus();
    await this.page.keyboard.press('F1');
    if (!await this.isQuickInputVisible(3000)) {
      await this.page.keyboard.press('Control+Shift+P');
    }
    await this.page.waitForSelector(SELECTORS.quickInputBox, { state: 'visible' });
  }

  async isQuickInputVisible(timeoutMs = 0): Promise<boolean> {
    const widget = this.page.locator(SELECTORS.quickInput);
    if (timeoutMs <= 0) {
      return widget.isVisible();
    }
    try {
      await widget.waitFor({ state: 'visible', timeout: timeoutMs });
      return true;
    } catch {
      return false;
    }
  }

  /** Waits for the quick input (palette, input box or pick) to be shown. */
  async waitForQuickInput(options: WaitOptions = {}): Promise<void> {
    await this.page.waitForSelector(SELECTORS.quickInputBox, {
      state: 'visible',
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  }

  async quickInputValue(): Promise<string> {
    await this.waitForQuickInput();
    return this.page.locator(SELECTORS.quickInputBox).inputValue();
  }

  /** Whether the quick input hides what is typed (showInputBox password). */
  async quickInputIsPassword(): Promise<boolean> {
    await this.waitForQuickInput();
    return (await this.page.locator(SELECTORS.quickInputBox).getAttribute('type')) === 'password';
  }

  /** Types key by key; with replace, what was there is selected and typed over. */
  async typeIntoQuickInput(text: string, options: { replace?: boolean } = {}): Promise<void> {
    await this.waitForQuickInput();
    const box = this.page.locator(SELECTORS.quickInputBox);
    await box.focus();
    if (options.replace) {
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.press('Backspace');
    }
    await this.page.keyboard.type(text);
  }

  async pressEnter(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  async pressEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /**
   * The text under the quick input box: the prompt, or the validation
   * message when the value is refused. Empty when the widget is hidden.
   */
  async quickInputMessage(): Promise<string> {
    if (!await this.isQuickInputVisible()) {
      return '';
    }
    const message = this.page.locator(SELECTORS.quickInputMessage);
    return await message.isVisible() ? (await message.innerText()).trim() : '';
  }

  /**
   * Waits until the message under the box matches. Validation runs after
   * each keystroke and settles a moment later, so read it through this.
   */
  async waitForQuickInputMessage(
    match: string | RegExp, options: WaitOptions = {},
  ): Promise<string> {
    return this.waitFor(async () => {
      const message = await this.quickInputMessage();
      const matches = typeof match === 'string' ? message.includes(match) : match.test(message);
      return matches ? message : undefined;
    }, options, `the quick input message to match ${String(match)}`);
  }

  /** Labels of the entries the quick pick shows now. */
  async quickPickItems(): Promise<string[]> {
    return this.page.locator(`${SELECTORS.quickInputRow} .quick-input-list-label .label-name`)
      .allInnerTexts()
      .then(labels => labels.map(label => label.trim()));
  }

  /** Texts of the notification toasts on screen now. */
  async notifications(): Promise<string[]> {
    const texts = await this.page.locator(SELECTORS.toastMessage).allInnerTexts();
    return texts.map(text => text.trim());
  }

  /** Waits for a toast whose text contains (or matches) what is given. */
  async waitForNotification(match: string | RegExp, options: WaitOptions = {}): Promise<string> {
    return this.waitFor(async () => {
      const texts = await this.notifications();
      return texts.find(text =>
        typeof match === 'string' ? text.includes(match) : match.test(text));
    }, options, `a notification matching ${String(match)}`);
  }

  /**
   * Clears the toasts through VS Code's own command, as a person would
   * with the bell's "Clear All"; a progress toast leaves once its task ends.
   */
  async dismissNotifications(): Promise<void> {
    const toasts = this.page.locator(SELECTORS.toast);
    if (await toasts.count() === 0) {
      return;
    }
    await this.runCommand('Notifications: Clear All Notifications');
    await this.waitFor(async () => (await toasts.count()) === 0, { timeoutMs: 10_000 },
      'the notifications to close');
  }

  /** Clicks the activity bar icon whose title starts with the given text. */
  async clickActivityBarItem(title: string): Promise<void> {
    const item = this.page.locator(
      `${SELECTORS.activityBar} .action-item a[aria-label^="${cssString(title)}"]`).first();
    await item.waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
    await item.click();
  }

  /** Labels of the rows the named view shows now, top to bottom. */
  async treeItems(viewName: string): Promise<string[]> {
    const rows = this.view(viewName).locator('.pane-body .monaco-list-row');
    const labels = await rows.evaluateAll(elements => elements.map(element => {
      const name = element.querySelector('.label-name');
      return (name?.textContent ?? element.getAttribute('aria-label') ?? '').trim();
    }));
    return labels.filter(label => label.length > 0);
  }

  /** Waits until the named view shows a row with the label. */
  async waitForTreeItem(viewName: string, label: string, options: WaitOptions = {}): Promise<void> {
    await this.waitFor(async () => (await this.treeItems(viewName)).includes(label) || undefined,
      options, `"${label}" in view "${viewName}"`);
  }

  /** Expands a collapsed row (in any visible view) by clicking its twistie. */
  async expandTreeItem(label: string, viewName?: string): Promise<void> {
    const scope = viewName ? this.view(viewName) : this.page.locator(SELECTORS.pane);
    const row = scope.locator('.monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: exactText(label) }),
    }).first();
    await row.waitFor({ state: 'visible', timeout: DEFAULT_TIMEOUT_MS });
    if (await row.getAttribute('aria-expanded') === 'false') {
      await row.locator('.monaco-tl-twistie').click();
      const expanded = async () => await row.getAttribute('aria-expanded') === 'true';
      await this.waitFor(expanded, {}, `"${label}" to expand`);
    }
  }

  /** Clicks a row in a view, as a person selects an item. */
  async clickTreeItem(label: string, viewName?: string): Promise<void> {
    const scope = viewName ? this.view(viewName) : this.page.locator(SELECTORS.pane);
    const row = scope.locator('.monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: exactText(label) }),
    }).first();
    await row.click();
  }

  /**
   * The frame of a webview that contains the selector. A webview is an
   * iframe (the host page) holding another iframe (the extension's HTML),
   * so every frame of the page is searched until one has the element.
   */
  async webviewFrame(selector: string, options: WaitOptions = {}): Promise<Frame> {
    return this.waitFor(async () => {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame() || frame.isDetached()) {
          continue;
        }
        const found = await frame.$(selector).catch(() => null);
        if (found) {
          await found.dispose();
          return frame;
        }
      }
      return undefined;
    }, options, `a webview frame containing ${selector}`);
  }

  /** Saves a PNG under test-results/screenshots and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Polls condition until it returns something other than undefined, null
   * or false, and returns that. Errors thrown meanwhile count as "not yet";
   * the last one is quoted if time runs out.
   */
  async waitFor<T>(
    condition: () => Promise<T | undefined | null | false> | T | undefined | null | false,
    options: WaitOptions,
    description: string,
  ): Promise<T> {
    return waitFor(condition, options, description);
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  private view(viewName: string) {
    return this.page.locator(SELECTORS.pane).filter({
      has: this.page.locator('.pane-header h3.title', { hasText: exactText(viewName) }),
    });
  }
}

/** Polls until condition yields a value; the error names what was awaited. */
export async function waitFor<T>(
  condition: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: WaitOptions,
  description: string,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;

  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== null && value !== false) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}
