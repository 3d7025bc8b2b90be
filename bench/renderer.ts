// Renderer smoothness on the whole book (issue 8, part 3): the built renderer in Chromium, window.rm
// bound to the bench core, the Clients table scrolled through every row and the Segments page
// opened, with the main thread's long tasks (over 50 ms) recorded by the page itself.
import type { Page } from 'playwright-core';
import type { ClientListRow } from '../src/shared/clients';
import { translate, type LocaleKey } from '../src/shared/i18n';
import { bindRouter, launchChromium, serveRenderer } from '../test/e2e/harness';
import { median, row, type BenchContext, type Row } from './lib';

/** Issue 8's budget: no task over this while scrolling the book. */
const LONG_TASK_BUDGET_MS = 100;
/** Give up when placeholder rows stay in view this long (a stuck page load). */
const STALL_LIMIT_MS = 120_000;

interface LongTask {
  start: number;
  duration: number;
}
interface IpcCall {
  channel: string;
  start: number;
  ms: number;
  offset?: number;
  rows?: number;
}
/** What the page gathered (see installProbes). */
interface Probe {
  long: LongTask[];
  /** Long animation frames, with the scripts that ran in them: to say where a long task went. */
  loaf: { start: number; duration: number; blocking: number; render: number; scripts: { source: string; fn: string; ms: number }[] }[];
  ipc: IpcCall[];
  pending: number;
}
type Phase = { long: LongTask[]; loaf: Probe['loaf']; ipc: IpcCall[] };

