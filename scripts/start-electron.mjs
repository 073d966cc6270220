// `npm start`, after the build: starts Electron on the built app.
// The electron package downloads its binary on first use; where that download cannot be reached its own loader prints
// two raw stacks and suggests a command that fails the same way. This launcher tries the download once, quietly, and
// if the binary is still missing says in Chinese and English what to do instead (a mirror, or the app in a browser).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));

const MIRROR = 'https://npmmirror.com/mirrors/electron/';

function downloadFailed(cause) {
  return [
    '',
    '无法下载 Electron 程序文件，桌面应用未能启动。',
    'The Electron binary could not be downloaded, so the desktop app did not start.',
    ...(cause ? ['', `  原因 / cause: ${cause}`] : []),
    '',
    '在中国大陆通常需要使用镜像：设置环境变量 ELECTRON_MIRROR 后重新运行 npm start，例如：',
    'Users in China normally need a mirror: set ELECTRON_MIRROR and run npm start again, for example:',
    '',
    `  Linux / macOS:         ELECTRON_MIRROR=${MIRROR} npm start`,
    `  Windows PowerShell:    $env:ELECTRON_MIRROR="${MIRROR}"; npm start`,
    `  Windows 命令提示符 cmd: set ELECTRON_MIRROR=${MIRROR}`,
    '                         npm start',
    '',
    '不使用 Electron 也可以在浏览器中运行同一个应用：npm run web',
    'The same app also runs in a browser, without Electron: npm run web',
    '',
  ].join('\n');
}

/** The binary's path if it has been downloaded, else null: electron's own lookup (index.js), without its download. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, name || 'electron') : name ? path.join(electronDir, 'dist', name) : null;
  return binary && existsSync(binary) ? binary : null;
}

/** Runs electron's install.js once with its output captured; on failure returns the error line of what it reported. */
function download() {
  process.stdout.write('正在下载 Electron 程序文件（约 100 MB，仅首次）… / Downloading the Electron binary (about 100 MB, first start only)…\n');
  const run = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8' });
  if (run.error) return run.error.message;
  if (run.status === 0) return null;
  const lines = `${run.stderr}\n${run.stdout}`.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  // a stack starts with "TypeError: fetch failed"; Node's report of an uncaught error puts the file and line first
  return lines.find((line) => /^\w*Error\b/.test(line)) ?? lines[0] ?? `install.js exit ${run.status}`;
}

let binary = electronBinary();
if (!binary) {
  const cause = download();
  binary = electronBinary();
  if (!binary) {
    process.stderr.write(downloadFailed(cause));
    process.exit(1);
  }
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', windowsHide: false });
child.on('error', (err) => {
  process.stderr.write(`无法启动 Electron / cannot start Electron: ${err.message}\n`);
  process.exit(1);
});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
