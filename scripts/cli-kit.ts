// The plumbing the headless exporter and importer share: arguments, bounded reading of a regular file, writing a file
// whole (synced, then renamed into place), capped lists, and the one way out on failure — a Chinese message on
// stderr and a non-zero exit, never a stack trace.
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { cliMessages as m } from './cli-messages';

/** How many lines of a list are printed; a city's data can give thousands. */
export const LIST_MAX = 20;

/** A failure already worded for the user. */
export class CliError extends Error {}

export function fail(message: string): never {
  throw new CliError(message);
}

/** Why a file operation failed, in Chinese, with the system's code for whoever has to look into it. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return m.otherReason(e instanceof Error ? e.message : String(e));
  const known = m.reasons[code];
  return known ? `${known}（${code}）` : m.otherReason(code);
}

/** The options' values; wrong or unknown options fail with the usage line. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string): ReturnType<typeof parseArgs<{ options: T }>>['values'] {
  try {
    return parseArgs({ options }).values;
  } catch (e) {
    fail(`${m.badArguments((e as Error).message)}\n${usage}`);
  }
}

/** How each script words a refused or unreadable input file. */
export interface InputWording {
  missing(path: string): string;
  unreadable(path: string, reason: string): string;
  isDirectory(path: string): string;
  notFile(path: string): string;
  /** bytes: the size found, or one past the cap when the file grew while being read */
  tooLarge(path: string, bytes: number): string;
}

function checkInput(path: string, stats: Stats, maxBytes: number, say: InputWording): void {
  if (stats.isDirectory()) fail(say.isDirectory(path));
  if (!stats.isFile()) fail(say.notFile(path));
  if (stats.size > maxBytes) fail(say.tooLarge(path, stats.size));
}

/**
 * The file's bytes. Only a regular file is read (a directory, a device such as /dev/zero or a pipe is refused before
 * opening, and again after, in case the path changed in between), and never more than maxBytes of it.
 */
export function readRegularFile(path: string, maxBytes: number, say: InputWording): Uint8Array {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (e) {
    fail((e as NodeJS.ErrnoException).code === 'ENOENT' ? say.missing(path) : say.unreadable(path, reason(e)));
  }
  checkInput(path, stats, maxBytes, say);
  let fd: number;
  try {
    // non-blocking: should the path have become a pipe since the check, opening it must not wait for a writer
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    fail(say.unreadable(path, reason(e)));
  }
  try {
    const opened = fstatSync(fd);
    checkInput(path, opened, maxBytes, say);
    // room for the size the file claims plus one byte, grown if it has grown, up to one byte past the cap
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(opened.size, 64 * 1024), maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) fail(say.tooLarge(path, length));
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const got = readSync(fd, buffer, length, buffer.length - length, null);
      if (got === 0) break;
      length += got;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (e) {
    if (e instanceof CliError) throw e;
    fail(say.unreadable(path, reason(e)));
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the bytes beside the target, syncs them to disk, then renames them into place: a reader (or a power cut)
 * never finds a half-written file. On any failure the temporary file is removed and the target left as it was.
 */
export function writeWhole(out: string, bytes: Uint8Array, outputIsDirectory: (path: string) => string): void {
  let target: Stats | undefined;
  try {
    target = statSync(out);
  } catch {
    target = undefined; // no such file yet, or a path the write below will report on
  }
  if (target?.isDirectory()) fail(outputIsDirectory(out));
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

/** A heading and the first LIST_MAX lines under it, then a line saying how many more there are; nothing when empty. */
export function listed(heading: string, lines: readonly string[], more: (n: number) => string, total = lines.length): string[] {
  if (total === 0) return [];
  const shown = lines.slice(0, LIST_MAX).map(m.item);
  return [heading, ...shown, ...(total > shown.length ? [more(total - shown.length)] : [])];
}

/** Runs the script's main; every failure leaves by one Chinese message (failed wraps it), no stack trace, exit 1. */
export function runCli(main: () => Promise<void>, failed: (message: string) => string): void {
  const report = (e: unknown): void => {
    const message = e instanceof CliError ? e.message : m.internal(e instanceof Error ? e.message : String(e));
    process.stderr.write(`${failed(message)}\n`);
    process.exitCode = 1;
  };
  process.on('uncaughtException', (e) => {
    report(e);
    process.exit(1);
  });
  // Ctrl-C waits for the synchronous write-and-rename to finish, so it never leaves a temporary file
  process.once('SIGINT', () => process.exit(130));
  main().catch(report);
}
