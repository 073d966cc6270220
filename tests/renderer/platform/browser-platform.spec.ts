/**
 * @jest-environment ./tests/jsdom-env.cjs
 */
// The plain-browser platform: <a download> for saving, <input type=file> for opening, in jsdom.
import { acceptAttribute, createBrowserPlatform } from '../../../renderer/platform/browser-platform';

const info = { name: '预算绩效管理', version: '1.2.3' };

beforeEach(() => {
  URL.createObjectURL = jest.fn(() => 'blob:app/1');
  URL.revokeObjectURL = jest.fn();
});
afterEach(() => jest.restoreAllMocks());

it('saves by clicking a hidden download link for a blob of the bytes, then removes the link', async () => {
  jest.useFakeTimers();
  let clicked: HTMLAnchorElement | null = null;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked = this;
  });
  const platform = createBrowserPlatform(info);
  expect(await platform.saveFile('项目支出绩效目标表.docx', new Uint8Array([80, 75]))).toBe('项目支出绩效目标表.docx');
  expect(clicked).not.toBeNull();
  expect(clicked!.download).toBe('项目支出绩效目标表.docx');
  expect(clicked!.href).toBe('blob:app/1');
  expect(clicked!.isConnected).toBe(false);
  const blob = (URL.createObjectURL as jest.Mock).mock.calls[0][0] as Blob;
  expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(blob.size).toBe(2);
  expect(URL.revokeObjectURL).not.toHaveBeenCalled();
  jest.runAllTimers();
  expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:app/1');
  jest.useRealTimers();
});

function captureFileInput(): Promise<HTMLInputElement> {
  return new Promise((resolve) => {
    jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      resolve(this);
    });
  });
}

it('opens the file the user picked', async () => {
  const input = captureFileInput();
  const opened = createBrowserPlatform(info).openFile([{ name: '数据包 (JSON)', extensions: ['json'] }]);
  const el = await input;
  expect(el.type).toBe('file');
  expect(el.accept).toBe('.json');
  // jsdom's File has no arrayBuffer(); Chromium's has, and that is all the platform uses.
  const file = { name: '单位数据包.json', arrayBuffer: async () => new Uint8Array([123, 125]).buffer };
  Object.defineProperty(el, 'files', { value: [file] });
  el.dispatchEvent(new Event('change'));
  const result = await opened;
  expect(result?.name).toBe('单位数据包.json');
  expect([...result!.bytes]).toEqual([123, 125]);
  expect(el.isConnected).toBe(false);
});

it('opens every file the user picked in one go', async () => {
  const input = captureFileInput();
  const opened = createBrowserPlatform(info).openFiles([{ name: '数据包 (JSON)', extensions: ['json'] }]);
  const el = await input;
  expect(el.multiple).toBe(true);
  const file = (name: string, bytes: number[]) => ({ name, arrayBuffer: async () => new Uint8Array(bytes).buffer });
  Object.defineProperty(el, 'files', { value: [file('单位1.json', [123]), file('单位2.json', [125])] });
  el.dispatchEvent(new Event('change'));
  expect((await opened).map((f) => [f.name, [...f.bytes]])).toEqual([
    ['单位1.json', [123]],
    ['单位2.json', [125]],
  ]);
  expect(el.isConnected).toBe(false);
});

it('opens one file with a picker that takes one', async () => {
  const input = captureFileInput();
  void createBrowserPlatform(info).openFile();
  expect((await input).multiple).toBe(false);
});

it('rejects when the file cannot be read, instead of hanging', async () => {
  const input = captureFileInput();
  const opened = createBrowserPlatform(info).openFile();
  const el = await input;
  const file = {
    name: 'a.json',
    arrayBuffer: () => {
      throw new Error('NotReadableError');
    },
  };
  Object.defineProperty(el, 'files', { value: [file] });
  el.dispatchEvent(new Event('change'));
  await expect(opened).rejects.toThrow('NotReadableError');
});

it('resolves null when the user cancels the picker', async () => {
  const input = captureFileInput();
  const opened = createBrowserPlatform(info).openFile();
  const el = await input;
  el.dispatchEvent(new Event('cancel'));
  expect(await opened).toBeNull();
  expect(el.isConnected).toBe(false);
});

it('builds the accept attribute from the filters', () => {
  expect(acceptAttribute([{ name: 'Word 文档', extensions: ['docx'] }, { name: 'Excel 工作簿', extensions: ['xlsx'] }])).toBe('.docx,.xlsx');
  expect(acceptAttribute([{ name: '全部', extensions: ['*'] }])).toBe('');
  expect(acceptAttribute(undefined)).toBe('');
});

it('reports itself as the browser host', async () => {
  expect(await createBrowserPlatform(info).appInfo()).toEqual({ name: '预算绩效管理', version: '1.2.3', host: 'browser' });
});
