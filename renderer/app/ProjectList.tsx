// Left column: the department plan and the projects of the chosen unit and year, with search, status filter and totals.
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, useState } from 'react';
import { PROJECT_STATUSES, type ProjectStatus } from '../../shared/project-status';
import { monitoringText } from '../../shared/monitoring-messages';
import { M, MM, PROJECT_STATUS_LABELS } from '../messages';
import type { ProjectSummary } from '../db/repository';
import { DatabaseOpening } from './DatabaseFailure';
import { wan } from './money';
import { LightBadge } from './monitoring/LightBadge';
import { StatusBadge } from './StatusBadge';
import { DirectoryOffer } from './review/DirectoryOffer';
import { ReviewBadge } from './review/ReviewBadge';
import { useStore } from './store-context';

export const ProjectList = observer(function ProjectList() {
  const root = useStore();
  const { list, units } = root;
  const rows = list.rows;
  const painted = useRef(false);

  // a mark for the bench: the first time a non-empty list has been painted
  useEffect(() => {
    if (painted.current || rows.length === 0) return;
    painted.current = true;
    performance.mark('project-list-rendered');
    requestAnimationFrame(() => setTimeout(() => performance.mark('project-list-painted'), 0));
  });

  if (root.database.state.kind === 'opening' || !units.loaded) return <DatabaseOpening />;
  if (!units.unit)
    return (
      <div className="list-empty">
        {M.noUnits}
        <DirectoryOffer />
      </div>
    );
  const selectedCount = list.selectedIds.length;
  return (
    <div className="project-list">
      <div className="list-toolbar">
        <input
          id="project-search"
          type="search"
          placeholder={M.search}
          value={list.query}
          onChange={(e) => list.setQuery(e.target.value)}
        />
        <select
          id="status-filter"
          value={list.statusFilter}
          onChange={(e) => list.setStatusFilter(e.target.value as ProjectStatus | 'all')}
        >
          <option value="all">{M.allStatuses}</option>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PROJECT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="list-actions">
        <button type="button" className="primary" id="new-project" onClick={() => void root.createProject()}>
          {M.newProject}
        </button>
        <button type="button" id="copy-selected" disabled={selectedCount === 0} onClick={() => void root.copySelectedToNextYear()}>
          {M.copySelectedToNextYear(selectedCount, units.year + 1)}
        </button>
        <button
          type="button"
          id="delete-selected"
          disabled={selectedCount === 0}
          onClick={() => window.confirm(M.confirmDelete(selectedCount)) && void root.deleteProjects(list.selectedIds)}
        >
          {M.delete}
        </button>
        <button type="button" id="copy-year" onClick={() => void root.copyYearToNextYear()}>
          {M.copyYearToNextYear(units.year + 1)}
        </button>
      </div>
      <button
        type="button"
        id="open-plan"
        className={'plan-entry' + (root.selection?.kind === 'plan' ? ' current' : '')}
        onClick={() => void root.openPlan()}
      >
        {M.departmentPlan}
      </button>
      <div className="list-head">
        <label title={M.selectAll}>
          <input
            type="checkbox"
            checked={rows.length > 0 && selectedCount === rows.length}
            onChange={(e) => list.setAllSelected(e.target.checked)}
          />
        </label>
        <span>{M.projects}</span>
        <span className="num">{M.totalAll}</span>
      </div>
      <WindowedRows count={rows.length}>
        {(start, end) =>
          rows.slice(start, end).map((row) => <ProjectListItem key={row.summary.id} summary={row.summary} status={row.status} />)
        }
      </WindowedRows>
      {rows.length === 0 && <p className="list-empty">{list.summaries.length === 0 ? M.noProjects : M.noMatches}</p>}
      <ListTotals />
    </div>
  );
});

/** Row height in px; fixed, so that only the rows in view need to exist (a year can hold hundreds of projects). */
const ROW_HEIGHT = 30;
const OVERSCAN = 12;

function WindowedRows({ count, children }: { count: number; children: (start: number, end: number) => React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  // until the box is measured, the window's height is a safe guess: the box is never taller than the window
  const [view, setView] = useState(() => ({ top: 0, height: window.innerHeight }));
  const measure = () => {
    const el = box.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  };
  // measured by the ResizeObserver, which reports after the browser's own layout, not by reading the size here:
  // that would force a second layout of the whole window before the first paint
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const start = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  return (
    <div className="rows" ref={box} onScroll={measure}>
      <ul id="project-rows" style={{ paddingTop: start * ROW_HEIGHT, paddingBottom: (count - end) * ROW_HEIGHT }}>
        {children(start, end)}
      </ul>
    </div>
  );
}

const ProjectListItem = observer(function ProjectListItem({ summary, status }: { summary: ProjectSummary; status: ProjectStatus | null }) {
  const root = useStore();
  const current = root.selection?.kind === 'project' && root.selection.id === summary.id;
  const light = root.list.lightOf(summary);
  return (
    <li className={current ? 'current' : undefined} data-project-id={summary.id}>
      <input
        type="checkbox"
        aria-label={M.selectProject(summary.name)}
        checked={root.list.selected.has(summary.id)}
        onChange={() => root.list.toggleSelected(summary.id)}
      />
      <button type="button" className="row-open" onClick={() => void root.openProject(summary.id)}>
        <span className="row-name">{summary.name}</span>
        <StatusBadge status={status} />
        <ReviewBadge status={summary.reviewStatus} />
        {light && <LightBadge light={light.light} title={MM.lightOf(monitoringText.months(light.month), light.explanation)} />}
      </button>
      <span className="num">{wan(summary.fundingTotal)}</span>
    </li>
  );
});

const ListTotals = observer(function ListTotals() {
  const { list } = useStore();
  const t = list.totals;
  return (
    <div className="list-totals" id="list-totals">
      <div>{M.projectCount(list.rows.length, list.summaries.length)}</div>
      <div>
        {M.totals}：{M.totalAll} <b>{wan(t.total)}</b>　{M.totalFiscal} {wan(t.fiscal)}　{M.totalOther} {wan(t.other)}
      </div>
    </div>
  );
});
