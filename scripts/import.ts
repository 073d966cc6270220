// Headless import of an Excel or Word table into an exchange package, for batch work and checking:
//   npm run import -- --in FILE.xlsx|FILE.docx --out PACKAGE.json [--unit 单位名称] [--year 2025]
// Reads the product's own forms and any other table by its headers (shared/import), prints what it read and what it
// could not, and writes the package (validated as every package is) whole — synced to disk, then renamed into place —
// or not at all. Every failure is one Chinese message on stderr and a non-zero exit, never a stack trace.
import { basename } from 'node:path';
import { serializeExchange } from '../shared/exchange/exchange';
import { importFile, issuesOf, type ImportReport } from '../shared/import';
import { MAX_FILE_BYTES, MAX_FILE_MIB } from '../shared/import/file-kind';
import { importMessages } from '../shared/import/import-messages';
import { fail, listed, parseCliArgs, readRegularFile, runCli, writeWhole } from './cli-kit';
import { importCliMessages as m } from './import-messages';

/** The file's bytes: a regular file only, never more than the import's cap. */
function readInput(path: string): Uint8Array {
  return readRegularFile(path, MAX_FILE_BYTES, {
    missing: m.inputMissing,
    unreadable: m.inputUnreadable,
    isDirectory: m.inputIsDirectory,
    notFile: m.inputNotFile,
    tooLarge: (_path, bytes) => importMessages.tooLarge((bytes / 1024 / 1024).toFixed(1), MAX_FILE_MIB),
  });
}

/** What was read, table by table, then what to check and what was left out. */
function describe(path: string, report: ImportReport, withErrors: boolean): string[] {
  const notes = issuesOf(report, 'info').filter((line) => !report.tables.some((t) => line === importMessages.readAs(t.where, t.how)));
  return [
    ...(report.tables.length > 0 ? [m.readFrom(path), ...report.tables.map((t) => m.table(t.where, t.how, t.projects, t.indicators, t.departmentPlans))] : []),
    ...(withErrors ? listed(m.errorsHeading, issuesOf(report, 'error'), m.more) : []),
    ...listed(m.warningsHeading, issuesOf(report, 'warning'), m.more),
    ...listed(m.notesHeading, notes, m.more),
  ];
}

async function main(): Promise<void> {
  const args = parseCliArgs({ in: { type: 'string' }, out: { type: 'string' }, unit: { type: 'string' }, year: { type: 'string' } }, m.usage);
  if (!args.in || !args.out) fail(`${m.missingArguments}\n${m.usage}`);
  let year: number | undefined;
  if (args.year !== undefined) {
    year = Number(args.year.trim());
    if (!/^\d{4}$/.test(args.year.trim()) || year < 2000 || year > 2100) fail(m.badYear(args.year));
  }
  const bytes = readInput(args.in);
  const result = await importFile(bytes, { fileName: basename(args.in), ...(args.unit ? { unitName: args.unit } : {}), ...(year !== undefined ? { year } : {}) });
  if (!result.ok) fail([result.message, ...describe(args.in, result.report, true)].join('\n'));
  const text = new TextEncoder().encode(`${serializeExchange(result.document)}\n`);
  writeWhole(args.out, text, m.outputIsDirectory);
  const r = result.report;
  process.stdout.write(`${[...describe(args.in, r, false), m.written(args.out, r.projects, r.indicators, r.departmentPlans, text.length)].join('\n')}\n`);
}

runCli(main, m.failed);
