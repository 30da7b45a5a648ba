/**
 * From the background's answer to a painted panel (issue 7: < 50 ms), in Chromium, with the
 * sidebar set to open by itself (settings.sidebarMode 'open').
 *
 * Method. A script in the page's main world (added before the page's own scripts; it does not
 * touch the extension) watches <html> for the sidebar host. When the host appears it calls
 * console.timeStamp('ct-host'); then, frame by frame, it waits for the panel inside the host's
 * open shadow root to have a box, and from that frame's requestAnimationFrame posts a message
 * whose handler, which runs after the frame's style, layout and paint, calls
 * console.timeStamp('ct-painted'). A Chromium trace (CDP Tracing) of the load gives both stamps
 * on the renderer's main thread, and the start of the task in which 'ct-host' was stamped: the
 * task that delivered the background's reply to the content script (the reply resolves a promise,
 * and the content script mounts and renders in that task's microtasks, before the observer runs).
 * Figure: painted − start of that task.
 * Baseline, same page, same method: a plain <div> appended by the page's main world, to painted.
 */
import type { Page } from 'playwright-core';
import type { Tab } from './page-cost';
import { START_URL } from './page-cost';

export interface PanelPaintSample {
  url: string;
  /** Reply task start → painted, from the trace. */
  panelMs: number | null;
  /** Host in the DOM → painted, in the page's clock. */
  hostToPaintMs: number | null;
  /** A trivial <div> appended → painted, in the page's clock. */
  baselineMs: number | null;
  error?: string;
}

/** Runs in every document of the context, in the main world, before the page's scripts. */
export function panelWatcher(): void {
  const marks: { host: number | null; painted: number | null } = { host: null, painted: null };
  (window as unknown as { __ctPanel: typeof marks }).__ctPanel = marks;
  const whenPainted = (done: () => void) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = done;
      channel.port2.postMessage(0);
    });
  };
  const waitForPanel = (host: Element) => {
    requestAnimationFrame(() => {
      const panel = host.shadowRoot?.querySelector('[data-testid="ct-panel"]');
      if (panel && panel.getClientRects().length > 0) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          marks.painted = performance.now();
          console.timeStamp('ct-painted');
        };
        channel.port2.postMessage(0);
      } else if (performance.now() - (marks.host ?? 0) < 5000) waitForPanel(host);
    });
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (
          node instanceof Element &&
          node.localName.startsWith('crosstalk-sidebar') &&
          marks.host === null
        ) {
          marks.host = performance.now();
          console.timeStamp('ct-host');
          observer.disconnect();
          waitForPanel(node);
        }
      }
    }
  });
  observer.observe(document.documentElement, { childList: true });
  (window as unknown as { __ctWhenPainted: typeof whenPainted }).__ctWhenPainted = whenPainted;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { message?: string } };
}

async function collectTrace(tab: Tab, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: TraceEvent[] }) => events.push(...e.value);
  const session = tab.session as unknown as {
    on(event: string, handler: (e: never) => void): void;
    off(event: string, handler: (e: never) => void): void;
    once(event: string, handler: () => void): void;
  };
  session.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((resolve) =>
    session.once('Tracing.tracingComplete', () => resolve()),
  );
  await tab.session.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline',
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    await tab.session.send('Tracing.end');
    await complete;
    session.off('Tracing.dataCollected', onData);
  }
  return events;
}

function fromTrace(events: TraceEvent[]): number | null {
  const stamp = (message: string) =>
    events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === message);
  const host = stamp('ct-host');
  const painted = stamp('ct-painted');
  if (!host || !painted) return null;
  const tasks = events.filter(
    (e) =>
      e.pid === host.pid &&
      e.tid === host.tid &&
      e.ph === 'X' &&
      /RunTask/.test(e.name) &&
      e.ts <= host.ts &&
      e.ts + (e.dur ?? 0) >= host.ts,
  );
  if (tasks.length === 0) return null;
  const start = Math.min(...tasks.map((t) => t.ts));
  return (painted.ts - start) / 1000;
}

async function baselinePaint(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const t0 = performance.now();
        const div = document.createElement('div');
        div.textContent = 'baseline';
        document.body.appendChild(div);
        const when = (window as unknown as { __ctWhenPainted?: (done: () => void) => void })
          .__ctWhenPainted;
        if (!when) return resolve(null);
        when(() => {
          div.remove();
          resolve(performance.now() - t0);
        });
      }),
  );
}

export async function measurePanelPaint(tab: Tab, url: string): Promise<PanelPaintSample> {
  const sample: PanelPaintSample = { url, panelMs: null, hostToPaintMs: null, baselineMs: null };
  try {
    await tab.page.goto(START_URL, { waitUntil: 'load' });
    const events = await collectTrace(tab, async () => {
      await tab.page.goto(url, { waitUntil: 'load' });
      await tab.page
        .waitForFunction(
          () =>
            (window as unknown as { __ctPanel?: { painted: number | null } }).__ctPanel?.painted,
          null,
          {
            timeout: 8000,
            polling: 50,
          },
        )
        .catch(() => undefined);
    });
    sample.panelMs = fromTrace(events);
    const marks = await tab.page.evaluate(
      () =>
        (window as unknown as { __ctPanel?: { host: number | null; painted: number | null } })
          .__ctPanel ?? null,
    );
    if (marks?.host != null && marks.painted != null)
      sample.hostToPaintMs = marks.painted - marks.host;
    sample.baselineMs = await baselinePaint(tab.page);
  } catch (error) {
    sample.error = String(error).split('\n')[0];
  }
  return sample;
}
