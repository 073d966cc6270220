// Headless import of an Excel or Word table into an exchange package, for batch work and checking:
//   npm run import -- --in FILE.xlsx|FILE.docx --out PACKAGE.json [--unit 单位名称] [--year 2025]
// Reads the product's own forms and any other table by its headers (shared/import), prints what it read and what it
// could not, and writes the package (validated as every package is) whole — synced to disk, then renamed into place —
// or not at all. Every failure is one Chinese message on stderr and a non-zero exit, never a stack trace.
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeExchange } from '../shared/exchange/exchange';
import { importFile, issuesOf, type ImportReport } from '../shared/import';
import { MAX_FILE_BYTES, MAX_FILE_MIB } from '../shared/import/file-kind';
import { importMessages } from '../shared/import/import-messages';
import { importCliMessages as m } from './import-messages';

/** How many lines of each kind are printed; a city's workbook can give thousands. */
const LIST_MAX = 20;

/** A failure already worded for the user. */
class CliError extends Error {}

function fail(message: string): never {
  throw new CliError(message);
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return m.otherReason(e instanceof Error ? e.message : String(e));
  const known = m.reasons[code];
  return known ? `${known}（${code}）` : m.otherReason(code);
}

function checkInput(path: string, stats: Stats): void {
  if (stats.isDirectory()) fail(m.inputIsDirectory(path));
  if (!stats.isFile()) fail(m.inputNotFile(path));
  if (stats.size > MAX_FILE_BYTES) fail(importMessages.tooLarge((stats.size / 1024 / 1024).toFixed(1), MAX_FILE_MIB));
}

/** The file's bytes: a regular file only (checked before and after opening), never more than the import's cap. */
function readInput(path: string): Uint8Array {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (e) {
    fail((e as NodeJS.ErrnoException).code === 'ENOENT' ? m.inputMissing(path) : m.inputUnreadable(path, reason(e)));
  }
  checkInput(path, stats);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    fail(m.inputUnreadable(path, reason(e)));
  }
  try {
    checkInput(path, fstatSync(fd));
    const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const got = readSync(fd, buffer, length, buffer.length - length, null);
      if (got === 0) break;
      length += got;
      if (length > MAX_FILE_BYTES) fail(importMessages.tooLarge((length / 1024 / 1024).toFixed(1), MAX_FILE_MIB));
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (e) {
    if (e instanceof CliError) throw e;
    fail(m.inputUnreadable(path, reason(e)));
  } finally {
    closeSync(fd);
  }
}

/** Writes beside the target, syncs, renames into place; on failure removes the temporary file and leaves the target. */
function writeWhole(out: string, bytes: Uint8Array): void {
  let target: Stats | undefined;
  try {
    target = statSync(out);
  } catch {
    target = undefined; // no such file yet, or a path the write below will report on
  }
  if (target?.isDirectory()) fail(m.outputIsDirectory(out));
  const folder = dirname(out);
  const tmp = join(folder, `.${basename(out).slice(0, 100)}.${process.pid}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(tmp, 'wx');
    created = true;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, out);
    created = false;
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // the write already failed; that is what gets reported
      }
    }
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing more can be done about a temporary file that cannot be removed
      }
    }
    fail(m.cannotWrite(out, reason(e)));
  }
  try {
    const dir = openSync(folder, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // the file itself is on disk
  }
}

/** A heading and the first LIST_MAX lines under it, then how many more there are. */
function listed(heading: string, lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, LIST_MAX).map(m.item);
  return [heading, ...shown, ...(lines.length > LIST_MAX ? [m.more(lines.length - LIST_MAX)] : [])];
}

/** What was read, table by table, then what to check and what was left out. */
function describe(path: string, report: ImportReport, withErrors: boolean): string[] {
  const notes = issuesOf(report, 'info').filter((line) => !report.tables.some((t) => line === importMessages.readAs(t.where, t.how)));
  return [
    ...(report.tables.length > 0 ? [m.readFrom(path), ...report.tables.map((t) => m.table(t.where, t.how, t.projects, t.indicators, t.departmentPlans))] : []),
    ...(withErrors ? listed(m.errorsHeading, issuesOf(report, 'error')) : []),
    ...listed(m.warningsHeading, issuesOf(report, 'warning')),
    ...listed(m.notesHeading, notes),
  ];
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { in: { type: 'string' }, out: { type: 'string' }, unit: { type: 'string' }, year: { type: 'string' } } }).values;
  } catch (e) {
    fail(`${m.badArguments((e as Error).message)}\n${m.usage}`);
  }
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
  writeWhole(args.out, text);
  const r = result.report;
  process.stdout.write(`${[...describe(args.in, r, false), m.written(args.out, r.projects, r.indicators, r.departmentPlans, text.length)].join('\n')}\n`);
}

/** The one way out on failure: a Chinese message, no stack trace, a non-zero exit. */
function report(e: unknown): void {
  const message = e instanceof CliError ? e.message : m.internal(e instanceof Error ? e.message : String(e));
  process.stderr.write(`${m.failed(message)}\n`);
  process.exitCode = 1;
}

process.on('uncaughtException', (e) => {
  report(e);
  process.exit(1);
});
// Ctrl-C waits for the synchronous write-and-rename to finish, so it never leaves a temporary file
process.once('SIGINT', () => process.exit(130));
main().catch(report);
