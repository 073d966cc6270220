// Atomic writes on a real temporary folder: a failed or interrupted write leaves the old file intact.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isTempFile, realOps, writeFileAtomic, writeFileAtomicSync } from '../../electron/atomic-write';

let dir: string;
const OLD = '旧内容 old content';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = (s: string) => new TextEncoder().encode(s);
const codeError = (code: string) => Object.assign(new Error(code), { code });

describe('writeFileAtomic', () => {
  it('creates a new file and leaves no temporary file', async () => {
    const target = path.join(dir, '表.docx');
    await writeFileAtomic(target, bytes('new'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['表.docx']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'a.xlsx');
    fs.writeFileSync(target, OLD);
    await writeFileAtomic(target, bytes('new'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('a write failing half-way (disk full) leaves the old file intact and removes the partial temporary file', async () => {
    const target = path.join(dir, 'a.xlsx');
    fs.writeFileSync(target, OLD);
    const payload = new Uint8Array(100_000).fill(7);
    let partial = '';
    const writeTemp = async (temp: string, b: Uint8Array) => {
      partial = temp;
      fs.writeFileSync(temp, b.subarray(0, b.length / 2));
      throw codeError('ENOSPC');
    };
    await expect(writeFileAtomic(target, payload, { ops: { writeTemp } })).rejects.toThrow('ENOSPC');
    expect(path.dirname(partial)).toBe(dir);
    expect(fs.readFileSync(target, 'utf8')).toBe(OLD);
    expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('a failing rename leaves the old file intact and removes the temporary file', async () => {
    const target = path.join(dir, 'a.xlsx');
    fs.writeFileSync(target, OLD);
    const rename = jest.fn(async () => {
      throw codeError('EXDEV');
    });
    await expect(writeFileAtomic(target, bytes('new'), { ops: { rename } })).rejects.toThrow('EXDEV');
    expect(rename).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(target, 'utf8')).toBe(OLD);
    expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('a process killed mid-write (SIGKILL) leaves the old file intact', async () => {
    const target = path.join(dir, '绩效目标表.docx');
    fs.writeFileSync(target, OLD);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'helpers', 'interrupted-writer.ts'), target, '1000000'], {
      cwd: path.join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tempPath = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /half-written (.+)\n/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(fs.readFileSync(target, 'utf8')).toBe(OLD);
    // The half-written bytes exist only in the temporary file beside it.
    expect(fs.statSync(tempPath).size).toBe(500_000);
    expect(isTempFile(path.basename(tempPath))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(tempPath), '绩效目标表.docx'].sort());

    // The next save works regardless of the leftover.
    await writeFileAtomic(target, bytes('new'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
  }, 20_000);

  it('on Windows, retries a rename refused for a moment (file briefly held open) and then succeeds', async () => {
    const target = path.join(dir, 'a.xlsx');
    fs.writeFileSync(target, OLD);
    let failures = 2;
    const rename = jest.fn(async (from: string, to: string) => {
      if (failures-- > 0) throw codeError('EBUSY');
      await realOps.rename(from, to);
    });
    await writeFileAtomic(target, bytes('new'), { ops: { rename }, platform: 'win32', retryDelaysMs: [1, 1, 1] });
    expect(rename).toHaveBeenCalledTimes(3);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
  });

  it('gives up after the retries (file kept open by Word) with the old file intact', async () => {
    const target = path.join(dir, 'a.xlsx');
    fs.writeFileSync(target, OLD);
    const rename = jest.fn(async () => {
      throw codeError('EPERM');
    });
    await expect(writeFileAtomic(target, bytes('new'), { ops: { rename }, platform: 'win32', retryDelaysMs: [1, 1] })).rejects.toThrow('EPERM');
    expect(rename).toHaveBeenCalledTimes(3);
    expect(fs.readFileSync(target, 'utf8')).toBe(OLD);
    expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('does not retry elsewhere than Windows', async () => {
    const rename = jest.fn(async () => {
      throw codeError('EBUSY');
    });
    await expect(writeFileAtomic(path.join(dir, 'a'), bytes('x'), { ops: { rename }, platform: 'linux' })).rejects.toThrow('EBUSY');
    expect(rename).toHaveBeenCalledTimes(1);
  });
});

describe('writeFileAtomicSync', () => {
  it('replaces an existing file', () => {
    const target = path.join(dir, 'state.json');
    fs.writeFileSync(target, OLD);
    writeFileAtomicSync(target, bytes('{"a":1}'));
    expect(fs.readFileSync(target, 'utf8')).toBe('{"a":1}');
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });

  it('a failure leaves the old content and no temporary file', () => {
    const target = path.join(dir, 'state');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), OLD);
    expect(() => writeFileAtomicSync(target, bytes('x'))).toThrow();
    expect(fs.readFileSync(path.join(target, 'inside'), 'utf8')).toBe(OLD);
    expect(fs.readdirSync(dir)).toEqual(['state']);
  });
});
