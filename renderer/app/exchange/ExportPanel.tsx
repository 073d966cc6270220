// 导出报表: form, scope, format and 附件编号; the file name comes from the form, the file goes through the platform.
import { observer } from 'mobx-react-lite';
import { MM, MS, MX } from '../../messages';
import { EXPORT_SCOPES, type ExportFormat, type ExportScopeKind } from '../../stores/exchange-form-export';
import type { FormId, FormTemplate } from '../../../templates/template';
import { useStore } from '../store-context';
import { MessageList, Outcome } from './Messages';

const SCOPE_LABELS: Record<ExportScopeKind, string> = {
  project: MX.scopeProject,
  projects: MX.scopeProjects,
  unit: MX.scopeUnit,
  supervisor: MX.scopeSupervisor,
};

/** What one file holds: a table per project, the scope's projects in one table, or one table per unit's plan. */
export function formHint(template: Pick<FormTemplate, 'id' | 'subject' | 'perProject'>): string {
  if (template.id === 'F9') return MM.formMonitoring;
  if (template.subject === 'plans') return MX.formPlans;
  return template.perProject ? MX.formPerProject : MX.formWhole;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

const FORMATS: { id: ExportFormat; label: string }[] = [
  { id: 'docx', label: MX.formatDocx },
  { id: 'xlsx', label: MX.formatXlsx },
];

export const ExportPanel = observer(function ExportPanel() {
  const root = useStore();
  const s = root.exchange.formExport;
  const year = root.units.year;
  const unitName = root.units.unit?.name ?? '';
  const template = s.template;

  return (
    <div className="x-panel" id="export-panel">
      <h1>{MX.exportTitle}</h1>
      <p className="hint">{MX.exportIntro(unitName, year)}</p>
      <div className="card x-form">
        <label className="field">
          <span>{MX.formLabel}</span>
          <select id="export-form" value={s.formId} onChange={(e) => s.setForm(e.target.value as FormId)}>
            {s.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {MX.formOption(t.id, t.title)}
              </option>
            ))}
          </select>
          {template && <small className="hint" id="export-form-hint">{formHint(template)}</small>}
        </label>

        <fieldset className="x-choices" id="export-scope">
          <legend>{MX.scopeLabel}</legend>
          {EXPORT_SCOPES.map((kind) => (
            <label key={kind}>
              <input type="radio" name="export-scope" value={kind} checked={s.scopeKind === kind} onChange={() => s.setScope(kind)} />
              {SCOPE_LABELS[kind]}
            </label>
          ))}
        </fieldset>

        {s.scopeKind === 'project' && (
          <label className="field">
            <span>{MX.pickProject}</span>
            {s.projects.length === 0 ? (
              <em className="hint">{MX.noProjectsThisYear(year)}</em>
            ) : (
              <select id="export-project" value={s.projectId ?? ''} onChange={(e) => s.setProject(e.target.value || null)}>
                {s.projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </label>
        )}

        {s.scopeKind === 'projects' && (
          <div className="field">
            <span>
              {MX.pickProject}　<small className="hint">{MX.selectedCount(s.selectedIds.length, s.projects.length)}</small>
              <button type="button" className="link" onClick={() => s.selectAll(true)}>
                {MX.selectAll}
              </button>
              <button type="button" className="link" onClick={() => s.selectAll(false)}>
                {MX.selectNone}
              </button>
            </span>
            {s.projects.length === 0 ? (
              <em className="hint">{MX.noProjectsThisYear(year)}</em>
            ) : (
              <ul className="x-checklist" id="export-projects">
                {s.projects.map((p) => (
                  <li key={p.id}>
                    <label>
                      <input type="checkbox" value={p.id} checked={s.selectedIds.includes(p.id)} onChange={(e) => s.toggleProject(p.id, e.target.checked)} />
                      {p.name}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        {s.formId === 'F9' && (
          <div className="x-check-line x-monitoring-options">
            <label className="m-month">
              <span>{MM.exportMonth}</span>
              <select id="export-month" value={s.month ?? ''} onChange={(e) => s.setMonth(e.target.value === '' ? null : Number(e.target.value))}>
                <option value="">{MM.exportMonthLatest}</option>
                {MONTHS.map((m) => (
                  <option key={m} value={m}>
                    {MM.exportMonthOption(m)}
                  </option>
                ))}
              </select>
            </label>
            <label className="x-check">
              <input type="checkbox" id="export-summary-only" checked={s.summaryOnly} onChange={(e) => s.setSummaryOnly(e.target.checked)} />
              {MM.exportSummaryOnly}
              <small className="hint">{MM.exportSummaryOnlyHint}</small>
            </label>
          </div>
        )}

        <fieldset className="x-choices" id="export-format">
          <legend>{MX.formatLabel}</legend>
          {FORMATS.map((f) => (
            <label key={f.id}>
              <input type="radio" name="export-format" value={f.id} checked={s.format === f.id} onChange={() => s.setFormat(f.id)} />
              {f.label}
            </label>
          ))}
        </fieldset>

        <label className="field narrow">
          <span>{MX.formNumberLabel}</span>
          <input id="export-form-number" value={s.formNumber} placeholder="附件2-3：" onChange={(e) => s.setFormNumber(e.target.value)} />
          <small className="hint">{MX.formNumberHint}</small>
        </label>

        <label className="x-check">
          <input type="checkbox" id="export-final" checked={s.final} onChange={(e) => s.setFinal(e.target.checked)} />
          {MX.finalLabel}
          <small className="hint">{MX.finalHint}</small>
        </label>

        <div className="x-actions">
          <button type="button" className="primary" id="export-run" disabled={s.busy} onClick={() => void s.run()}>
            {s.busy ? MX.busy : MX.exportRun}
          </button>
          {s.busy && s.phase && (
            <>
              <span className="hint" id="export-progress" role="status">
                {MS.exportPhase[s.phase]}
              </span>
              <button type="button" id="export-cancel" disabled={s.cancelRequested} onClick={() => s.cancel()}>
                {s.cancelRequested ? MS.exportCancelling : MS.exportCancel}
              </button>
            </>
          )}
        </div>
        <MessageList id="export-messages" title={MX.exportFailed} messages={s.messages} />
        <Outcome id="export-outcome" text={s.outcome} />
      </div>
    </div>
  );
});
