// Year-end overview of a unit's projects (年度绩效自评总览): one row per project and the department's figures.
// Rates are exact (decimal.js) and rounded only when shown; the mean score is rounded half up once, at the end.
import Decimal from 'decimal.js';
import type { AssessmentStatus, Fen, Id, Project, RuleSet, SelfAssessment } from './model';
import { fundingTotal } from './model';
import { formatPercent, ratio, round2 } from './money';
import type { Grade } from './messages';

export { ASSESSMENT_STATUS_LABELS as COMPLETENESS_LABELS } from './messages';
import type { IndicatorScheme } from './schemes';
import { CN_2020 } from './rule-sets';
import { assessProject } from './scoring';

/** 未开始 / 进行中 / 已完成 */
export type Completeness = AssessmentStatus;

export const COMPLETENESS_VALUES: readonly Completeness[] = ['notStarted', 'inProgress', 'done'];

export interface OverviewRow {
  id: Id;
  name: string;
  /** 全年预算数（调整后）总额 with 上年结转资金, as the execution rate counts it; null before the self-assessment exists */
  budget: Fen | null;
  /** 全年执行数总额 with 上年结转资金; null before the self-assessment exists */
  spent: Fen | null;
  /** exact spent / budget; null without a self-assessment or a budget, and while 未开始 */
  executionRate: Decimal | null;
  /** '99.74%', or '' when there is no rate */
  executionRateText: string;
  /** null while 未开始 */
  executionScore: number | null;
  /** 总分; null where the indicators carry no weights, and while 未开始 (an untouched form would score 0) */
  total: number | null;
  grade: Grade | null;
  completeness: Completeness;
}

export interface DepartmentFigures {
  projectCount: number;
  /**
   * Σ 全年预算数 of the projects whose self-assessment has begun (进行中 or 已完成): a 未开始 project's spending is
   * simply not entered yet, and counting its budget would understate the rate
   */
  budget: Fen;
  /** Σ 全年执行数 of the same projects */
  spent: Fen;
  /** amount-weighted execution rate Σspent / Σbudget, exact; null when Σbudget is 0 */
  executionRate: Decimal | null;
  executionRateText: string;
  /** mean of the totals of the projects that have one, rounded half up to 2 decimals; null when none has */
  meanScore: number | null;
  /** how many projects the mean is taken over */
  scoredCount: number;
  counts: Record<Completeness, number>;
}

export interface YearOverview {
  rows: OverviewRow[];
  department: DepartmentFigures;
}

/**
 * Whether the filler has entered anything. The budgets do not count: the editor may prefill them from the targets,
 * so only spending, results and the texts show that work has begun.
 */
function hasEntries(sa: SelfAssessment): boolean {
  if (fundingTotal(sa.spent) !== 0 || (sa.carriedOver?.spent ?? 0) !== 0) return true;
  const texts = [sa.overallResult, sa.problems, sa.rectification, sa.executionNote ?? ''];
  if (texts.some((t) => t.trim() !== '')) return true;
  return sa.results.some(
    (r) => r.actual.trim() !== '' || r.outcome !== undefined || r.scoreOverride !== undefined || (r.deviationNote ?? '').trim() !== '',
  );
}

/** 已完成 when marked done; 未开始 with no self-assessment or nothing entered; 进行中 otherwise. */
export function completenessOf(project: Project): Completeness {
  const sa = project.selfAssessment;
  if (!sa) return 'notStarted';
  if (sa.status === 'done') return 'done';
  return hasEntries(sa) ? 'inProgress' : 'notStarted';
}

export function overviewRow(project: Project, scheme: IndicatorScheme, ruleSet: RuleSet = CN_2020): OverviewRow {
  const sa = project.selfAssessment;
  const completeness = completenessOf(project);
  const base = {
    id: project.id,
    name: project.name,
    // 年度资金总额 of the national form: this year's funds and those carried over from last year (domain.md §6 F3)
    budget: sa ? fundingTotal(sa.budgetAdjusted) + (sa.carriedOver?.budgetAdjusted ?? 0) : null,
    spent: sa ? fundingTotal(sa.spent) + (sa.carriedOver?.spent ?? 0) : null,
    completeness,
  };
  if (completeness === 'notStarted') {
    return { ...base, executionRate: null, executionRateText: '', executionScore: null, total: null, grade: null };
  }
  const a = assessProject(project, scheme, ruleSet);
  return {
    ...base,
    executionRate: a.executionRate,
    executionRateText: a.executionRateText,
    executionScore: a.executionScore,
    total: a.total,
    grade: a.grade,
  };
}

/** Rows of the given projects (in the given order) and the department's figures. */
export function yearOverview(projects: readonly Project[], scheme: IndicatorScheme, ruleSet: RuleSet = CN_2020): YearOverview {
  const rows = projects.map((p) => overviewRow(p, scheme, ruleSet));
  let budget = 0;
  let spent = 0;
  for (const r of rows) {
    if (r.completeness === 'notStarted') continue;
    budget += r.budget ?? 0;
    // negative spending counts as 0, as in the project's own rate
    spent += Math.max(r.spent ?? 0, 0);
  }
  const rate = budget > 0 ? ratio(spent, budget) : null;
  const totals = rows.flatMap((r) => (r.total === null ? [] : [r.total]));
  const mean = totals.length === 0 ? null : round2(totals.reduce((s, t) => s.plus(t), new Decimal(0)).div(totals.length));
  const counts: Record<Completeness, number> = { notStarted: 0, inProgress: 0, done: 0 };
  for (const r of rows) counts[r.completeness] += 1;
  return {
    rows,
    department: {
      projectCount: rows.length,
      budget,
      spent,
      executionRate: rate,
      executionRateText: rate === null ? '' : formatPercent(rate),
      meanScore: mean,
      scoredCount: totals.length,
      counts,
    },
  };
}

export type OverviewSortKey = 'name' | 'budget' | 'spent' | 'executionRate' | 'executionScore' | 'total' | 'grade' | 'completeness';
export type SortDirection = 'asc' | 'desc';

export const nameCollator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Ascending order of grades: from 差 up to 优, as the totals behind them. */
const GRADE_RANK: Readonly<Record<Grade, number>> = { 差: 0, 中: 1, 良: 2, 优: 3 };
const COMPLETENESS_RANK: Readonly<Record<Completeness, number>> = { notStarted: 0, inProgress: 1, done: 2 };

type SortValue = number | Decimal | string | null;

function sortValue(row: OverviewRow, key: OverviewSortKey): SortValue {
  switch (key) {
    case 'name':
      return row.name;
    case 'grade':
      return row.grade === null ? null : GRADE_RANK[row.grade];
    case 'completeness':
      return COMPLETENESS_RANK[row.completeness];
    default:
      return row[key];
  }
}

function compareValues(a: Exclude<SortValue, null>, b: Exclude<SortValue, null>): number {
  if (typeof a === 'string' && typeof b === 'string') return nameCollator.compare(a, b);
  return new Decimal(a).comparedTo(b);
}

/**
 * A sorted copy of the rows. Empty values (no rate, no score) always go last, whatever the direction; ties keep a
 * fixed order by name, then id, so the table does not jump when re-sorted.
 */
export function sortOverview(rows: readonly OverviewRow[], key: OverviewSortKey, direction: SortDirection): OverviewRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = compareValues(va, vb);
      if (c !== 0) return sign * c;
    }
    return nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
