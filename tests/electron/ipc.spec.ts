// The IPC allow-list on its own: request validation and the safety net around handlers.
import { MAX_FILE_BYTES } from '../../shared/ipc-contract';
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
    expect(REQUEST_PARSERS['backup:write']({ bytes })).toEqual({ bytes });
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
      ['backup:write', {}],
      ['backup:write', { bytes: 'abc' }],
    ];
    for (const [channel, raw] of bad) expect({ channel, raw, parsed: REQUEST_PARSERS[channel](raw) }).toEqual({ channel, raw, parsed: null });
  });

  it('refuse more bytes than the limit', () => {
    const big = { byteLength: MAX_FILE_BYTES + 1 };
    Object.setPrototypeOf(big, Uint8Array.prototype);
    expect(REQUEST_PARSERS['backup:write']({ bytes: big })).toBeNull();
  });
});

it('a handler that throws answers with a Chinese message instead of an English remote error', async () => {
  const registered = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
  const ipcMain = { handle: jest.fn((c: string, fn: (event: unknown, raw: unknown) => Promise<unknown>) => registered.set(c, fn)) };
  const fail = async () => {
    throw new Error('disk gone');
  };
  const handlers = { 'file:save': fail, 'file:open': fail, 'app:info': fail, 'backup:write': fail } as unknown as IpcHandlers;
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  registerIpcHandlers(ipcMain as never, handlers, () => true);
  await expect(registered.get('app:info')!({}, {})).resolves.toEqual({ ok: false, message: '操作失败：disk gone' });
});
