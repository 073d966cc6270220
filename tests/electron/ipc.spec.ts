// The IPC allow-list on its own: request validation, rate limits and the safety net around handlers.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backupName } from '../../shared/backup-retention';
import { EXCHANGE_FORMAT } from '../../shared/exchange/exchange';
import { BACKUP_WRITES_PER_MINUTE, MAX_BACKUP_BYTES, MAX_FILE_BYTES } from '../../shared/ipc-contract';
import { createBackupHandlers, writeBackup } from '../../electron/backups';
import { registerIpcHandlers, REQUEST_PARSERS, type IpcHandlers } from '../../electron/ipc';

describe('request parsers', () => {
  const bytes = new Uint8Array([1, 2]);

  it('accept well-formed requests and drop unknown fields', () => {
    expect(REQUEST_PARSERS['file:save']({ suggestedName: 'a.docx', bytes, extra: 'x' })).toEqual({ suggestedName: 'a.docx', bytes });
    const filters = [{ name: 'Word 文档', extensions: ['docx'] }];
    expect(REQUEST_PARSERS['file:save']({ suggestedName: 'a.docx', bytes, filters })).toEqual({ suggestedName: 'a.docx', bytes, filters });
    expect(REQUEST_PARSERS['file:open'](undefined)).toEqual({});
    expect(REQUEST_PARSERS['file:open']({ filters: [{ name: '全部', extensions: ['*'] }] })).toEqual({ filters: [{ name: '全部', extensions: ['*'] }] });
    expect(REQUEST_PARSERS['app:info']('anything')).toEqual({});
    expect(REQUEST_PARSERS['backup:write']({ bytes, kind: 'import', extra: 1 })).toEqual({ bytes, kind: 'import' });
    expect(REQUEST_PARSERS['backup:list'](undefined)).toEqual({});
    expect(REQUEST_PARSERS['backup:read']({ id: 'backup-20250301-083015-042-import.json' })).toEqual({ id: 'backup-20250301-083015-042-import.json' });
  });

  it('refuse malformed ones', () => {
    const bad: [keyof typeof REQUEST_PARSERS, unknown][] = [
      ['file:save', null],
      ['file:save', { suggestedName: 'a', bytes: [1, 2] }],
      ['file:save', { suggestedName: 'a', bytes: new ArrayBuffer(2) }],
      ['file:save', { suggestedName: 'x'.repeat(256), bytes }],
      ['file:save', { suggestedName: 'a', bytes, filters: 'docx' }],
      ['file:save', { suggestedName: 'a', bytes, filters: [{ name: 'W', extensions: ['../x'] }] }],
      ['file:open', 'json'],
      ['file:open', { filters: [{ name: 1, extensions: [] }] }],
      ['file:openMany', 'json'],
      ['file:openMany', { filters: [{ name: '数据包', extensions: ['../x'] }] }],
      ['backup:write', {}],
      ['backup:write', { bytes: 'abc', kind: 'import' }],
      ['backup:write', { bytes }],
      ['backup:write', { bytes, kind: 'weekly' }],
      ['backup:read', undefined],
      ['backup:read', { id: 7 }],
      ['backup:read', { id: '../backup-20250301-083015-042-import.json' }],
      ['backup:read', { id: '/home/user/.ssh/id_rsa' }],
      ['backup:read', { id: 'backups/backup-20250301-083015-042-import.json' }],
    ];
    for (const [channel, raw] of bad) expect({ channel, raw, parsed: REQUEST_PARSERS[channel](raw) }).toEqual({ channel, raw, parsed: null });
  });

  it('refuse more bytes than the limit', () => {
    const big = { byteLength: MAX_FILE_BYTES + 1 };
    Object.setPrototypeOf(big, Uint8Array.prototype);
    expect(REQUEST_PARSERS['backup:write']({ bytes: big, kind: 'import' })).toBeNull();
  });
});

it('a handler that throws answers with a Chinese message instead of an English remote error', async () => {
  const registered = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
  const ipcMain = { handle: jest.fn((c: string, fn: (event: unknown, raw: unknown) => Promise<unknown>) => registered.set(c, fn)) };
  const fail = async () => {
    throw new Error('disk gone');
  };
  const handlers = { 'file:save': fail, 'file:open': fail, 'file:openMany': fail, 'app:info': fail, 'backup:write': fail, 'backup:list': fail, 'backup:read': fail } as unknown as IpcHandlers;
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  registerIpcHandlers(ipcMain as never, handlers, () => true);
  await expect(registered.get('app:info')!({}, {})).resolves.toEqual({ ok: false, message: '操作失败：disk gone' });
});

