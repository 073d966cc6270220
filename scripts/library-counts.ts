// The 指标库 section's table of README.md, made from the sector files: `npx tsx scripts/library-counts.ts` prints it,
// `-- --write` puts it into README.md between its markers. tests/shared/library.spec.ts fails when README's table
// differs from what this prints.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECTOR_FILES, type SectorFile } from '../shared/library';

export const BEGIN = '<!-- library-counts: made by scripts/library-counts.ts -->';
export const END = '<!-- end of library-counts -->';

/** The Markdown table: one row per sector, then the total. */
export function libraryCountsMarkdown(files: readonly SectorFile[] = SECTOR_FILES): string {
  const rows = files.map((f) => {
    const core = f.indicators.filter((i) => i.core).length;
    const qualitative = f.indicators.filter((i) => i.direction === '定性').length;
    return [f.label, `\`${f.sector}\``, f.indicators.length, core, qualitative, f.keywords.length];
  });
  const sum = (k: number) => rows.reduce((s, r) => s + (r[k] as number), 0);
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    line(['行业', '文件', '指标', '其中核心指标', '其中定性指标', '关键词']),
    line(['---', '---', '---:', '---:', '---:', '---:']),
    ...rows.map(line),
    line([`合计（${rows.length} 个行业）`, '', sum(2), sum(3), sum(4), '']),
  ].join('\n');
}

/** README's text with the table between the markers replaced (or the same text when there are no markers). */
export function withCounts(readme: string, table: string): string {
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) return readme;
  return `${readme.slice(0, from)}${BEGIN}\n${table}\n${readme.slice(to)}`;
}

if (process.argv[1]?.endsWith('library-counts.ts')) {
  const table = libraryCountsMarkdown();
  if (process.argv.includes('--write')) {
    const file = join(__dirname, '..', 'README.md');
    writeFileSync(file, withCounts(readFileSync(file, 'utf8'), table));
  }
  console.log(table);
}
