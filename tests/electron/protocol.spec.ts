// app://bundle serves the vite build from a real folder, with the CSP, and never anything outside it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { registerAppScheme, resolveBundlePath, serveBundle } from '../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

let top: string;
let dist: string;

beforeEach(() => {
  top = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-'));
  dist = path.join(top, 'dist');
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(top, 'secret.txt'), 'outside the bundle');
});
afterEach(() => fs.rmSync(top, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveBundle(dist, new Request(url, { method }));

it('registers the scheme as standard, secure, fetch- and CORS-enabled, with V8 code caching', () => {
  const protocol = { registerSchemesAsPrivileged: jest.fn() };
  registerAppScheme(protocol);
  expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
});

it('serves index.html and assets with their types, the CSP and nosniff', async () => {
  const html = await get('app://bundle/index.html');
  expect(html.status).toBe(200);
  expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(html.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(html.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await html.text()).toBe('<!doctype html><div id="root"></div>');

  const js = await get('app://bundle/assets/index-abc.js?v=2');
  expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(await js.text()).toBe('console.log(1)');

  expect(await (await get('app://bundle/')).text()).toContain('id="root"');
});

it('the CSP allows nothing but the app itself, and no inline or eval code', () => {
  expect(CONTENT_SECURITY_POLICY).toBe(
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
      "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|\*|https?:/);
});

it('refuses paths that climb out of the bundle, however encoded', async () => {
  for (const url of [
    'app://bundle/..%2Fsecret.txt',
    'app://bundle/assets/..%2F..%2Fsecret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/..%5Csecret.txt',
    'app://bundle/index.html%00.js',
    'app://bundle/%E0%A4%A',
  ]) {
    const res = await get(url);
    expect({ url, status: res.status }).toEqual({ url, status: 404 });
    expect(await res.text()).not.toContain('outside the bundle');
  }
  expect(resolveBundlePath(dist, 'app://bundle/../secret.txt')).toBe(path.join(dist, 'secret.txt'));
  // An absolute path in the URL stays relative to the bundle.
  const absolute = `app://bundle/${encodeURIComponent(path.join(top, 'secret.txt'))}`;
  expect(resolveBundlePath(dist, absolute)?.startsWith(dist + path.sep)).toBe(true);
  expect((await get(absolute)).status).toBe(404);
});

it('serves only the bundle host and only reads', async () => {
  expect((await get('app://other/index.html')).status).toBe(404);
  expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
  const head = await get('app://bundle/index.html', 'HEAD');
  expect(head.status).toBe(200);
  expect(await head.text()).toBe('');
});

it('a missing asset is 404; an extensionless route falls back to index.html', async () => {
  expect((await get('app://bundle/assets/missing.js')).status).toBe(404);
  const route = await get('app://bundle/projects/42');
  expect(route.status).toBe(200);
  expect(await route.text()).toContain('id="root"');
});
