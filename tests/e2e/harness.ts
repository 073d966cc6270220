// What the end-to-end tests and the UI bench share: build the renderer (with the test hooks), serve it from a tiny
// static server on a free 127.0.0.1 port, and drive Debian's Chromium through playwright-core.
// Vite module scripts do not load from file://, hence the server.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The README's screenshots: tracked files, so only `npm run screenshots` (SCREENSHOTS=1) writes them, never `npm test`. */
export const SCREENSHOTS_DIR = join(ROOT, 'docs', 'screenshots');

/** Saves the page's visible part as docs/screenshots/NAME when SCREENSHOTS=1; otherwise does nothing. */
export async function screenshot(page: Pick<Page, 'screenshot'>, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, name) });
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** `vite build` with the test hooks into a fresh temporary folder; returns the folder. */
export function buildRenderer(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'perf-desk-dist-'));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, PERF_DESK_TEST_HOOKS: '1' },
    stdio: 'pipe',
  });
  return outDir;
}

/** Serves a folder on 127.0.0.1 at a free port. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      // hashed bundle files never change under one name: cache them, as any static host and Electron's code cache do
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface Session {
  context: BrowserContext;
  page: Page;
  url: string;
  /** console errors and page errors seen so far */
  errors: string[];
  close(): Promise<void>;
}

/** Build, serve, and open the app in headless Chromium with a fresh profile. */
export async function openApp(options: { viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const dist = buildRenderer();
  const server = await serve(dist);
  const profile = mkdtempSync(join(tmpdir(), 'perf-desk-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  return {
    context,
    page,
    url: server.url,
    errors,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
