// bench/RESULTS.md holds the figures of the last run of each bench part, with the date and the machine they were
// measured on. A part hands its section (Markdown) to recordResults; only that part's section is replaced, the others
// are kept as they were, so `npm run bench -- ui` leaves the forms figures of an earlier run in place.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_FILE = join(__dirname, 'RESULTS.md');

const HEADER = `# Bench results

Written by \`npm run bench\` ([bench/results.ts](results.ts)): each part's section is replaced when that part runs
(\`npm run bench -- PART\`), the others are kept. The goals and how the figures are taken: [README](../README.md#benchmarks).
`;

const begin = (part: string) => `<!-- bench part: ${part} -->`;
const end = (part: string) => `<!-- end of bench part: ${part} -->`;

/** The machine, as the figures depend on it: cores, CPU, memory, Node.js, OS. */
export function machine(): string {
  const memGiB = totalmem() / 1024 ** 3;
  return `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${memGiB.toFixed(1)} GiB memory, Node.js ${process.version}, ${process.platform} ${process.arch}`;
}

/** Local date and time to the minute: when a part's figures were taken. */
export function timestamp(date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A Markdown table of plain-text cells ('|' escaped, line breaks made spaces). */
export function markdownTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The file's text with PART's section set to SECTION (replaced where it was, else added at the end). */
export function withSection(file: string, part: string, section: string): string {
  const block = `${begin(part)}\n${section.trim()}\n${end(part)}`;
  const text = file.trim() === '' ? HEADER : file;
  const from = text.indexOf(begin(part));
  const to = text.indexOf(end(part));
  if (from >= 0 && to > from) return text.slice(0, from) + block + text.slice(to + end(part).length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

/**
 * Records a part's figures in bench/RESULTS.md: a heading with the part's name, when and on what machine, then the
 * part's own Markdown (tables and notes).
 */
export function recordResults(part: string, markdown: string, options: { file?: string; title?: string; date?: Date } = {}): void {
  const file = options.file ?? RESULTS_FILE;
  const section = `## ${options.title ?? part} (\`npm run bench -- ${part}\`)\n\nMeasured ${timestamp(options.date)} on ${machine()}.\n\n${markdown.trim()}`;
  writeFileSync(file, withSection(existsSync(file) ? readFileSync(file, 'utf8') : '', part, section));
}
