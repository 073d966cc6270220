// `npm test` leaves the tracked files alone: the README's screenshots come from `npm run screenshots` only, through the
// harness's screenshot(), which writes under docs/screenshots when SCREENSHOTS=1 and does nothing otherwise.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, SCREENSHOTS_DIR } from '../e2e/harness';

const root = join(__dirname, '..', '..');
const saved = process.env.SCREENSHOTS;
afterEach(() => {
  if (saved === undefined) delete process.env.SCREENSHOTS;
  else process.env.SCREENSHOTS = saved;
});

function fakePage() {
  const paths: string[] = [];
  return { paths, page: { screenshot: async (options?: { path?: string }) => (paths.push(options?.path ?? ''), Buffer.alloc(0)) } };
}

test('without SCREENSHOTS=1 nothing is written', async () => {
  delete process.env.SCREENSHOTS;
  const { paths, page } = fakePage();
  await screenshot(page, '01-project-list.png');
  expect(paths).toEqual([]);
});

test('with SCREENSHOTS=1 the picture goes to docs/screenshots under its name', async () => {
  process.env.SCREENSHOTS = '1';
  const { paths, page } = fakePage();
  await screenshot(page, '01-project-list.png');
  expect(paths).toEqual([join(root, 'docs', 'screenshots', '01-project-list.png')]);
  expect(SCREENSHOTS_DIR).toBe(join(root, 'docs', 'screenshots'));
});

test('no end-to-end test takes a screenshot of its own', () => {
  const dir = join(root, 'tests', 'e2e');
  const direct = readdirSync(dir)
    .filter((f) => f.endsWith('.spec.ts'))
    .filter((f) => /\.screenshot\(/.test(readFileSync(join(dir, f), 'utf8')));
  expect(direct).toEqual([]);
});

test('npm run screenshots runs the end-to-end tests with SCREENSHOTS=1; npm test runs every test, CI runs npm test', () => {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.screenshots).toBe('SCREENSHOTS=1 jest tests/e2e');
  expect(scripts['test:e2e']).toBe('jest tests/e2e');
  // the flag after the pattern (a no-op) ends its list, so `npm run test:unit -- tests/shared` still narrows the run
  expect(scripts['test:unit']).toBe('jest --testPathIgnorePatterns /tests/e2e/ --passWithNoTests=false');
  expect(scripts.test).toBe('jest');
  expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
});
