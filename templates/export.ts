// One call from a form request to file bytes: template → layouts → Word or Excel writer. Used by the app's export
// screen and by the headless exporter alike. Problems come back as Chinese messages; nothing throws past here.
import { writeDocx } from '../shared/forms/docx-writer';
import { writeXlsx } from '../shared/forms/xlsx-writer';
import { getTemplate } from './index';
import { exportFileName, ScopeError } from './scope';
import type { FormRequest } from './template';
import { templateMessages as m } from './template-messages';

export type ExportFormat = 'docx' | 'xlsx';

export type ExportResult = { ok: true; bytes: Uint8Array; fileName: string } | { ok: false; messages: string[] };

export async function exportForm(formId: string, format: ExportFormat, request: FormRequest): Promise<ExportResult> {
  const template = getTemplate(formId);
  if (!template) return { ok: false, messages: [m.unknownForm(formId)] };
  try {
    const layouts = template.build(request);
    const written = format === 'docx' ? await writeDocx(layouts, { creator: '预算绩效管理' }) : await writeXlsx(layouts, { creator: '预算绩效管理' });
    if (!written.ok) return { ok: false, messages: written.issues.map((i) => (i.form ? `${i.form}：${i.message}` : i.message)) };
    return { ok: true, bytes: written.bytes, fileName: `${exportFileName(template, request)}.${format}` };
  } catch (e) {
    if (e instanceof ScopeError) return { ok: false, messages: [e.message] };
    throw e;
  }
}
