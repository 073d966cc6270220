// Headless form export for supervisors' batch work and for checking:
//   npm run export -- --in DATA.json --form F4 --format xlsx --out OUT.xlsx [--year 2019] [--unit ID|名称] [--scope unit|supervisor] [--final]
//   [--month 1–12: F9's monitoring round of that month; without it each project's latest]
// Without --final the form is a draft (草稿 in every title line), as in the app: a package passing validation is not
// yet a form someone has decided to publish. --final prints the 正式版, refused while the data has errors.
// Every failure is one Chinese message on stderr and a non-zero exit, never a stack trace; the output file is written
// whole (synced to disk, then renamed into place) or not at all, and no temporary file is left behind.
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseExchange, type ExchangeDocument } from '../shared/exchange/exchange';
import { cappedMessages, exportForm, type ExportFormat } from '../templates/export';
import type { FormScope } from '../templates/template';
import { exportCliMessages as m } from './export-messages';

/** The largest package read: a city's package is tens of MiB; anything larger is not one, and is not read whole. */
const MAX_INPUT_MIB = 256;
const MAX_INPUT_BYTES = MAX_INPUT_MIB * 1024 * 1024;

/** A failure already worded for the user. */
class CliError extends Error {}

function fail(message: string): never {
  throw new CliError(message);
}

/** Why a file operation failed, in Chinese, with the system's code for whoever has to look into it. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return m.otherReason(e instanceof Error ? e.message : String(e));
  const known = m.reasons[code];
  return known ? `${known}（${code}）` : m.otherReason(code);
}

function pickScope(doc: ExchangeDocument, unitArg: string | undefined, scopeArg: string | undefined): FormScope {
  if (scopeArg !== undefined && scopeArg !== 'unit' && scopeArg !== 'supervisor') fail(m.badScope(scopeArg));
  const kind = scopeArg as 'unit' | 'supervisor' | undefined;
  if (unitArg === undefined) {
    const ids = new Set(doc.units.map((u) => u.id));
    const roots = doc.units.filter((u) => u.parentId === null || !ids.has(u.parentId));
    if (roots.length !== 1) fail(m.rootCount(roots.length));
    return { kind: kind ?? 'supervisor', unitId: roots[0].id };
  }
  const unit = doc.units.find((u) => u.id === unitArg || u.name === unitArg || u.shortName === unitArg);
  if (!unit) fail(m.unknownUnit(unitArg));
  return { kind: kind ?? 'unit', unitId: unit.id };
}

/** The latest year of any project or plan, by a loop: a city's package has more records than a spread's arguments. */
function latestYear(doc: ExchangeDocument): number | undefined {
  let latest: number | undefined;
  for (const r of doc.projects) if (latest === undefined || r.year > latest) latest = r.year;
  for (const r of doc.departmentPlans) if (latest === undefined || r.year > latest) latest = r.year;
  return latest;
}

/**
 * The package's bytes. Only a regular file is read (a directory, a device such as /dev/zero or a pipe is refused
 * before opening, and again after, in case the path changed in between), and never more than MAX_INPUT_BYTES of it.
 */
function readPackage(path: string): Uint8Array {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (e) {
    fail((e as NodeJS.ErrnoException).code === 'ENOENT' ? m.inputMissing(path) : m.inputUnreadable(path, reason(e)));
  }
  checkInput(path, stats);
  let fd: number;
  try {
    // non-blocking: should the path have become a pipe since the check, opening it must not wait for a writer
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    fail(m.inputUnreadable(path, reason(e)));
  }
  try {
    const opened = fstatSync(fd);
    checkInput(path, opened);
    // room for the size the file claims plus one byte, grown if it has grown, up to one byte past the cap
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(opened.size, 64 * 1024), MAX_INPUT_BYTES) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_INPUT_BYTES) fail(m.inputTooLarge(path, MAX_INPUT_MIB));
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_INPUT_BYTES + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const got = readSync(fd, buffer, length, buffer.length - length, null);
      if (got === 0) break;
      length += got;
    }
    return buffer.subarray(0, length);
  } catch (e) {
    if (e instanceof CliError) throw e;
    fail(m.inputUnreadable(path, reason(e)));
  } finally {
    closeSync(fd);
  }
}

function checkInput(path: string, stats: Stats): void {
  if (stats.isDirectory()) fail(m.inputIsDirectory(path));
  if (!stats.isFile()) fail(m.inputNotFile(path));
  if (stats.size > MAX_INPUT_BYTES) fail(m.inputTooLarge(path, MAX_INPUT_MIB));
}

/**
 * Writes the bytes beside the target, syncs them to disk, then renames them into place: a reader (or a power cut)
 * never finds a half-written file. On any failure the temporary file is removed and the target left as it was.
 */
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
  // the rename is durable only once the folder is synced; not every system lets a folder be opened (Windows)
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

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        in: { type: 'string' }, form: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
        year: { type: 'string' }, unit: { type: 'string' }, scope: { type: 'string' }, final: { type: 'boolean' }, month: { type: 'string' },
      },
    }).values;
  } catch (e) {
    fail(`${m.badArguments((e as Error).message)}\n${m.usage}`);
  }
  if (!args.in || !args.form || !args.format || !args.out) fail(`${m.missingArguments}\n${m.usage}`);
  if (args.format !== 'xlsx' && args.format !== 'docx') fail(m.badFormat(args.format));
  let month: number | undefined;
  if (args.month !== undefined) {
    if (args.form.toUpperCase() !== 'F9') fail(m.monthNotF9);
    month = Number(args.month.trim());
    if (!/^\d{1,2}$/.test(args.month.trim()) || month < 1 || month > 12) fail(m.badMonth(args.month));
  }
  const parsed = parseExchange(readPackage(args.in));
  if (!parsed.ok) {
    const listed = cappedMessages(parsed.problems.map((p) => p.message), parsed.problemCount);
    fail([m.packageProblems(args.in, parsed.problemCount), ...listed.map((line) => `  - ${line}`)].join('\n'));
  }
  const doc = parsed.document;
  let year: number;
  if (args.year !== undefined) {
    year = Number(args.year);
    if (!/^\d{1,4}$/.test(args.year.trim()) || !Number.isInteger(year)) fail(m.badYear(args.year));
  } else {
    year = latestYear(doc) ?? fail(m.noYear);
  }
  const result = await exportForm(args.form, args.format as ExportFormat, { data: doc, year, scope: pickScope(doc, args.unit, args.scope), final: args.final === true, ...(month !== undefined ? { month } : {}) });
  // exportForm lists at most MESSAGE_LIST_MAX problems already
  if (!result.ok) fail(result.messages.join('\n'));
  writeWhole(args.out, result.bytes);
  process.stdout.write(`${m.exported(args.out, result.fileName, result.bytes.length)}\n`);
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
