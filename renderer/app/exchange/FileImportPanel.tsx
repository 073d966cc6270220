// An Excel or Word table chosen in the 导入 section: its reading (progress, 取消), then what was read — projects,
// indicators, each table read by its headers with the field of every column (a select to change it), the year, what
// could not be read and why — and 下一步 to the usual import plan. A file that cannot be read shows why and changes
// nothing.
import { observer } from 'mobx-react-lite';
import type { Field, TableColumns } from '../../../shared/import/columns';
import type { ImportReport } from '../../../shared/import/import-file';
import { MX } from '../../messages';
import { MI } from '../../messages-import';
import { TABLE_FIELDS, type FileImportStore } from '../../stores/file-import-store';
import { useStore } from '../store-context';
import { MessageList, Outcome } from './Messages';

export const FileImportView = observer(function FileImportView() {
  const f = useStore().exchange.fileImport;
  if (f.stage === 'idle') return <Outcome id="file-import-notice" text={f.notice} />;
  if (f.stage === 'reading') {
    return (
      <div className="card x-file-reading" id="file-import-reading" role="status">
        <p>{MI.reading(f.fileName)}</p>
        <progress id="file-import-progress" max={1} value={f.progress} />
        <button type="button" id="file-import-abort" onClick={() => f.cancel()}>
          {MI.abort}
        </button>
      </div>
    );
  }
  const result = f.result;
  if (!result) return null;
  if (!result.ok) {
    return (
      <div className="card x-file-failed" id="file-import-failed">
        <MessageList id="file-import-message" title={MI.readFailed(f.fileName)} messages={[result.message]} />
        <Issues report={result.report} />
        <Columns f={f} />
        <div className="x-actions">
          <button type="button" id="file-import-cancel" onClick={() => f.reset()}>
            {MX.cancel}
          </button>
        </div>
      </div>
    );
  }
  const report = result.report;
  return (
    <div className="card x-plan" id="file-import-preview">
      <div className="card-head">
        <h2>{MI.previewTitle(f.fileName)}</h2>
      </div>
      <p className="x-summary" id="file-import-summary">
        {MI.previewCounts(report.projects, report.indicators, report.departmentPlans)}
      </p>
      <table className="x-table" id="file-import-tables">
        <thead>
          <tr>
            <th>{MI.tableWhere}</th>
            <th>{MI.tableHow}</th>
            <th className="num">{MI.tableProjects}</th>
            <th className="num">{MI.tableIndicators}</th>
          </tr>
        </thead>
        <tbody>
          {report.tables.map((t, i) => (
            <tr key={i}>
              <td>{t.where}</td>
              <td>{t.how}</td>
              <td className="num">{t.projects}</td>
              <td className="num">{t.indicators}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <YearChoice f={f} />
      {f.unitName !== null && <p className="hint">{MI.unitNote(f.unitName)}</p>}
      <Columns f={f} />
      <Issues report={report} />
      <div className="x-actions">
        <button type="button" className="primary" id="file-import-continue" disabled={f.busy} onClick={() => void f.proceed()}>
          {f.busy ? MX.busy : MI.continue}
        </button>
        <button type="button" id="file-import-cancel" disabled={f.busy} onClick={() => f.reset()}>
          {MX.cancel}
        </button>
      </div>
    </div>
  );
});

const YearChoice = observer(function YearChoice({ f }: { f: FileImportStore }) {
  const years = Array.from({ length: 6 }, (_, i) => f.appYear - 3 + i);
  return (
    <div className="x-file-year">
      <label>
        {MI.year}{' '}
        <select id="file-import-year" value={f.year ?? ''} onChange={(e) => void f.setYear(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{MI.yearAsFile}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {MI.yearOption(y)}
            </option>
          ))}
        </select>
      </label>
      {f.yearAssumed && <span className="hint"> {MI.yearAssumedNote(f.appYear)}</span>}
    </div>
  );
});

/** The field a column is read as, where it is one the select offers. */
function fieldOf(t: TableColumns, col: number): Field | '' {
  const found = (Object.entries(t.fields) as [Field, number][]).find(([f, c]) => c === col && TABLE_FIELDS.includes(f));
  return found?.[0] ?? '';
}

const Columns = observer(function Columns({ f }: { f: FileImportStore }) {
  const tables = f.mappedTables;
  if (tables.length === 0) return null;
  return (
    <>
      {tables.map((t) => (
        <details key={t.key} className="x-section file-columns" data-key={t.key} open={tables.length === 1}>
          <summary>
            {MI.columnsOf(t.where)}
            {f.isRemembered(t.key) && <span className="hint"> {MI.columnsRemembered}</span>}
          </summary>
          <table className="x-table">
            <thead>
              <tr>
                <th>{MI.tableColumn}</th>
                <th>{MI.pasteColumnField}</th>
              </tr>
            </thead>
            <tbody>
              {t.headers.map((header, col) => (
                <tr key={col} data-col={col}>
                  <td>{header || MI.columnOf(col + 1)}</td>
                  <td>
                    <select
                      className="file-column-field"
                      aria-label={`${header || MI.columnOf(col + 1)}：${MI.pasteColumnField}`}
                      value={fieldOf(t, col)}
                      onChange={(e) => void f.setField(t.key, col, (e.target.value || null) as Field | null)}
                    >
                      <option value="">{MI.notRead}</option>
                      {TABLE_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {MI.fields[field]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </>
  );
});

function Issues({ report }: { report: ImportReport }) {
  const of = (level: 'error' | 'warning' | 'info') => report.issues.filter((i) => i.level === level).map((i) => i.message);
  const notes = of('info');
  return (
    <>
      <MessageList id="file-import-errors" title={MI.errors} messages={of('error')} />
      <MessageList id="file-import-warnings" title={MI.warnings} messages={of('warning')} />
      {notes.length > 0 && (
        <details className="x-section" id="file-import-notes">
          <summary>
            {MI.notes} <span className="count zero">{notes.length}</span>
          </summary>
          <ul className="x-problem-list">
            {notes.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
