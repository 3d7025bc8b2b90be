import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseInput } from '../../src/shared/validate';
import { Core } from '../../src/main/core/core';
import { createRouter, type Router } from '../../src/main/core/router';
import { TEST_SCRYPT_N, testClock, type TestClock } from '../helpers/core';

// Drives the real renderer in Chromium. window.rm is bound to the real router
// over a real encrypted store, validated exactly as main does for the preload.

const RENDERER_DIR = resolve('out/renderer');
const CHROME_CANDIDATES = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const SCREEN_DIR = resolve('artifacts/screens');
/** Where 'shell.printToPdf' writes in the tests (Electron's shell shows a save dialog instead). */
export const PDF_DIR = resolve('artifacts/pdf');

export function findChromium(): string {
  const found = CHROME_CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error('No Chromium found for the e2e tests. Install one (Debian: `apt-get install -y chromium fonts-noto-cjk`) or set CHROME_PATH.');
  }
  return found;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

/** Serves the built renderer on 127.0.0.1 (Chromium refuses module scripts from file://). */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` (or `npm run build:renderer`) first.');
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(RENDERER_DIR, path === '/' ? 'index.html' : path);
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

export interface App {
  browser: Browser;
  page: Page;
  core: Core;
  clock: TestClock;
  consoleErrors: string[];
  /** The last PDF 'shell.printToPdf' wrote (its path), once written. */
  readonly lastPdf: Promise<string> | null;
  close(): Promise<void>;
}

export async function launchApp(workspaceDir: string, opts: { locale?: string } = {}): Promise<App> {
  const clock = testClock(new Date());
  let page: Page | null = null;
  const core = new Core({
    workspaceDir,
    now: clock.now,
    scryptN: TEST_SCRYPT_N,
    emit: (event, payload) => void page?.evaluate(([e, p]) => (window as unknown as { __rmEmit(e: string, p: unknown): void }).__rmEmit(e, p), [event, payload] as const).catch(() => undefined),
  });
  const router = createRouter(core, () => undefined);
  const server = await serveRenderer();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: opts.locale ?? 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  let lastPdf: Promise<string> | null = null;
  await page.exposeBinding('__rmInvoke', async (_source, channel: unknown, input: unknown) => {
    const parsed = parseInput(channel, input);
    if (!parsed.ok) return parsed;
    if (parsed.data.channel === 'shell.printToPdf') {
      // The shell's job in Electron (printToPDF of the window); here Chromium prints the page, print CSS applied.
      const { fileName } = parsed.data.input as { fileName: string };
      mkdirSync(PDF_DIR, { recursive: true });
      const path = join(PDF_DIR, fileName);
      const printing = page!;
      lastPdf = printing.pdf({ path, printBackground: true, format: 'A4' }).then(() => path);
      await lastPdf;
      return { ok: true, data: { saved: true } };
    }
    return router.handle(parsed.data.channel, parsed.data.input);
  });
  await page.addInitScript(() => {
    const listeners = new Map<string, Set<(p: unknown) => void>>();
    const w = window as unknown as Record<string, unknown>;
    w['__rmEmit'] = (event: string, payload: unknown) => listeners.get(event)?.forEach((cb) => cb(payload));
    w['rm'] = {
      invoke: (channel: string, input: unknown) => (w['__rmInvoke'] as (c: string, i: unknown) => Promise<unknown>)(channel, input),
      on: (event: string, cb: (p: unknown) => void) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(cb);
        return () => listeners.get(event)?.delete(cb);
      },
    };
  });
  await page.goto(server.url);
  return {
    browser,
    page,
    core,
    clock,
    consoleErrors,
    get lastPdf() {
      return lastPdf;
    },
    async close() {
      core.dispose();
      await browser.close();
      await server.close();
    },
  };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the current screen; returns critical and serious violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run({ resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

/**
 * Saves a screenshot to artifacts/screens and fails on critical or serious axe
 * findings. The pointer rests off any control (a hovered primary button is a
 * lighter blue) and finite animations (drawers, modals) finish first.
 */
export async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREEN_DIR, { recursive: true });
  await page.mouse.move(640, 790);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await page.screenshot({ path: join(SCREEN_DIR, `${name}.png`), fullPage: true });
  const serious = await axeSerious(page);
  expect(serious, `${name}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

/** Chinese glyphs really render: a missing CJK font would measure as narrow fallback boxes. */
export async function cjkRenders(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.getByText(text, { exact: false }).first().isVisible()).toBe(true);
  const width = await page.evaluate((t) => {
    const c = document.createElement('canvas').getContext('2d')!;
    c.font = '16px "Noto Sans CJK SC", sans-serif';
    return c.measureText(t).width;
  }, text);
  expect(width).toBeGreaterThan(text.length * 12);
}

/** A router call for seeding and checking, failing the test on an error value. */
export async function callRouter<T>(router: { handle(channel: string, input: unknown): Promise<{ ok: true; data: unknown } | { ok: false; error: unknown }> }, channel: string, input: unknown): Promise<T> {
  const r = await router.handle(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** The local calendar date `days` from today, YYYY-MM-DD (the harness clock starts at the real date). */
export function localDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** An accessible-name pattern for a button: Ant Design puts a space between the two characters of a two-character label (保 存). */
export const buttonName = (text: string): RegExp => new RegExp(`(^|\\s)${[...text].join('\\s*')}$`);

/**
 * Binds window.rm in `page` (before its scripts run) to a router the caller owns, as launchApp
 * does for its own core; for benchmarks over an already unlocked book. Answers cross as one JSON
 * string parsed in the page, as cheap for the page as Electron's structured clone: Playwright's
 * value-by-value decoding costs the page ~150 ms per 1,000 client rows, a cost the app does not
 * have (the core's answers are plain JSON: dates are strings, files base64). Returns how to
 * deliver a core event to the page.
 */
export async function bindRouter(page: Page, router: Pick<Router, 'handle'>): Promise<(event: string, payload: unknown) => void> {
  await page.exposeBinding('__rmInvoke', async (_source, channel: string, input: unknown) => JSON.stringify(await router.handle(channel, input)));
  await page.addInitScript(() => {
    const listeners = new Map<string, Set<(p: unknown) => void>>();
    const w = window as unknown as Record<string, unknown>;
    w['__rmEmit'] = (event: string, payload: unknown) => listeners.get(event)?.forEach((cb) => cb(payload));
    w['rm'] = {
      invoke: async (channel: string, input: unknown) => JSON.parse(await (w['__rmInvoke'] as (c: string, i: unknown) => Promise<string>)(channel, input)) as unknown,
      on: (event: string, cb: (p: unknown) => void) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(cb);
        return () => listeners.get(event)?.delete(cb);
      },
    };
  });
  return (event, payload) => void page.evaluate(([e, p]) => (window as unknown as { __rmEmit(e: string, p: unknown): void }).__rmEmit(e, p), [event, payload] as const).catch(() => undefined);
}

/** Chromium as the e2e tests launch it (headless, no GPU, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}
