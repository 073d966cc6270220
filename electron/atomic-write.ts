// Files are written atomically: the bytes go to a temporary file in the same folder, are flushed to disk,
// and only then renamed over the target. A crash, a full disk or a killed process leaves either the old file
// or the new one, never a half-written file.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The three steps, injectable so tests can fail one of them on a real folder. */
export interface AtomicWriteOps {
  /** Create `tempPath` exclusively, write all bytes, fsync, close. */
  writeTemp(tempPath: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(file: string): Promise<void>;
}

export interface AtomicWriteOptions {
  ops?: Partial<AtomicWriteOps>;
  /** Defaults to process.platform; Windows gets rename retries (see below). */
  platform?: NodeJS.Platform;
  /** Waits between rename attempts on Windows. */
  retryDelaysMs?: readonly number[];
}

const fsp = fs.promises;

export const realOps: AtomicWriteOps = {
  async writeTemp(tempPath, bytes) {
    const handle = await fsp.open(tempPath, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  remove: (file) => fsp.rm(file, { force: true }),
};

/** `.report.docx.1a2b3c4d.tmp` beside `report.docx`: same folder, hence same volume, so the rename is atomic. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

// Windows refuses to replace a file for a moment while an antivirus or indexer holds it open.
const TRANSIENT_WINDOWS_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const DEFAULT_RETRY_DELAYS_MS = [50, 100, 200, 400, 800];

export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const ops: AtomicWriteOps = { ...realOps, ...options.ops };
  const retries = (options.platform ?? process.platform) === 'win32' ? (options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS) : [];
  const temp = tempPathFor(target);
  try {
    await ops.writeTemp(temp, bytes);
    for (let attempt = 0; ; attempt++) {
      try {
        await ops.rename(temp, target);
        break;
      } catch (err) {
        const code = errorCode(err);
        if (attempt >= retries.length || code === undefined || !TRANSIENT_WINDOWS_CODES.has(code)) throw err;
        await sleep(retries[attempt]);
      }
    }
  } catch (err) {
    await ops.remove(temp).catch(() => undefined);
    throw err;
  }
  syncDirectory(path.dirname(target));
}

/** Synchronous twin for the window's 'close' handler, which cannot wait for a promise before the app quits. */
export function writeFileAtomicSync(target: string, bytes: Uint8Array): void {
  const temp = tempPathFor(target);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  syncDirectory(path.dirname(target));
}

// Makes the rename itself durable on POSIX; Windows cannot open a directory for fsync, which is fine there.
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // best effort: the data is already complete in the renamed file
  }
}
