// One call from a form request to file bytes: template → layouts → Word or Excel writer. Used by the app's export
// screen and by the headless exporter alike. Problems come back as Chinese messages; nothing throws past here.
import { writeDocx } from '../shared/forms/docx-writer';
import { xmlSafeText } from '../shared/forms/xml-text';
import { ExcelCellTooLongError, writeXlsx } from '../shared/forms/xlsx-writer';
import { formMessages } from '../shared/forms/form-messages';
import { getTemplate } from './index';
import { ruleSetOf } from '../shared/rule-sets';
import { validateDepartmentPlan, validateProject } from '../shared/validation';
import { schemeOf } from '../shared/schemes';
import { draftMarked } from './grid';
import { exportFileName, scopePlans, scopeProjects, ScopeError } from './scope';
import type { FormRequest, FormTemplate } from './template';
import { templateMessages as m } from './template-messages';

export type ExportFormat = 'docx' | 'xlsx';

/** `cancelled`: the run's signal was aborted; nothing was made, and there is nothing to say */
export type ExportResult = { ok: true; bytes: Uint8Array; fileName: string } | { ok: false; messages: string[]; cancelled?: true };

/** The steps of an export a screen shows: the template making the tables, the writer making the file. */
export type ExportPhase = 'build' | 'write';

/** How a screen follows a long export (a city's form) and stops it. */
export interface ExportRun {
  /** looked at as each step starts and once the file is made: aborted, the export stops there and returns no file */
  signal?: AbortSignal;
  /** told as each step starts, and awaited: a screen can show the step before the work takes the thread */
  onPhase?: (phase: ExportPhase) => void | Promise<void>;
}

const CANCELLED: ExportResult = { ok: false, messages: [], cancelled: true };

/** How many problems a list shows; a city-wide package can have tens of thousands, which nobody reads. */
export const MESSAGE_LIST_MAX = 20;

/** The first MESSAGE_LIST_MAX messages, then one line counting the rest (of `total`, when the list is itself cut). */
export function cappedMessages(messages: readonly string[], total = messages.length): string[] {
  const shown = messages.slice(0, MESSAGE_LIST_MAX);
  return total > shown.length ? [...shown, m.moreProblems(total - shown.length)] : shown;
}

export async function exportForm(formId: string, format: ExportFormat, request: FormRequest, run: ExportRun = {}): Promise<ExportResult> {
  const template = getTemplate(formId);
  if (!template) return { ok: false, messages: [m.unknownForm(formId)] };
  const stopsAt = async (phase: ExportPhase) => {
    await run.onPhase?.(phase);
    return run.signal?.aborted === true;
  };
  try {
    if (await stopsAt('build')) return CANCELLED;
    if (request.final) {
      const blocking = finalFormErrors(template, request);
      if (blocking.length > 0) return { ok: false, messages: [m.finalBlocked(blocking.length), ...cappedMessages(blocking)] };
    }
    // a form that is not 正式版 is a draft and says so on every sheet
    const built = template.build(request);
    const layouts = request.final ? built : built.map(draftMarked);
    if (await stopsAt('write')) return CANCELLED;
    const written = format === 'docx' ? await writeDocx(layouts, { creator: '预算绩效管理' }) : await writeXlsx(layouts, { creator: '预算绩效管理' });
    if (!written.ok) return { ok: false, messages: cappedMessages(written.issues.map((i) => (i.form ? `${i.form}：${i.message}` : i.message))) };
    if (run.signal?.aborted) return CANCELLED;
    return { ok: true, bytes: written.bytes, fileName: `${safeFileName(exportFileName(template, request))}.${format}` };
  } catch (e) {
    if (e instanceof ScopeError) return { ok: false, messages: [e.message] };
    if (e instanceof ExcelCellTooLongError) return { ok: false, messages: [formMessages.cellTooLong(e.place)] };
    // a library refusing something the checks above let through: still a message, never a throw into the UI
    return { ok: false, messages: [m.exportCrashed(e instanceof Error ? e.message : String(e))] };
  }
}

/** The file name without the control characters, U+FFFF or lone surrogates a project's name may bring: Windows refuses
 * controls in file names, and a lone surrogate cannot be encoded as a path at all. */
function safeFileName(name: string): string {
  return xmlSafeText(name).replace(/[\t\n\r]/g, ' ');
}

/**
 * Every validation error of the records the form prints, each named after its record: a plan form (F2, F7, F8) is not
 * held up by the projects, nor a project form by the plan, nor F3 by a project it does not print.
 */
export function finalFormErrors(template: FormTemplate, request: FormRequest): string[] {
  const schemeOfUnit = (unitId: string) => schemeOf(request.data.units.find((u) => u.id === unitId));
  const ruleSetOfUnit = (unitId: string, year: number) => ruleSetOf(request.data.units.find((u) => u.id === unitId), year);
  const errors = (problems: { severity: string; message: string }[], owner: string) =>
    problems.filter((p) => p.severity === 'error').map((p) => `${owner}：${p.message}`);
  if (template.subject === 'plans') {
    return scopePlans(request).flatMap((p) => errors(validateDepartmentPlan(p, schemeOfUnit(p.unitId), { ruleSet: ruleSetOfUnit(p.unitId, p.year) }), m.planOwner(p.year)));
  }
  const projects = template.printedProjects?.(request) ?? scopeProjects(request);
  return projects.flatMap((p) => errors(validateProject(p, schemeOfUnit(p.unitId), { ruleSet: ruleSetOfUnit(p.unitId, p.year) }), p.name));
}
