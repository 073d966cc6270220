// The launcher `npm start` runs after the build, as a real process beside a stand-in electron package in a temporary
// folder: its install.js only records that it ran (and fails or "downloads" as each test needs), its binary is a shell
// script that records how it was started. No download is ever attempted.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
let project: string;
let electron: string;

const FAKE_BINARY = '#!/bin/sh\necho "$PWD $*" > "$(dirname "$0")/../started.txt"\nexit 7\n';
// what electron 45's install.js prints when github.com cannot be reached
const FAILING_INSTALL = `
require('fs').appendFileSync(__dirname + '/install-runs.txt', 'ran\\n');
console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download (file:///x/@electron/get/dist/FetchDownloader.js:46:30)');
process.exit(1);
`;
const SUCCEEDING_INSTALL = `
const fs = require('fs');
fs.appendFileSync(__dirname + '/install-runs.txt', 'ran\\n');
fs.mkdirSync(__dirname + '/dist', { recursive: true });
fs.writeFileSync(__dirname + '/dist/electron', ${JSON.stringify(FAKE_BINARY)}, { mode: 0o755 });
fs.writeFileSync(__dirname + '/path.txt', 'electron');
`;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'start-electron-'));
  mkdirSync(join(project, 'scripts'));
  copyFileSync(join(root, 'scripts', 'start-electron.mjs'), join(project, 'scripts', 'start-electron.mjs'));
  electron = join(project, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  // requiring the package itself would start its own download: the launcher must not
  writeFileSync(join(electron, 'index.js'), "require('fs').writeFileSync(__dirname + '/required.txt', ''); module.exports = '';");
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

function installBinary(): void {
  mkdirSync(join(electron, 'dist'));
  writeFileSync(join(electron, 'dist', 'electron'), FAKE_BINARY);
  chmodSync(join(electron, 'dist', 'electron'), 0o755);
  writeFileSync(join(electron, 'path.txt'), 'electron');
}

function start(...args: string[]) {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  const r = spawnSync(process.execPath, [join(project, 'scripts', 'start-electron.mjs'), ...args], { cwd: project, encoding: 'utf8', env });
  const installRuns = existsSync(join(electron, 'install-runs.txt')) ? readFileSync(join(electron, 'install-runs.txt'), 'utf8').split('\n').filter(Boolean).length : 0;
  const started = existsSync(join(electron, 'started.txt')) ? readFileSync(join(electron, 'started.txt'), 'utf8').trim() : null;
  return { code: r.status, out: r.stdout, err: r.stderr, installRuns, started, required: existsSync(join(electron, 'required.txt')) };
}

test('a downloaded binary is started on the project folder at once, its exit code passed on', () => {
  installBinary();
  writeFileSync(join(electron, 'install.js'), FAILING_INSTALL);
  const r = start('--lang=zh-CN');
  expect(r.installRuns).toBe(0);
  expect(r.started).toBe(`${project} . --lang=zh-CN`);
  expect(r.code).toBe(7);
  expect(r.required).toBe(false);
});

test('no binary and no download: one try, then one message in Chinese and English with the mirror and the browser', () => {
  writeFileSync(join(electron, 'install.js'), FAILING_INSTALL);
  const r = start();
  expect(r.installRuns).toBe(1);
  expect(r.started).toBeNull();
  expect(r.required).toBe(false);
  expect(r.code).toBe(1);
  expect(r.err).toContain('无法下载 Electron 程序文件，桌面应用未能启动。');
  expect(r.err).toContain('The Electron binary could not be downloaded');
  expect(r.err).toContain('原因 / cause: TypeError: fetch failed\n');
  expect(r.err).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start');
  expect(r.err).toContain('$env:ELECTRON_MIRROR="https://npmmirror.com/mirrors/electron/"; npm start');
  expect(r.err).toContain('在浏览器中运行同一个应用：npm run web');
  expect(r.err).toContain('runs in a browser, without Electron: npm run web');
  // no stack, and not electron's own advice (which downloads from the same place)
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err).not.toContain('install-electron');
});

test("install.js dying on an uncaught error: its error line is the cause, not Node's file:line header", () => {
  writeFileSync(join(electron, 'install.js'), "require('fs').appendFileSync(__dirname + '/install-runs.txt', 'ran\\n');\nrequire('@electron/no-such-getter');\n");
  const r = start();
  expect(r.installRuns).toBe(1);
  expect(r.code).toBe(1);
  expect(r.err).toContain("原因 / cause: Error: Cannot find module '@electron/no-such-getter'\n");
});

test('path.txt left from a broken download but no binary: counted as missing, downloaded and started', () => {
  writeFileSync(join(electron, 'path.txt'), 'electron');
  writeFileSync(join(electron, 'install.js'), SUCCEEDING_INSTALL);
  const r = start();
  expect(r.installRuns).toBe(1);
  expect(r.out).toContain('Downloading the Electron binary');
  expect(r.started).toBe(`${project} .`);
  expect(r.code).toBe(7);
  expect(r.err).toBe('');
});

test('install.js reports success but leaves no binary: the message, and nothing started', () => {
  writeFileSync(join(electron, 'install.js'), "require('fs').appendFileSync(__dirname + '/install-runs.txt', 'ran\\n');");
  const r = start();
  expect(r.installRuns).toBe(1);
  expect(r.started).toBeNull();
  expect(r.code).toBe(1);
  expect(r.err).toContain('The Electron binary could not be downloaded');
  expect(r.err).not.toContain('原因 / cause');
});

test('npm start builds, then runs the launcher', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.start).toBe('npm run build && node scripts/start-electron.mjs');
});
