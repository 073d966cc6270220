// scripts/build-electron.mjs: two CommonJS bundles; the sandboxed preload is one file whose only import is
// 'electron', and the main process needs nothing beyond 'electron' and Node's built-ins (no node_modules are shipped).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
let outdir: string;

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-electron-'));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), outdir], { cwd: root, stdio: 'pipe' });
});

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

const requiresOf = (file: string) => [...fs.readFileSync(path.join(outdir, file), 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

it('writes main.cjs and preload.cjs', () => {
  expect(fs.readdirSync(outdir).filter((f) => f.endsWith('.cjs')).sort()).toEqual(['main.cjs', 'preload.cjs']);
});

it('the preload requires only electron', () => {
  expect(new Set(requiresOf('preload.cjs'))).toEqual(new Set(['electron']));
  expect(fs.readFileSync(path.join(outdir, 'preload.cjs'), 'utf8')).toContain('exposeInMainWorld');
});

it('the main process requires only electron and Node built-ins', () => {
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const external = requiresOf('main.cjs').filter((m) => m !== 'electron' && !builtins.has(m));
  expect(external).toEqual([]);
  expect(requiresOf('main.cjs')).toContain('electron');
});

it('the main bundle loads the preload from beside itself', () => {
  expect(fs.readFileSync(path.join(outdir, 'main.cjs'), 'utf8')).toMatch(/\.join\(__dirname,\s*"preload\.cjs"\)/);
});