describe('backup:write through the allow-list, against a real folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ipc-backups-')), 'backups');
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  const at = (day: number, hour: number, minute = 0, second = 0) => new Date(2025, 2, day, hour, minute, second);
  const pkg = (note: string) =>
    new TextEncoder().encode(JSON.stringify({ format: EXCHANGE_FORMAT, version: 1, exportedAt: '2025-03-01T00:00:00.000Z', note, units: [], projects: [], departmentPlans: [] }));

  /** The backup channels registered as main.ts does, on a clock the test moves. */
  function channels(clock: { now: Date }) {
    const registered = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
    const ipcMain = { handle: (c: string, fn: (event: unknown, raw: unknown) => Promise<unknown>) => registered.set(c, fn) };
    const other = async () => ({ ok: true, value: null });
    const handlers = { 'file:save': other, 'file:open': other, 'file:openMany': other, 'app:info': other, ...createBackupHandlers(() => dir, { now: () => clock.now }) } as unknown as IpcHandlers;
    registerIpcHandlers(ipcMain as never, handlers, () => true, { now: () => clock.now.getTime() });
    return (channel: string, raw: unknown) => registered.get(channel)!({}, raw) as Promise<{ ok: boolean; message?: string }>;
  }

  /** Backups from before the flood: ten start-ups on earlier days, one a day for three weeks, two this morning. */
  async function olderBackups(): Promise<string[]> {
    const written: string[] = [];
    for (let d = 1; d <= 20; d++) written.push((await writeBackup(dir, pkg(`day ${d}`), { now: at(d, 9), kind: d > 10 ? 'startup' : 'import' })).id);
    for (const h of [8, 9]) written.push((await writeBackup(dir, pkg(`this morning ${h}`), { now: at(25, h), kind: 'import' })).id);
    return written;
  }

  it('a flood is refused after a few writes a minute, and no older backup is deleted', async () => {
    const before = await olderBackups();
    const clock = { now: at(25, 10) };
    const invoke = channels(clock);
    const answers: boolean[] = [];
    // 200 writes one second apart: a little over three minutes of flooding
    for (let i = 0; i < 200; i++) {
      clock.now = new Date(at(25, 10).getTime() + i * 1000);
      answers.push((await invoke('backup:write', { bytes: pkg(`flood ${i}`), kind: 'import' })).ok);
    }
    expect(answers.filter(Boolean)).toHaveLength(4 * BACKUP_WRITES_PER_MINUTE);
    expect(answers.slice(0, BACKUP_WRITES_PER_MINUTE + 1)).toEqual([...Array(BACKUP_WRITES_PER_MINUTE).fill(true), false]);
    clock.now = at(25, 10, 3, 21);
    expect(await invoke('backup:write', { bytes: pkg('one more'), kind: 'import' })).toEqual({
      ok: false,
      message: `自动备份过于频繁（每分钟最多 ${BACKUP_WRITES_PER_MINUTE} 次），请稍候一分钟再试。`,
    });
    const left = fs.readdirSync(dir);
    for (const id of before) expect({ id, kept: left.includes(id) }).toEqual({ id, kept: true });
  });

  it('a long, rate-limited flood removes none of the daily and start-up backups, nor this morning’s', async () => {
    const before = await olderBackups();
    const clock = { now: at(25, 10) };
    const invoke = channels(clock);
    // a write every 10 s for two hours, every other one claiming to be a start-up backup
    const written = { startup: 0, import: 0 };
    for (let s = 0; s < 2 * 3600; s += 10) {
      clock.now = new Date(at(25, 10).getTime() + s * 1000);
      const kind = s % 20 === 0 ? 'startup' : 'import';
      if ((await invoke('backup:write', { bytes: pkg(`flood ${s}`), kind })).ok) written[kind]++;
    }
    // one start-up backup per run; the limit lets 6 calls a minute through, half of them refused start-up claims
    expect(written).toEqual({ startup: 1, import: (120 * BACKUP_WRITES_PER_MINUTE) / 2 });
    const left = fs.readdirSync(dir);
    for (const id of before) expect({ id, kept: left.includes(id) }).toEqual({ id, kept: true });
    expect(left.length).toBeLessThanOrEqual(91);
  });

  it('refuses oversized and non-package payloads, and they delete nothing', async () => {
    const before = await olderBackups();
    const invoke = channels({ now: at(25, 10) });
    const big = new Uint8Array(MAX_BACKUP_BYTES + 1);
    expect(await invoke('backup:write', { bytes: big, kind: 'import' })).toEqual({ ok: false, message: '自动备份失败：数据超过 128 MB，无法备份。' });
    expect(await invoke('backup:write', { bytes: new TextEncoder().encode('{"units":[]}'), kind: 'import' })).toEqual({
      ok: false,
      message: '自动备份失败：要备份的内容不是本程序的数据包。',
    });
    expect(await invoke('backup:write', { bytes: pkg('x'), kind: 'hourly' })).toEqual({ ok: false, message: '请求的数据格式不正确。' });
    expect(fs.readdirSync(dir).sort()).toEqual([...before].sort());
  });

  it('lists and reads backups, never a path', async () => {
    await olderBackups();
    const invoke = channels({ now: at(25, 10) });
    const listed = (await invoke('backup:list', {})) as unknown as { ok: true; value: { id: string }[] };
    expect(listed.value[0].id).toBe(backupName(at(25, 9), 'import'));
    const read = (await invoke('backup:read', { id: backupName(at(25, 9), 'import') })) as unknown as { ok: true; value: Uint8Array };
    expect(new TextDecoder().decode(read.value)).toContain('this morning 9');
    expect(await invoke('backup:read', { id: '../../etc/passwd' })).toEqual({ ok: false, message: '请求的数据格式不正确。' });
  });
});
