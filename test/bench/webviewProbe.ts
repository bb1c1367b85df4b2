// Marks, inside the playground webview, the moments of one patient search:
// the click on Search, the host's result reaching the webview's host frame,
// that frame passing it on, the page's own listener starting and done
// (table and raw JSON built), and the next frame after it. The marks are
// taken in the page, so polling from here never shifts them.
//
// A VS Code webview is two frames: a host frame (pre/index.html) that gets
// messages from the workbench on a MessagePort, and inside it an
// about:blank frame that VS Code writes the extension's HTML into. That
// write keeps the window (and what a script put on it) but drops listeners
// added before, so the probe starts as an init script: in the host frame
// it notes when a port message arrives; in the inner frame it wraps
// addEventListener (to time the page's 'message' listener from inside) and
// postMessage (which the host frame calls to pass a message on).
import type { BrowserContext, Frame } from 'playwright-core';

/** Epoch milliseconds (Date.now in the page), comparable with other processes. */
export interface WebviewMarks {
  clicked?: number;
  /** A message from the workbench reached the webview's host frame. */
  relayArrived?: number;
  /** The host frame, having read it, started passing it to the page. */
  relayStart?: number;
  /** Its postMessage to the page returned (the message was serialised). */
  relayEnd?: number;
  /** The page's message listener was about to run. */
  received?: number;
  /** event.data was read (a structured clone is decoded on first read). */
  decoded?: number;
  /** The page's listener returned: state saved, result element in the DOM. */
  handled?: number;
  painted?: number;
}

export interface WebviewResult {
  outcome: string | null;
  caption: string;
  renderedRows: number;
  /** What the page says the host measured ("… ms"). */
  elapsedText: string;
  rawChars: number;
}

interface Probe {
  marks: WebviewMarks;
  /** Only results that arrive after arm() are marked. */
  armed: boolean;
  clickListener?: boolean;
}

interface Relay {
  /** When the latest port messages arrived, newest last, a few kept. */
  arrivals: number[];
}

interface ProbeWindow {
  __romsoftBench?: Probe;
  __romsoftRelay?: Relay;
}

/** Must be added before the playground opens; only webview frames take it. */
export async function addProbeInitScript(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const host = window as unknown as ProbeWindow;
    const isResult = (data: unknown): boolean => {
      const message = data as { type?: unknown; pane?: unknown } | null;
      return message?.type === 'result' && message.pane === 'patients';
    };

    if (/\/webview\/browser\/pre\/index(-no-csp)?\.html$/.test(location.pathname)) {
      if (host.__romsoftRelay) {
        return;
      }
      const relay: Relay = { arrivals: [] };
      host.__romsoftRelay = relay;
      const property = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
      if (!property?.set || !property.get) {
        return;
      }
      const { get, set } = property;
      Object.defineProperty(MessagePort.prototype, 'onmessage', {
        configurable: true,
        enumerable: property.enumerable,
        get(this: MessagePort) {
          return get.call(this);
        },
        set(this: MessagePort, handler: unknown) {
          if (typeof handler !== 'function') {
            set.call(this, handler);
            return;
          }
          set.call(this, function (this: MessagePort, event: MessageEvent) {
            relay.arrivals.push(Date.now());
            if (relay.arrivals.length > 20) {
              relay.arrivals.shift();
            }
            return (handler as (event: MessageEvent) => unknown).call(this, event);
          });
        },
      });
      return;
    }

    // The page's frame starts as about:blank inside the host frame; other
    // about:blank frames of the workbench (its worker extension host) are left alone.
    let inWebviewContent = false;
    try {
      inWebviewContent = window !== window.top && location.href === 'about:blank' &&
        /\/webview\/browser\/pre\//.test(window.parent.location.pathname);
    } catch {
      inWebviewContent = false;
    }
    if (!inWebviewContent || host.__romsoftBench) {
      return;
    }
    const probe: Probe = { marks: {}, armed: false };
    host.__romsoftBench = probe;

    const originalPost = window.postMessage;
    window.postMessage = function (this: Window, ...args: unknown[]): void {
      const marked = probe.armed && isResult(args[0]) && probe.marks.relayStart === undefined;
      if (marked) {
        probe.marks.relayStart = Date.now();
      }
      try {
        (originalPost as (...args: unknown[]) => void).apply(this, args);
      } finally {
        if (marked) {
          probe.marks.relayEnd = Date.now();
        }
      }
    } as typeof window.postMessage;

    const original = window.addEventListener;
    // Only window 'message' listeners are wrapped; every other call passes straight on.
    window.addEventListener = function (
      this: Window,
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ): void {
      if (type !== 'message' || this !== window || typeof listener !== 'function') {
        original.call(this, type, listener, options);
        return;
      }
      const timed = function (this: Window, event: Event): unknown {
        const received = Date.now();
        const marked = probe.armed && isResult((event as MessageEvent).data) &&
          probe.marks.received === undefined;
        if (marked) {
          probe.marks.received = received;
          probe.marks.decoded = Date.now();
        }
        try {
          return (listener as (event: Event) => unknown).call(this, event);
        } finally {
          if (marked) {
            probe.marks.handled = Date.now();
            // requestAnimationFrame runs before the next paint; a task
            // queued from it runs once that frame has been produced.
            requestAnimationFrame(() => setTimeout(() => {
              probe.marks.painted = Date.now();
            }, 0));
          }
        }
      };
      original.call(this, type, timed as EventListener, options);
    } as typeof window.addEventListener;
  });
}

/** Checks the init script took, and adds the click mark to the drawn page. */
export async function installProbe(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).__romsoftBench;
    if (!probe) {
      return false;
    }
    if (!probe.clickListener) {
      probe.clickListener = true;
      document.addEventListener('click', (event) => {
        const target = event.target as Element | null;
        if (probe.armed && target?.closest('#patient-search')) {
          probe.marks.clicked = Date.now();
        }
      }, true);
    }
    return true;
  });
}

export async function armProbe(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).__romsoftBench as Probe;
    probe.marks = {};
    probe.armed = true;
  });
}

export async function readMarks(frame: Frame): Promise<WebviewMarks> {
  const marks = await frame.evaluate(() =>
    ({ ...(window as unknown as ProbeWindow).__romsoftBench?.marks }));
  const start = marks.relayStart;
  const hostFrame = frame.parentFrame();
  if (start !== undefined && hostFrame) {
    // The host frame passes a message on in the same task it arrived in,
    // so the latest arrival at or before the re-post is this message's.
    const arrivals = await hostFrame.evaluate(() =>
      (window as unknown as ProbeWindow).__romsoftRelay?.arrivals ?? []);
    marks.relayArrived = arrivals.filter((at) => at <= start).at(-1);
  }
  return marks;
}

export async function readResult(frame: Frame): Promise<WebviewResult> {
  return frame.evaluate(() => {
    const pane = document.querySelector('#patients');
    const result = pane?.querySelector('.output .result');
    return {
      outcome: result?.getAttribute('data-outcome') ?? null,
      caption: pane?.querySelector('table.data caption')?.textContent ?? '',
      renderedRows: pane?.querySelectorAll('table.data tbody tr').length ?? 0,
      elapsedText: pane?.querySelector('.output .elapsed')?.textContent ?? '',
      rawChars: pane?.querySelector('.output pre.raw')?.textContent?.length ?? 0,
    };
  });
}

/** performance.memory of the page; Chromium rounds it unless precise info is on. */
export async function pageHeap(frame: Frame): Promise<number | undefined> {
  return frame.evaluate(() => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory?.usedJSHeapSize;
  });
}
