// One call from a form request to file bytes: template → layouts → Word or Excel writer. Used by the app's export
// screen and by the headless exporter alike. Problems come back as Chinese messages; nothing throws past here.
import { writeDocx } from '../shared/forms/docx-writer';
import { writeXlsx } from '../shared/forms/xlsx-writer';
import { getTemplate } from './index';
import { validateDepartmentPlan, validateProject } from '../shared/validation';
import { DEFAULT_SCHEME_ID, getScheme, SCHEME_A } from '../shared/schemes';
import { exportFileName, scopePlans, scopeProjects, ScopeError } from './scope';
import type { FormRequest } from './template';
import { templateMessages as m } from './template-messages';

export type ExportFormat = 'docx' | 'xlsx';

export type ExportResult = { ok: true; bytes: Uint8Array; fileName: string } | { ok: false; messages: string[] };

export async function exportForm(formId: string, format: ExportFormat, request: FormRequest): Promise<ExportResult> {
  const template = getTemplate(formId);
  if (!template) return { ok: false, messages: [m.unknownForm(formId)] };
  try {
    if (request.final) {
      const blocking = finalFormErrors(request);
      if (blocking.length > 0) return { ok: false, messages: [m.finalBlocked(blocking.length), ...blocking.slice(0, 20)] };
    }
    const layouts = template.build(request);
    const written = format === 'docx' ? await writeDocx(layouts, { creator: '预算绩效管理' }) : await writeXlsx(layouts, { creator: '预算绩效管理' });
    if (!written.ok) return { ok: false, messages: written.issues.map((i) => (i.form ? `${i.form}：${i.message}` : i.message)) };
    return { ok: true, bytes: written.bytes, fileName: `${exportFileName(template, request)}.${format}` };
  } catch (e) {
    if (e instanceof ScopeError) return { ok: false, messages: [e.message] };
    throw e;
  }
}

/** Every validation error of the projects and plans a form covers, each named after its record. */
function finalFormErrors(request: FormRequest): string[] {
  const schemeOf = (unitId: string) => getScheme(request.data.units.find((u) => u.id === unitId)?.schemeId ?? DEFAULT_SCHEME_ID) ?? SCHEME_A;
  const errors = (problems: { severity: string; message: string }[], owner: string) =>
    problems.filter((p) => p.severity === 'error').map((p) => `${owner}：${p.message}`);
  return [
    ...scopeProjects(request).flatMap((p) => errors(validateProject(p, schemeOf(p.unitId)), p.name)),
    ...scopePlans(request).flatMap((p) => errors(validateDepartmentPlan(p, schemeOf(p.unitId)), m.planOwner(p.year))),
  ];
}
