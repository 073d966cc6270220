// The import boundaries of architecture.md: shared/ is pure (no DOM, no Node, nothing of the other folders);
// electron/ and renderer/ never import each other; templates/ use only shared/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specs.push(m[1] ?? m[2] ?? m[3]);
  }
  return specs;
}

/** The top-level folder an import resolves into, or the bare package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const resolved = relative(root, join(root, file, '..', spec));
  return resolved.split(/[\\/]/)[0];
}

const forbidden: Record<string, (t: string) => boolean> = {
  shared: (t) => ['renderer', 'electron', 'templates', 'tests', 'react', 'react-dom', 'dexie'].includes(t) || t.startsWith('node:') || ['fs', 'path', 'os', 'child_process'].includes(t),
  templates: (t) => ['renderer', 'electron', 'tests', 'react', 'dexie'].includes(t) || t.startsWith('node:'),
  electron: (t) => t === 'renderer',
  // the electron/ folder and the electron package alike: the renderer reaches the host only through the preload bridge
  renderer: (t) => t === 'electron',
};

describe('import boundaries', () => {
  for (const [dir, isForbidden] of Object.entries(forbidden)) {
    test(`${dir}/ imports nothing it must not`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(dir)) {
        for (const spec of importsOf(file)) {
          if (dir === 'electron' && spec === 'electron') continue;
          if (isForbidden(target(file, spec))) violations.push(`${file} → ${spec}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  test('the boundary check itself catches a violation', () => {
    expect(forbidden.shared(target('shared/x.ts', '../renderer/db/database'))).toBe(true);
    expect(forbidden.shared(target('shared/x.ts', 'node:fs'))).toBe(true);
    expect(forbidden.electron(target('electron/main.ts', '../renderer/app'))).toBe(true);
    expect(forbidden.renderer(target('renderer/app/x.tsx', '../../electron/ipc'))).toBe(true);
    expect(forbidden.shared(target('shared/forms/x.ts', '../model'))).toBe(false);
  });

  test('the committed exchange validator matches the schema', () => {
    expect(() => execFileSync('node', [join(root, 'scripts/gen-exchange-validator.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

/** Lines of a source file. */
function lineCount(file: string): number {
  return readFileSync(join(root, file), 'utf8').split('\n').length;
}

describe('module size', () => {
  // the repository is one module per aggregate over one transaction helper (issue #13): none grows back into a whole
  const DB_MODULE_MAX_LINES = 400;

  test(`no module of renderer/db has more than ${DB_MODULE_MAX_LINES} lines`, () => {
    const over = sourceFiles('renderer/db')
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter(({ lines }) => lines > DB_MODULE_MAX_LINES);
    expect(over).toEqual([]);
  });
});
