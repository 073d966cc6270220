// Bundles the main process and the preload with esbuild: dist-electron/main.cjs and dist-electron/preload.cjs.
// Usage: node scripts/build-electron.mjs [outdir]   (outdir defaults to dist-electron)
// The sandboxed preload must be one file whose only import is 'electron'; the main process may also use Node built-ins.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.resolve(root, process.argv[2] ?? 'dist-electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outdir, 'main.cjs') }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs') }),
]);
console.log(`built ${path.relative(root, outdir) || '.'}/main.cjs and preload.cjs`);
