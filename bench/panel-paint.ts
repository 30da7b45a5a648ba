/**
 * From the background's answer to a painted panel (issue 7: < 50 ms), in Chromium, with the
 * sidebar set to open by itself (settings.sidebarMode 'open').
 *
 * Method. Marks in a Chromium trace (CDP Tracing) of the page's load, none changing the
 * extension:
 * - the background reads a page by running its reader scripts in it (scripting.executeScript,
 *   traced as EvaluateScript with the script's URL), and answers a page with a story by sending
 *   the story (an in-page function, traced as EvaluateScript with no URL) and, alongside it,
 *   sidebar.js. The start of the task that ran the story's function is the answer's arrival;
 *   whether sidebar.js was evaluated before it or after it (the two race), what the page still
 *   waits for after the answer is inside the figure;
 * - a script in the page's main world, added before the page's own, watches <html> for the
 *   sidebar host, then frame by frame waits for the panel in its open shadow root to have a box,
 *   and from that frame's requestAnimationFrame posts a message whose handler (it runs after the
 *   frame's style, layout and paint) calls console.timeStamp('ct-painted').
 * Figure: 'ct-painted' − start of the answer's task. When the answer's function cannot be found
 * in the trace, the start of the task in which the host appeared is used instead, and the note
 * says so. Beside it: the first reading's start (read-quick.js) → painted, the whole way from a
 * loaded page to its panel.
 *
 * Phases (same trace, same window), to say where the time goes: answer → host in the page (the
 * render, and evaluating sidebar.js when it arrived after the answer); host → painted (style,
 * layout, paint, and waiting for the frame); whether sidebar.js was evaluated inside the window;
 * and the main thread's CPU time in it (trace thread clock), with its style + layout and paint
 * parts, which a busy machine inflates far less than wall time.
 */
import type { Page } from 'playwright-core';
import type { Tab } from './page-cost';
import { START_URL } from './page-cost';

export interface PanelPaintSample {
  url: string;
  /** Reply task start → painted, from the trace. */
  panelMs: number | null;
  /** Whether panelMs starts at the answer's task (else at the host's task). */
  fromAnswer: boolean;
  /** The page's first reading (read-quick.js) began → painted, from the trace. */
  readToPaintMs: number | null;
  /** Evaluating sidebar.js, from the trace. */
  sidebarScriptMs: number | null;
  /** Phases of panelMs, from the trace (null when there is no panelMs). */
  phases: PanelPhases | null;
  /** Host in the DOM → painted, in the page's clock. */
  hostToPaintMs: number | null;
  /** A trivial <div> appended → painted, in the page's clock. */
  baselineMs: number | null;
  error?: string;
}

export interface PanelPhases {
  /** Answer → host in the page: the render (and sidebar.js's evaluation when it came late). */
  toHostMs: number | null;
  /** Host in the page → painted. */
  hostToPaintMs: number | null;
  /** Whether sidebar.js was evaluated after the answer's task began (its cost is then inside). */
  sidebarInWindow: boolean;
  /** Main-thread CPU time of the tasks that ran in the window (trace thread clock). */
  cpuMs: number;
  /** Of which style recalculation and layout. */
  styleLayoutCpuMs: number;
  /** Of which paint (recording) and pre-paint. */
  paintCpuMs: number;
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
  // Before parsing starts there may be no <html> yet; watch the document until there is.
  if (document.documentElement) observer.observe(document.documentElement, { childList: true });
  else {
    const waitForRoot = new MutationObserver(() => {
      if (!document.documentElement) return;
      waitForRoot.disconnect();
      observer.observe(document.documentElement, { childList: true });
    });
    waitForRoot.observe(document, { childList: true });
  }
  (window as unknown as { __ctWhenPainted: typeof whenPainted }).__ctWhenPainted = whenPainted;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { message?: string; url?: string } };
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

/**
 * When the task that ran the code holding `stamp` began. Chromium traces a task's microtask
 * checkpoint as a sibling right after the task (BlinkScheduler_PerformMicrotaskCheckpoint), so a
 * stamp made in a promise continuation sits in the checkpoint; its task is the one that ended
 * just before it.
 */
function taskStart(events: TraceEvent[], stamp: TraceEvent): number | null {
  const onThread = events.filter(
    (e) => e.pid === stamp.pid && e.tid === stamp.tid && e.ph === 'X' && e.dur !== undefined,
  );
  const containing = onThread
    .filter(
      (e) =>
        /RunTask|MicrotaskCheckpoint/.test(e.name) && e.ts <= stamp.ts && e.ts + e.dur! >= stamp.ts,
    )
    .sort((x, y) => x.ts - y.ts)[0];
  if (!containing) return null;
  if (!/MicrotaskCheckpoint/.test(containing.name)) return containing.ts;
  const task = onThread
    .filter(
      (e) =>
        /RunTask/.test(e.name) &&
        e.ts + e.dur! <= containing.ts + 1 &&
        containing.ts - (e.ts + e.dur!) < 500,
    )
    .sort((x, y) => y.ts + y.dur! - (x.ts + x.dur!))[0];
  return task ? task.ts : containing.ts;
}

