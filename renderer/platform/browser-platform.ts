// The platform in a plain browser: saving is a download through <a download>, opening is <input type=file>; automatic
// backups go to an IndexedDB database of their own (browser-backups.ts).
import { BrowserBackups } from './browser-backups';
import type { AppInfo, OpenedFile, Platform } from './platform';

type FileFilters = Parameters<Platform['openFile']>[0];

const MIME_BY_EXTENSION: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

function mimeTypeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/** `.docx,.xlsx` for the input's accept attribute, each once; empty (anything) for no filter or a '*' filter. */
export function acceptAttribute(filters: FileFilters): string {
  const extensions = (filters ?? []).flatMap((f) => f.extensions);
  return extensions.includes('*') ? '' : [...new Set(extensions)].map((e) => `.${e}`).join(',');
}

/** Opens a hidden <input type=file> and reads what the user picks; empty when cancelled. */
function pickFiles(doc: Document, filters: FileFilters, multiple: boolean): Promise<OpenedFile[]> {
  return new Promise<OpenedFile[]>((resolve, reject) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = acceptAttribute(filters);
    input.multiple = multiple;
    input.style.display = 'none';
    const done = () => input.remove();
    input.addEventListener('change', () => {
      done();
      const files = [...(input.files ?? [])];
      Promise.resolve()
        .then(() => Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))))
        .then(resolve, reject);
    });
    input.addEventListener('cancel', () => {
      done();
      resolve([]);
    });
    doc.body.append(input);
    input.click();
  });
}

/** `getDocument` is called per operation, so creating the platform needs no DOM (tools and tests run in Node). */
export function createBrowserPlatform(
  info: Omit<AppInfo, 'host'>,
  getDocument: () => Document = () => document,
  backups: BrowserBackups = new BrowserBackups(),
): Platform {
  return {
    async saveFile(suggestedName, bytes) {
      const doc = getDocument();
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeTypeOf(suggestedName) }));
      const a = doc.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.style.display = 'none';
      doc.body.append(a);
      a.click();
      a.remove();
      // The browser reads the blob after click() returns; revoke only once the download has surely started.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return suggestedName;
    },

    async openFile(filters) {
      return (await pickFiles(getDocument(), filters, false))[0] ?? null;
    },

    openFiles(filters) {
      return pickFiles(getDocument(), filters, true);
    },

    async appInfo() {
      return { ...info, host: 'browser' };
    },

    writeBackup: (bytes, kind) => backups.write(bytes, kind),
    listBackups: () => backups.list(),
    readBackup: (id) => backups.read(id),
  };
}
