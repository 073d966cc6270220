// The renderer is served from app://bundle/, a privileged standard scheme, rather than file://: one stable origin
// for IndexedDB across versions and install folders, and a real origin for the CSP's 'self'. codeCache lets V8 keep
// the compiled bundle between launches, as it does for http(s), so the window does not recompile it every start.
import type { Protocol } from 'electron';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_HOST, APP_SCHEME } from './identity';
import { CONTENT_SECURITY_POLICY } from './security';

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` a URL names, or null when it names none: another host, a malformed escape, a NUL byte,
 * or a path that would climb out of `root` (encoded slashes such as ..%2F survive URL parsing, so check after decoding).
 */
export function resolveBundlePath(root: string, url: string): string | null {
  let parsed: URL;
  let decoded: string;
  try {
    parsed = new URL(url);
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const relative = decoded === '' || decoded === '/' ? 'index.html' : `.${decoded}`;
  const resolved = path.resolve(base, relative);
  return resolved.startsWith(base + path.sep) ? resolved : null;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    return await fs.promises.readFile(file);
  } catch {
    return null;
  }
}

export async function serveBundle(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
  let file = resolveBundlePath(root, request.url);
  if (file === null) return textResponse(404, 'Not Found');
  let body = await readIfFile(file);
  // Extensionless paths are client-side routes of the single-page app.
  if (body === null && path.extname(file) === '') {
    file = path.join(path.resolve(root), 'index.html');
    body = await readIfFile(file);
  }
  if (body === null) return textResponse(404, 'Not Found');
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': mimeTypeOf(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** After ready: app://bundle/… → files in `root` (the vite build output). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveBundle(root, request));
}