export async function benchRenderer(ctx: BenchContext): Promise<Row[]> {
  const status = await call<{ locale: LocaleKey }>(ctx, 'workspace.status', {});
  const nav = (key: string) => translate(status.locale, `nav.${key}`);
  const server = await serveRenderer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: status.locale });
    const page = await context.newPage();
    page.setDefaultTimeout(STALL_LIMIT_MS);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // tsx (esbuild keepNames) wraps named functions in __name(); functions shipped to the page need it there too.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await bindRouter(page, ctx.router);
    await page.addInitScript(installProbes);
    await page.goto(server.url);
    await page.getByRole('menuitem', { name: nav('clients') }).waitFor();
    await settled(page);

    const scroll = await profiled(page, 'scroll', () => scrollWholeBook(ctx, page, nav('clients')));
    const segments = await profiled(page, 'segments', () => openSegments(page, nav('segments')));
    if (errors.length) throw new Error(`renderer errors: ${errors.join('; ')}`);

    const { long, ipc } = scroll.phase;
    const longest = Math.max(0, ...long.map((t) => t.duration));
    const pages = ipc.filter((c) => c.channel === 'clients.list');
    const slowestPage = pages.reduce<IpcCall | null>((a, c) => (a && a.ms >= c.ms ? a : c), null);
    ctx.log(`renderer: scrolled ${scroll.rowsReached} rows in ${scroll.seconds.toFixed(1)} s (${scroll.steps} frames of ${SCREENS_PER_FRAME} screenfuls; ${(scroll.waitingMs / 1000).toFixed(1)} s in ${scroll.waits} stops with placeholder rows in view waiting for their page); ${long.length} long tasks, longest ${longest.toFixed(0)} ms`);
    ctx.log(`renderer: where the scroll's long frames went: ${attribution(scroll.phase)}; the longest: ${worstFrames(scroll.phase, 6)}`);
    const segLongest = Math.max(0, ...segments.phase.long.map((t) => t.duration));
    ctx.log(`renderer: Segments drawn and settled ${(segments.drawnMs / 1000).toFixed(1)} s after the click; ${segments.phase.long.length} long tasks, longest ${segLongest.toFixed(0)} ms; where they went: ${attribution(segments.phase)}`);
    const segIpc = segments.phase.ipc.reduce<IpcCall | null>((a, c) => (a && a.ms >= c.ms ? a : c), null);

    return [
      row(`renderer: longest long task scrolling ${ctx.clients} clients`, longest, 'long-task budget', LONG_TASK_BUDGET_MS, 1, {
        extra: {
          count: long.length,
          overBudget: long.filter((t) => t.duration > LONG_TASK_BUDGET_MS).length,
          medianMs: long.length ? round(median(long.map((t) => t.duration))) : 0,
          totalMs: round(sum(long.map((t) => t.duration))),
          rowsReached: scroll.rowsReached,
          scrollSeconds: round(scroll.seconds),
          steps: scroll.steps,
          waitingForRowsSeconds: round(scroll.waitingMs / 1000),
          waitsForRows: scroll.waits,
          pageFetches: pages.length,
          slowestPageFetchMs: round(slowestPage?.ms ?? 0),
          slowestPageFetchOffset: slowestPage?.offset ?? 0,
        },
      }),
      // No target: the budget is the scroll's; opening a page is judged by the same yardstick only for reading.
      row(`renderer: longest long task opening Segments (${ctx.clients} clients)`, segLongest, 'long-task budget', LONG_TASK_BUDGET_MS, null, {
        extra: {
          count: segments.phase.long.length,
          overBudget: segments.phase.long.filter((t) => t.duration > LONG_TASK_BUDGET_MS).length,
          totalMs: round(sum(segments.phase.long.map((t) => t.duration))),
          chartsDrawnSeconds: round(segments.drawnMs / 1000),
          slowestCall: segIpc ? `${segIpc.channel} ${round(segIpc.ms)} ms` : '',
        },
      }),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Scrolls the table down several screenfuls per frame, as a manager dragging the scrollbar thumb
 * through the book would, until the book's last client is on screen: the table's scroll height is
 * the whole book from the start, every frame draws a whole new window of rows (as a one-screenful
 * wheel step does), only the rows in between are never drawn, and every page of the book is still
 * fetched (the table keeps a few and lets the far ones go). The loop runs in the page, a frame per
 * step, in slices of a few seconds (a call from here per frame would take longer than the frame).
 * Where placeholder rows are in view it waits for their page like the manager would (that wait is
 * reported, not counted as scrolling work).
 */
async function scrollWholeBook(ctx: BenchContext, page: Page, menu: string): Promise<{ phase: Phase; rowsReached: number; seconds: number; steps: number; waitingMs: number; waits: number }> {
  const first = await call<{ rows: ClientListRow[]; total: number }>(ctx, 'clients.list', { limit: 1 });
  const total = first.total;
  const last = (await call<{ rows: ClientListRow[] }>(ctx, 'clients.list', { limit: 1, offset: total - 1 })).rows[0]!;

  await page.getByRole('menuitem', { name: menu }).click();
  const holder = page.locator('.ant-table-tbody-virtual-holder');
  await page.locator(`.ant-table-tbody-virtual [data-row-key="${first.rows[0]!.id}"]`).waitFor();
  await settled(page);
  const box = (await holder.boundingBox())!;
  const step = Math.max(200, Math.floor(box.height)) * SCREENS_PER_FRAME;

  const t0 = await mark(page);
  const wall = performance.now();
  let steps = 0;
  let waitingMs = 0;
  let waits = 0;
  for (;;) {
    const s = await page.evaluate(scrollSlice, { step, lastId: last.id, sliceMs: SLICE_MS, stallMs: STALL_LIMIT_MS });
    steps += s.steps;
    waitingMs += s.waitingMs;
    waits += s.waits;
    if (s.stalled) throw new Error(`placeholder rows stayed in view at scrollTop ${s.top} (their page never came)`);
    if (s.done) break;
    ctx.log(`renderer: … ${steps} steps, ${((performance.now() - wall) / 1000).toFixed(0)} s, scrollTop ${s.top} of ${s.height}`);
  }
  const seconds = (performance.now() - wall) / 1000;
  await settled(page);
  // What the page still holds after a full collection: the table keeps a few pages, not the book it scrolled through.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  ctx.log(`renderer: JS heap after the scroll and a full collection: ${(heap.usedSize / 2 ** 20).toFixed(1)} MiB used of ${(heap.totalSize / 2 ** 20).toFixed(1)} MiB`);
  const phase = await collect(page, t0);
  // Every row of the book was fetched on the way down (a page skipped would have been drawn as placeholders only).
  // (From the page's start: the first rows came with the page's opening, before the scroll.)
  const fetched = (await collect(page, 0)).ipc.filter((c) => c.channel === 'clients.list' && c.rows).map((c) => [c.offset ?? 0, (c.offset ?? 0) + c.rows!] as const);
  const covered = fetched.sort((a, b) => a[0] - b[0]).reduce((end, [from, to]) => (from <= end ? Math.max(end, to) : end), 0);
  if (covered < total) throw new Error(`the table fetched rows 0–${covered} of ${total} on the way down`);
  return { phase, rowsReached: total, seconds, steps, waitingMs, waits };
}

/** Screenfuls scrolled per frame (one frame, one new window of rows drawn). */
const SCREENS_PER_FRAME = 4;
/** How long one call into the page scrolls before it reports back. */
const SLICE_MS = 15_000;

/**
 * Runs in the page: each animation frame moves the table `step` pixels down, until the slice's time
 * is up or `lastId`'s row is on screen at the bottom. Each step waits for the table to draw the new
 * window; while placeholder rows (a page on its way) are in view it waits, frame by frame, for them
 * to turn into clients.
 */
function scrollSlice(a: { step: number; lastId: string; sliceMs: number; stallMs: number }): Promise<{ steps: number; waitingMs: number; waits: number; done: boolean; stalled: boolean; top: number; height: number }> {
  const h = document.querySelector('.ant-table-tbody-virtual-holder') as HTMLElement;
  const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
  const placeholderInView = () => {
    const view = h.getBoundingClientRect();
    return [...h.querySelectorAll('.rm-client-row-placeholder')].some((p) => {
      const r = p.getBoundingClientRect();
      return r.bottom > view.top && r.top < view.bottom;
    });
  };
  const windowDrawn = () => {
    const rows = h.querySelectorAll('.rm-client-row');
    if (!rows.length) return false;
    const top = h.getBoundingClientRect().top;
    return rows[0]!.getBoundingClientRect().top <= top + 1 && rows[rows.length - 1]!.getBoundingClientRect().bottom >= top + h.clientHeight - 1;
  };
  return (async () => {
    const start = performance.now();
    let steps = 0;
    let waitingMs = 0;
    let waits = 0;
    let done = false;
    let stalled = false;
    while (performance.now() - start < a.sliceMs) {
      // React draws a scroll's new window in a task of its own: wait until the rows in view are the new ones (a jump the table never drew would skip its page).
      const w0 = performance.now();
      while (!windowDrawn() && performance.now() - w0 < a.stallMs) await frame();
      if (placeholderInView()) {
        const w = performance.now();
        waits++;
        while (placeholderInView() && performance.now() - w < a.stallMs) await frame();
        waitingMs += performance.now() - w;
        if (performance.now() - w >= a.stallMs) {
          stalled = true;
          break;
        }
      }
      const max = h.scrollHeight - h.clientHeight;
      if (h.scrollTop >= max - 1 && h.querySelector(`[data-row-key="${a.lastId}"]`)) {
        done = true;
        break;
      }
      h.scrollTop = Math.min(max, h.scrollTop + a.step);
      steps++;
      await frame();
    }
    return { steps, waitingMs, waits, done, stalled, top: Math.round(h.scrollTop), height: h.scrollHeight };
  })();
}

/**
 * Opens the Segments page and waits for its charts: canvases in place, the page's calls all
 * answered and the main thread idle (the charts draw in tasks of their own after the cards).
 */
async function openSegments(page: Page, menu: string): Promise<{ phase: Phase; drawnMs: number }> {
  const t0 = await mark(page);
  const wall = performance.now();
  await page.getByRole('menuitem', { name: menu }).click();
  await page.waitForFunction(() => {
    const canvases = [...document.querySelectorAll('.rm-chart canvas')] as HTMLCanvasElement[];
    return canvases.length >= 2 && canvases.every((c) => c.height > 100);
  });
  await settled(page);
  // The scatter draws its dots a few hundred a frame: idle once more after a pause is drawn for good.
  await page.waitForTimeout(1000);
  await settled(page);
  const drawnMs = performance.now() - wall - 1000;
  return { phase: await collect(page, t0), drawnMs };
}

/**
 * With RM_BENCH_TRACE=<prefix>, the phase is traced as DevTools' Performance panel records it and
 * written to <prefix>-<phase>.json (load it in DevTools): to find where a long task went (script,
 * style, layout, paint, GC). Tracing slows the page, so a traced run's figures are not the bench's.
 */
async function profiled<T>(page: Page, phase: string, run: () => Promise<T>): Promise<T> {
  const prefix = process.env['RM_BENCH_TRACE'];
  const browser = page.context().browser();
  if (!prefix || !browser) return run();
  await browser.startTracing(page, { path: `${prefix}-${phase}.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'toplevel'] });
  try {
    return await run();
  } finally {
    await browser.stopTracing();
  }
}

/** Runs in the page before the app: the long-task and long-frame observers and a timer on every window.rm call. */
function installProbes(): void {
  const probe: Probe = { long: [], loaf: [], ipc: [], pending: 0 };
  (window as unknown as { __probe: Probe }).__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { blockingDuration: number; renderStart: number; scripts: { sourceURL: string; sourceFunctionName: string; invoker: string; duration: number }[] })[]) {
        // render: the frame's style, layout and paint (what is left once scripts and render are taken is GC or waiting for the CPU).
        probe.loaf.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, scripts: e.scripts.map((s) => ({ source: s.invoker || s.sourceURL, fn: s.sourceFunctionName, ms: s.duration })) });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  const rm = (window as unknown as { rm: { invoke(c: string, i: unknown): Promise<{ ok: boolean; data?: { rows?: unknown[] } }> } }).rm;
  const invoke = rm.invoke.bind(rm);
  rm.invoke = async (channel, input) => {
    const start = performance.now();
    probe.pending++;
    try {
      const r = await invoke(channel, input);
      const offset = (input as { offset?: number } | null)?.offset;
      probe.ipc.push({ channel, start, ms: performance.now() - start, offset, rows: r.ok ? r.data?.rows?.length : undefined });
      return r;
    } finally {
      probe.pending--;
    }
  };
}

/** The page's clock now: long tasks and calls from here on belong to the phase. */
function mark(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** No call to the core outstanding, and two frames and an idle period since (observers have reported). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.pending === 0, undefined, { polling: 'raf' });
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => r(), { timeout: 1000 })))));
}

function collect(page: Page, since: number): Promise<Phase> {
  return page.evaluate((t0) => {
    const p = (window as unknown as { __probe: Probe }).__probe;
    return { long: p.long.filter((e) => e.start >= t0), loaf: p.loaf.filter((e) => e.start >= t0), ipc: p.ipc.filter((e) => e.start >= t0) };
  }, since);
}

/** The longest frames, each with the rows loaded by then and its costliest scripts: what a fix should go after. */
function worstFrames(phase: Phase, n: number): string {
  const pages = phase.ipc.filter((c) => c.channel === 'clients.list');
  return [...phase.loaf]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, n)
    .map((f) => {
      const loaded = Math.max(0, ...pages.filter((c) => c.start + c.ms <= f.start + f.duration).map((c) => (c.offset ?? 0) + (c.rows ?? 0)));
      const scripts = [...f.scripts].sort((a, b) => b.ms - a.ms).slice(0, 3).map((s) => `${`${s.source} ${s.fn}`.trim()} ${s.ms.toFixed(0)}`);
      return `${f.duration.toFixed(0)} ms at ${loaded} rows (render ${f.render.toFixed(0)}) [${scripts.join(', ')}]`;
    })
    .join('; ');
}

/** The scripts that took the most time inside long frames, summed by function. */
function attribution(phase: Phase): string {
  const by = new Map<string, number>();
  for (const f of phase.loaf) for (const s of f.scripts) by.set(`${s.source} ${s.fn}`.trim(), (by.get(`${s.source} ${s.fn}`.trim()) ?? 0) + s.ms);
  const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 4);
  const longest = phase.loaf.reduce((a, f) => Math.max(a, f.duration), 0);
  return `${phase.loaf.length} long frames (longest ${longest.toFixed(0)} ms)${top.length ? `; ${top.map(([k, ms]) => `${k}: ${ms.toFixed(0)} ms`).join(', ')}` : ''}`;
}

async function call<T>(ctx: BenchContext, channel: string, input: unknown): Promise<T> {
  const r = await ctx.router.handle(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const round = (x: number) => Math.round(x * 10) / 10;
