// bench/RESULTS.md: a part's run replaces that part's section and keeps every other byte of the file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, markdownTable, recordResults, RESULTS_FILE, withSection } from '../../bench/results';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const when = new Date(2026, 10, 27, 9, 5);

test('a first run makes the file: header, then the part with its date, machine and table', () => {
  const file = join(dir, 'RESULTS.md');
  recordResults('forms', markdownTable(['case', 'first'], [['F4 xlsx', '0.69 s']]), { file, date: when, title: 'Form export' });
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('# Bench results\n')).toBe(true);
  expect(text).toContain(
    [
      '<!-- bench part: forms -->',
      '## Form export (`npm run bench -- forms`)',
      '',
      `Measured 2026-11-27 09:05 on ${machine()}.`,
      '',
      '| case | first |',
      '| --- | --- |',
      '| F4 xlsx | 0.69 s |',
      '<!-- end of bench part: forms -->',
    ].join('\n'),
  );
});

test("a part's run replaces its own section only; a new part is added at the end", () => {
  const file = join(dir, 'RESULTS.md');
  recordResults('forms', 'forms, first run', { file, date: when });
  recordResults('ui', 'ui, first run', { file, date: when });
  writeFileSync(file, readFileSync(file, 'utf8') + '\nA note written by hand.\n');
  recordResults('forms', 'forms, second run', { file, date: when });
  recordResults('exchange', 'exchange, first run', { file, date: when });
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain('forms, first run');
  const order = ['forms, second run', 'ui, first run', 'A note written by hand.', 'exchange, first run'].map((s) => text.indexOf(s));
  expect(order.every((at) => at > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(text.match(/<!-- bench part: forms -->/g)).toHaveLength(1);
});

test('withSection keeps the rest of the text byte for byte', () => {
  const before = '# Bench results\n\nintro\n\n<!-- bench part: ui -->\nold\n<!-- end of bench part: ui -->\n\ntail\n';
  expect(withSection(before, 'ui', 'new\n')).toBe('# Bench results\n\nintro\n\n<!-- bench part: ui -->\nnew\n<!-- end of bench part: ui -->\n\ntail\n');
});

test('table cells keep their pipes and line breaks from breaking the table', () => {
  expect(markdownTable(['a'], [['x | y\nz']])).toBe('| a |\n| --- |\n| x \\| y z |');
});

test('the checked-in file has a section for each part of the bench', () => {
  const text = readFileSync(RESULTS_FILE, 'utf8');
  for (const part of ['forms', 'ui']) {
    expect(text).toContain(`<!-- bench part: ${part} -->`);
    expect(text).toContain(`<!-- end of bench part: ${part} -->`);
  }
});