interface TraceFigures {
  /** Answer's task start (or the host's task start) → painted. */
  panelMs: number | null;
  fromAnswer: boolean;
  /** The first reading began → painted. */
  readToPaintMs: number | null;
  /** Main-thread time evaluating the injected sidebar.js (compile and run). */
  sidebarScriptMs: number | null;
  phases: PanelPhases | null;
}

/** The window's phases; `start` and `end` in trace microseconds, on the painted stamp's thread. */
function phasesOf(
  events: TraceEvent[],
  start: number,
  end: number,
  thread: TraceEvent,
  host: TraceEvent | undefined,
  sidebarEval: TraceEvent[],
): PanelPhases {
  const onThread = events.filter(
    (e) =>
      e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.ts >= start && e.ts < end,
  );
  const cpu = (names: RegExp) =>
    onThread.filter((e) => names.test(e.name)).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  const hostIn = host && host.ts >= start && host.ts <= end ? host : undefined;
  return {
    toHostMs: hostIn ? (hostIn.ts - start) / 1000 : null,
    hostToPaintMs: hostIn ? (end - hostIn.ts) / 1000 : null,
    sidebarInWindow: sidebarEval.some((e) => e.ts >= start && e.ts < end),
    // Top-level tasks only (a task's microtask checkpoint is traced beside it, not inside).
    cpuMs: cpu(/^(ThreadControllerImpl::RunTask|BlinkScheduler_PerformMicrotaskCheckpoint)$/),
    styleLayoutCpuMs: cpu(/^(UpdateLayoutTree|Layout)$/),
    paintCpuMs: cpu(/^(PrePaint|Paint)$/),
  };
}

/** The page's EvaluateScript events (script runs), in order, optionally of one URL. */
function evaluations(events: TraceEvent[], url: RegExp): TraceEvent[] {
  return events
    .filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && url.test(e.args?.data?.url ?? ''))
    .sort((a, b) => a.ts - b.ts);
}

function fromTrace(events: TraceEvent[]): TraceFigures {
  const stamps = (message: string) =>
    events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === message);
  const painted = stamps('ct-painted')[0];
  const host = stamps('ct-host')[0];
  const firstReading = evaluations(events, /\/read-quick\.js$/)[0];
  // The story's function is the one script without a URL run after the first reading: its task
  // is where the answer arrives (a page's own inline scripts carry the page's URL).
  const answer = firstReading
    ? evaluations(events, /^$/).find(
        (e) =>
          e.pid === firstReading.pid &&
          e.tid === firstReading.tid &&
          e.ts > firstReading.ts &&
          (!painted || e.ts <= painted.ts),
      )
    : undefined;
  const anchor = answer ?? host;
  const sidebarEval = evaluations(events, /\/sidebar\.js$/);
  const sidebarScriptMs =
    sidebarEval.length > 0 ? sidebarEval.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000 : null;
  if (!painted || !anchor)
    return { panelMs: null, fromAnswer: false, readToPaintMs: null, sidebarScriptMs, phases: null };
  const start = answer ? answer.ts : taskStart(events, anchor);
  return {
    panelMs: start === null ? null : (painted.ts - start) / 1000,
    fromAnswer: answer !== undefined,
    readToPaintMs: firstReading ? (painted.ts - firstReading.ts) / 1000 : null,
    sidebarScriptMs,
    phases: start === null ? null : phasesOf(events, start, painted.ts, painted, host, sidebarEval),
  };
}

/**
 * Polls the page for the paint mark with bare CDP Runtime.evaluate calls. Not Playwright's
 * waitForFunction: its first call in a new document injects Playwright's ~300 KB utility script,
 * a 10-15 ms task that would land in the middle of the measured window.
 */
async function waitForPaintStamp(tab: Tab, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { result } = (await tab.session.send('Runtime.evaluate', {
      expression: 'Boolean(window.__ctPanel && window.__ctPanel.painted)',
      returnByValue: true,
    })) as { result: { value?: unknown } };
    if (result.value === true) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
  const sample: PanelPaintSample = {
    url,
    panelMs: null,
    fromAnswer: false,
    readToPaintMs: null,
    sidebarScriptMs: null,
    phases: null,
    hostToPaintMs: null,
    baselineMs: null,
  };
  try {
    await tab.page.goto(START_URL, { waitUntil: 'load' });
    const events = await collectTrace(tab, async () => {
      await tab.page.goto(url, { waitUntil: 'load' });
      await waitForPaintStamp(tab);
    });
    Object.assign(sample, fromTrace(events));
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
