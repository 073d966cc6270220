// The parts the two national self-assessment forms share (F3 项目支出绩效自评表, F8 部门整体支出绩效自评表): their nine
// columns, the scored indicator block grouped 一级 → 二级 in the scheme's order, and the 总分 row. The scores are the
// assessment's (shared/scoring.ts); nothing here computes one.
import type Decimal from 'decimal.js';
import type { Cell, ColumnSpec, PageSetup, Row } from '../shared/forms/layout';
import { targetText } from '../shared/indicator-text';
import type { Indicator, IndicatorResult } from '../shared/model';
import type { IndicatorScheme } from '../shared/schemes';
import type { Grade, IndicatorScore, Level1Total } from '../shared/scoring';
import { actualText, c, groupedIndicatorRows, label, level1WithPoints, row, spanRows } from './grid';
import { templateMessages as m } from './template-messages';

/**
 * 95 width units (717 px), which fill an A4 portrait page between 10 mm margins at 100%: label · 一级 (or a task) ·
 * 二级 · 三级 · 年度指标值 · 实际完成值 · 分值 · 得分 (执行率 in the money block) · 偏差原因分析及改进措施 (得分 in the
 * money block). A 三级 name of ten characters, "服务对象满意度指标" in two lines and "年初预算数" each fit their column.
 */
export const SCORED_FORM_COLUMNS: readonly ColumnSpec[] = [
  { width: 8 },
  { width: 10 },
  { width: 10 },
  { width: 18 },
  { width: 10 },
  { width: 10 },
  { width: 6 },
  { width: 7 },
  { width: 16 },
];

/** A4 portrait with 10 mm margins: up to fifteen indicators on one page (F3). */
export const SCORED_FORM_PAGE: PageSetup = {
  paper: 'A4',
  orientation: 'portrait',
  fitToWidth: true,
  repeatHeaderRows: false,
  marginsMm: { top: 10, right: 10, bottom: 10, left: 10 },
};

export const centre = { align: 'center' as const };
export const dash = (): Cell => c('—', centre);

/** An execution rate as the forms print it (a ratio rounded to 4 places, shown as "95.00%"), '—' without one. */
export function rateCell(rate: Decimal | null): Cell {
  return rate ? c(rate.toDecimalPlaces(4).toNumber(), { kind: 'percent', ...centre }) : dash();
}

/** A score with its 2 decimals, '—' without one. */
export function scoreCell(score: number | null): Cell {
  return score !== null ? c(score, { kind: 'number', decimals: 2, ...centre }) : dash();
}

/** 分值 and 得分 of an indicator row: '—' for 不适用, which has neither; blank while there is nothing to score yet. */
function pointsCells(s: IndicatorScore | undefined): Cell[] {
  if (s?.rule === 'notApplicable') return [dash(), dash()];
  return [
    s?.maxScore != null ? c(s.maxScore, { kind: 'number', ...centre }) : c(''),
    s?.score != null ? c(s.score, { kind: 'number', decimals: 2, ...centre }) : c(''),
  ];
}

/** 偏差原因分析及改进措施: the note, or for 不适用 the reason, which is that row's note (domain.md §5). */
function noteText(r: IndicatorResult | undefined): string {
  const note = r?.deviationNote ?? '';
  return note.trim() === '' && r?.notApplicable ? r.notApplicable.reason : note;
}

export interface ScoredIndicators {
  indicatorScores: readonly IndicatorScore[];
  level1Totals: readonly Level1Total[];
  executionIndicatorIds: readonly string[];
}

/**
 * The 绩效指标 block: its header row, then the indicators grouped 一级 (with its 分值) → 二级 → 三级 in the scheme's
 * order. An indicator that measures budget execution is left out: it is the 执行率 row of the money block above.
 */
export function scoredIndicatorRows(
  indicators: readonly Indicator[],
  results: readonly IndicatorResult[],
  scheme: IndicatorScheme,
  a: ScoredIndicators,
): Row[] {
  const execution = new Set(a.executionIndicatorIds);
  const shown = indicators.filter((ind) => !execution.has(ind.id));
  const scores = new Map(a.indicatorScores.map((s) => [s.indicatorId, s]));
  const byId = new Map(results.map((r) => [r.indicatorId, r]));
  return [
    row(label('绩效指标', spanRows(shown.length + 1)), label('一级指标'), label('二级指标'), label('三级指标'), label('年度指标值'), label('实际完成值'), label('分值'), label('得分'), label('偏差原因分析及改进措施')),
    ...groupedIndicatorRows(
      shown,
      scheme,
      (ind) => {
        const r = byId.get(ind.id);
        return [c(ind.name), c(targetText(ind), centre), c(actualText(ind, r), centre), ...pointsCells(scores.get(ind.id)), c(noteText(r))];
      },
      { level1Text: level1WithPoints(a.level1Totals) },
    ),
  ];
}

/** 总分 out of 100 with the grade, only once everything is filled: a running total of a half-filled form would read as final. */
export function totalRow(complete: boolean, total: number | null, grade: Grade | null): Row {
  return {
    bold: true,
    cells: [
      label('总分', { colSpan: 6 }),
      c(100, { kind: 'number', ...centre }),
      complete && total !== null ? c(total, { kind: 'number', decimals: 2, ...centre }) : c(''),
      c(complete && grade ? `等级：${grade}` : m.assessmentUnfinished, centre),
    ],
  };
}
