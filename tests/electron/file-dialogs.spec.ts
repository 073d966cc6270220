// File names, filters and error messages of the save and open dialogs; the dialogs themselves are faked.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFileDialogs, filtersFor, safeFileName, withExtension, writeErrorMessage } from '../../electron/file-dialogs';

it('picks the Chinese filter from the extension', () => {
  expect(filtersFor('表1.docx')).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
  expect(filtersFor('汇总.XLSX')).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
  expect(filtersFor('数据包.json')).toEqual([{ name: '数据包 (JSON)', extensions: ['json'] }]);
  expect(filtersFor('readme')).toEqual([]);
});

it('reduces a suggested name to a bare file name valid on Windows', () => {
  expect(safeFileName('..\\..\\Windows\\system32\\evil.docx')).toBe('evil.docx');
  expect(safeFileName('../../etc/passwd')).toBe('passwd');
  expect(safeFileName('项目:绩效*目标?表.docx')).toBe('项目_绩效_目标_表.docx');
  expect(safeFileName('a\u0000b.json')).toBe('a_b.json');
  expect(safeFileName('报告. ')).toBe('报告');
  expect(safeFileName('..')).toBe('未命名');
  expect(safeFileName('')).toBe('未命名');
});

it('adds the extension the user did not type', () => {
  expect(withExtension('/home/u/表1', [{ name: 'Word 文档', extensions: ['docx'] }])).toBe('/home/u/表1.docx');
  expect(withExtension('/home/u/表1.docx', [{ name: 'Word 文档', extensions: ['docx'] }])).toBe('/home/u/表1.docx');
  expect(withExtension('/home/u/表1', [])).toBe('/home/u/表1');
});

it('explains write failures in Chinese', () => {
  const err = (code: string) => Object.assign(new Error(code), { code });
  expect(writeErrorMessage(err('EBUSY'))).toContain('正被其他程序');
  expect(writeErrorMessage(err('EPERM'))).toContain('正被其他程序');
  expect(writeErrorMessage(err('EACCES'))).toContain('没有该位置的写入权限');
  expect(writeErrorMessage(err('ENOSPC'))).toBe('无法写入文件：磁盘空间不足。');
  expect(writeErrorMessage(new Error('boom'))).toBe('无法写入文件：boom');
});

describe('createFileDialogs', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-dialogs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the next dialog opens in the folder of the last saved file', async () => {
    const elsewhere = path.join(dir, 'elsewhere');
    fs.mkdirSync(elsewhere);
    const dialog = {
      showSaveDialog: jest.fn().mockResolvedValueOnce({ canceled: false, filePath: path.join(elsewhere, '表1') }).mockResolvedValue({ canceled: true }),
      showOpenDialog: jest.fn().mockResolvedValue({ canceled: true, filePaths: [] }),
    };
    const files = createFileDialogs({ dialog, window: () => null, defaultDir: dir });
    expect(await files.save({ suggestedName: '表1.docx', bytes: new Uint8Array([1]) })).toEqual({ ok: true, value: path.join(elsewhere, '表1.docx') });
    expect(fs.readdirSync(elsewhere)).toEqual(['表1.docx']);
    await files.save({ suggestedName: '表2.docx', bytes: new Uint8Array([1]) });
    expect(dialog.showSaveDialog.mock.calls[0]).toEqual([{ defaultPath: path.join(dir, '表1.docx'), filters: [{ name: 'Word 文档', extensions: ['docx'] }] }]);
    expect(dialog.showSaveDialog.mock.calls[1][0].defaultPath).toBe(path.join(elsewhere, '表2.docx'));
    await files.open({});
    expect(dialog.showOpenDialog.mock.calls[0][0].defaultPath).toBe(elsewhere);
  });

  it('uses the filters the renderer passes', async () => {
    const dialog = { showSaveDialog: jest.fn().mockResolvedValue({ canceled: true }), showOpenDialog: jest.fn().mockResolvedValue({ canceled: true, filePaths: [] }) };
    const files = createFileDialogs({ dialog, window: () => null, defaultDir: dir });
    const filters = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
    expect(await files.open({ filters })).toEqual({ ok: true, value: null });
    expect(dialog.showOpenDialog.mock.calls[0][0].filters).toEqual(filters);
  });

  it('opens several files in one dialog, all of them, and none when cancelled', async () => {
    fs.writeFileSync(path.join(dir, '单位1.json'), '{"a":1}');
    fs.writeFileSync(path.join(dir, '单位2.json'), '{"b":2}');
    const dialog = {
      showSaveDialog: jest.fn(),
      showOpenDialog: jest
        .fn()
        .mockResolvedValueOnce({ canceled: false, filePaths: [path.join(dir, '单位1.json'), path.join(dir, '单位2.json')] })
        .mockResolvedValueOnce({ canceled: true, filePaths: [] }),
    };
    const files = createFileDialogs({ dialog, window: () => null, defaultDir: dir });
    const res = await files.openMany({});
    expect(res.ok && res.value.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['单位1.json', '{"a":1}'],
      ['单位2.json', '{"b":2}'],
    ]);
    expect(dialog.showOpenDialog.mock.calls[0][0].properties).toEqual(['openFile', 'multiSelections']);
    expect(await files.openMany({})).toEqual({ ok: true, value: [] });
  });

  it('refuses several files that are too large together, and reads none of them', async () => {
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 200 * 1024 * 1024);
    const dialog = { showSaveDialog: jest.fn(), showOpenDialog: jest.fn().mockResolvedValue({ canceled: false, filePaths: [big, big] }) };
    const files = createFileDialogs({ dialog, window: () => null, defaultDir: dir });
    const spy = jest.spyOn(fs.promises, 'readFile');
    expect(await files.openMany({})).toEqual({ ok: false, message: '文件过大（超过 256 MB），无法处理。' });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('reports an unreadable file in Chinese', async () => {
    const dialog = {
      showSaveDialog: jest.fn(),
      showOpenDialog: jest.fn().mockResolvedValue({ canceled: false, filePaths: [path.join(dir, 'gone.json')] }),
    };
    const files = createFileDialogs({ dialog, window: () => null, defaultDir: dir });
    const res = await files.open({});
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toMatch(/^无法读取文件：/);
  });
});
