/**
 * Main-thread time from a V8 CPU profile (CDP Profiler domain, sampled every 100 µs on the page's
 * renderer). A sample counts for the extension when any frame of its stack comes from a script at
 * the extension's origin (chrome-extension://<id>/…): that takes in the content script's own JS
 * and the DOM work it calls (a forced layout under innerText is sampled inside the calling
 * function). Not counted: garbage collection and top-level compilation that V8 books under
 * "(garbage collector)" and "(program)" with no JS stack, so the figure is a slight undercount;
 * the load-time difference, measured beside it, catches what it misses.
 */
export interface CpuProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSplit {
  /** Milliseconds whose stack holds a frame from `urlPrefix`. */
  attributedMs: number;
  /** Milliseconds the thread was not idle (JS, style, layout, parsing, GC…). */
  busyMs: number;
  totalMs: number;
}

export function splitProfile(profile: CpuProfile, urlPrefix: string | null): ProfileSplit {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const hit = new Map<number, boolean>();
  const isAttributed = (id: number): boolean => {
    const known = hit.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const value =
      urlPrefix !== null &&
      node !== undefined &&
      (node.callFrame.url.startsWith(urlPrefix) || (up !== undefined && isAttributed(up)));
    hit.set(id, value);
    return value;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let attributed = 0;
  let busy = 0;
  let total = 0;
  // timeDeltas[i] is the gap before sample i; the time a sample stands for is the gap after it.
  for (let i = 0; i < samples.length; i++) {
    const dt = (i + 1 < deltas.length ? deltas[i + 1]! : 0) / 1000;
    total += dt;
    const node = byId.get(samples[i]!);
    if (node?.callFrame.functionName !== '(idle)') busy += dt;
    if (isAttributed(samples[i]!)) attributed += dt;
  }
  return { attributedMs: attributed, busyMs: busy, totalMs: total };
}
