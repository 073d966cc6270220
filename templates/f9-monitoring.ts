// F9 项目支出绩效目标执行监控表 (domain.md §6, §8; 财预〔2019〕136号 practice): per project the 1–M月 budget execution
// against 序时进度 and each indicator's 1–M月完成值, 全年预计完成值, 完成目标可能性, 偏差原因 and 纠偏措施, each with its
// warning light printed in words ("红灯"); over several projects a one-row-per-project summary comes first, for the
// supervisor. The round printed is the month asked for, else each project's latest round of the year. Every light is
// shared/monitoring.ts's, by the unit's rule set for the year; nothing here decides a colour.
import type Decimal from 'decimal.js';
import { recordRow, tableLayout, type Cell, type ColumnNode, type FormLayout, type FormLine, type Row } from '../shared/forms/layout';
import { targetText } from '../shared/indicator-text';
import { fiscalTotal, fundingTotal, nonFiscalTotal, type DeviationCause, type Funding, type Project, type Unit } from '../shared/model';
import { fenToNumber, ratio } from '../shared/money';
import {
  CAUSE_LABELS,
  checkRound,
  DEFAULT_MONITORING_MONTH,
  entryOf,
  isValidMonth,
  LIGHT_LABELS,
  LIKELIHOOD_LABELS,
  lightCountText,
  monitoredIndicators,
  monitoringRuleNote,
  monitorProject,
  STATUS_LABELS,
  type Light,
  type ProjectMonitoring,
} from '../shared/monitoring';
import { monitoringText } from '../shared/monitoring-messages';
import { ruleSetOf } from '../shared/rule-sets';
import { schemeOf } from '../shared/schemes';
import { actualText, c, formNumberLine, groupedIndicatorRows, label, row } from './grid';
import { centre, dash, rateCell } from './scored-indicators';
import { competentDepartmentOf, headUnit, requireProjects, ScopeError } from './scope';
import type { FormRequest, FormTemplate } from './template';
import { templateMessages as m } from './template-messages';

const TITLE = '项目支出绩效目标执行监控表';
const SUMMARY_TITLE = '项目支出绩效目标执行监控汇总表';

/**
 * 137 width units: an A4 landscape page between 10 mm margins. label · 一级 · 二级 · 三级 · 年度指标值 · 1–M月完成值 ·
 * 全年预计完成值 · 完成目标可能性 · 偏差原因 · 纠偏措施 · 预警; the header blocks above reuse the same grid.
 */
const COLUMNS = [8, 9, 10, 16, 11, 11, 11, 10, 22, 22, 7].map((width) => ({ width }));
const PAGE = { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatHeaderRows: false, marginsMm: { top: 10, right: 10, bottom: 10, left: 10 } } as const;

const wan = (fen: number): Cell => c(fenToNumber(fen, '万元'), { kind: 'money' });
/** A light in words: '—' where there is a round but nothing to judge, blank without a round; a red one is bold too. */
const lightText = (light: Light | null, monitored: boolean): string => (!monitored ? '' : light === null ? '—' : LIGHT_LABELS[light]);
const lightCell = (light: Light | null, monitored: boolean, more: Omit<Cell, 'value'> = {}): Cell =>
  c(lightText(light, monitored), { ...centre, bold: light === 'red', ...more });
const causeText = (cause: DeviationCause | undefined): string =>
  cause === undefined ? '' : cause.text.trim() === '' ? CAUSE_LABELS[cause.category] : `${CAUSE_LABELS[cause.category]}：${cause.text}`;

/** The 项目资金 rows: 年度资金总额, 其中：财政拨款, 其他资金 (every non-fiscal source), as F3 groups them. */
const FUND_ROWS: { title: string; of: (f: Funding) => number }[] = [
  { title: '年度资金总额', of: fundingTotal },
  { title: '其中：财政拨款', of: fiscalTotal },
  { title: '其他资金', of: nonFiscalTotal },
];

/** The month a project's table is headed with: its round's, else the one asked for, else the usual July. */
function monthOf(pm: ProjectMonitoring, request: FormRequest): number {
  return pm.round?.month ?? request.month ?? DEFAULT_MONITORING_MONTH;
}

export function projectMonitoringLayout(pm: ProjectMonitoring, unit: Unit, request: FormRequest): FormLayout {
  const { project, round, result } = pm;
  const scheme = schemeOf(unit);
  const month = monthOf(pm, request);
  const months = monitoringText.months(month);
  const ex = result?.execution;
  const budgetRows: Row[] = FUND_ROWS.map((f, i) => {
    const budget = f.of(project.funding);
    const spent = round ? f.of(round.spent) : null;
    // each row's own 执行进度; 序时进度, the gap and the light are the project's, beside the total
    const progress = spent === null ? c('') : budget > 0 ? rateCell(ratio(spent, budget)) : dash();
    const cells: Cell[] = [c(f.title, { colSpan: 2 }), wan(budget), spent === null ? c('') : wan(spent), progress];
    if (i === 0) {
      const span = { rowSpan: FUND_ROWS.length, ...centre };
      cells.push(
        ex?.schedule ? { ...rateCell(ex.schedule), ...span } : c(round ? '—' : '', span),
        ex?.gapPoints ? c(Number(ex.gapText), { kind: 'number', decimals: 2, ...span }) : c(round ? '—' : '', span),
        lightCell(ex?.light ?? null, round !== null, { colSpan: 2, ...span }),
      );
    }
    return row(...cells);
  });

  const byIndicator = new Map(result?.indicators.map((i) => [i.indicatorId, i]) ?? []);
  const shown = monitoredIndicators(project, pm.ruleSet);
  const indicatorRows = groupedIndicatorRows(shown, scheme, (ind) => {
    const e = round ? entryOf(round, ind.id) : undefined;
    const mi = byIndicator.get(ind.id);
    return [
      c(ind.name),
      c(targetText(ind), centre),
      c(e ? actualText(ind, { indicatorId: ind.id, actual: e.actualToDate }) : '', centre),
      c(e ? actualText(ind, { indicatorId: ind.id, actual: e.projected }) : '', centre),
      c(e?.likelihood ? LIKELIHOOD_LABELS[e.likelihood] : '', centre),
      c(causeText(e?.cause)),
      c(e?.correction ?? ''),
      lightCell(mi?.light ?? null, round !== null),
    ];
  });

  const rows: Row[] = [
    row(label('项目名称', { colSpan: 2 }), c(project.name, { colSpan: 9 })),
    row(label('主管部门', { colSpan: 2 }), c(competentDepartmentOf(pm.project, request.data.units), { colSpan: 3 }), label('实施单位', { colSpan: 2 }), c(unit.name, { colSpan: 4 })),
    row(
      label('监控月份', { colSpan: 2 }),
      c(months, { colSpan: 3, ...centre }),
      label('填报状态', { colSpan: 2 }),
      c(round ? STATUS_LABELS[round.status] : monitoringText.notFilled, { colSpan: 4, ...centre }),
    ),
    row(
      label('项目资金\n（万元）', { colSpan: 2, rowSpan: FUND_ROWS.length + 1 }),
      c('', { colSpan: 2 }),
      label('年度预算数'),
      label(`${months}执行数`),
      label('执行进度'),
      label('序时进度'),
      label('偏差（百分点）'),
      label('执行预警', { colSpan: 2 }),
    ),
    ...budgetRows,
    row(label('执行预警说明', { colSpan: 2 }), c(ex?.explanation ?? '', { colSpan: 9 })),
    row(label('执行偏差原因', { colSpan: 2 }), c(causeText(round?.cause), { colSpan: 4 }), label('纠偏措施', { colSpan: 2 }), c(round?.correction ?? '', { colSpan: 3 })),
    row(label('年度总体目标', { colSpan: 2 }), c(project.annualGoal, { colSpan: 9 })),
    row(
      label('绩效指标', { rowSpan: shown.length + 1 }),
      label('一级指标'),
      label('二级指标'),
      label('三级指标'),
      label('年度指标值'),
      label(`${months}完成值`),
      label('全年预计完成值'),
      label('完成目标可能性'),
      label('偏差原因'),
      label('纠偏措施'),
      label('预警'),
    ),
    ...indicatorRows,
    {
      bold: true,
      cells: [
        label('项目预警', { colSpan: 2 }),
        lightCell(result?.light ?? null, round !== null, { colSpan: 2 }),
        c(result ? result.explanation : monitoringText.notFilled, { colSpan: 7 }),
      ],
    },
  ];

  // why each indicator is off 绿, in the words the screen shows: the table has room for the light only
  const notes: FormLine[] = shown.flatMap((ind) => {
    const mi = byIndicator.get(ind.id);
    return mi && (mi.light === 'red' || mi.light === 'yellow') ? [{ kind: 'text' as const, text: `${ind.name}：${mi.explanation}` }] : [];
  });
  return {
    name: project.name,
    headerLines: [
      ...formNumberLine(request.formNumber),
      { kind: 'title', text: TITLE },
      { kind: 'text', text: `（${project.year}年度 ${months}）`, align: 'center' },
    ],
    columns: COLUMNS,
    rows,
    footerLines: [...notes, { kind: 'text', text: monitoringRuleNote(pm.ruleSet) }],
    page: PAGE,
    font: { bodySize: 9 },
  };
}


/** The summary's columns: one row per project, the lights in words. */
function summaryColumns(): ColumnNode[] {
  return [
    { title: '序号', key: 'no', width: 5, align: 'center' },
    { title: '单位', key: 'unit', width: 16 },
    { title: '项目', key: 'name', width: 28 },
    { title: '监控月份', key: 'month', width: 8, align: 'center' },
    { title: '年度预算数', key: 'budget', width: 11, kind: 'money' },
    { title: '累计执行数', key: 'spent', width: 11, kind: 'money' },
    { title: '执行进度', key: 'progress', width: 9, kind: 'percent', align: 'center' },
    { title: '序时进度', key: 'schedule', width: 9, kind: 'percent', align: 'center' },
    { title: '执行预警', key: 'execution', width: 8, align: 'center' },
    {
      title: '指标预警数',
      children: [
        { title: '红灯', key: 'red', width: 6, kind: 'number', align: 'center' },
        { title: '黄灯', key: 'yellow', width: 6, kind: 'number', align: 'center' },
      ],
    },
    { title: '项目预警', key: 'light', width: 8, align: 'center' },
    { title: '填报状态', key: 'status', width: 8, align: 'center' },
  ];
}

/** A ratio as the percent columns hold it: rounded half up to 4 places, so the sheet shows the computed percentage. */
const ratioValue = (d: Decimal): number => d.toDecimalPlaces(4).toNumber();

export function monitoringSummaryLayout(list: readonly { pm: ProjectMonitoring; unit: Unit }[], head: Unit, request: FormRequest): FormLayout {
  const { year } = request;
  const projectLights: Record<Light | 'none', number> = { green: 0, yellow: 0, red: 0, none: 0 };
  const layout = tableLayout({
    name: '监控汇总',
    headerLines: [
      ...formNumberLine(request.formNumber),
      { kind: 'title', text: SUMMARY_TITLE },
      { kind: 'text', text: `（${year}年度）`, align: 'center' },
      { kind: 'fields', left: `部门名称：${head.name}`, right: '单位：万元' },
    ],
    columns: summaryColumns(),
    body: (columns) =>
      list.map(({ pm, unit }, i) => {
        const { project, round, result } = pm;
        const ex = result?.execution;
        projectLights[result?.light ?? 'none']++;
        const light = (l: Light | null): Cell => lightCell(l, true);
        return recordRow(columns, {
          no: i + 1,
          unit: unit.shortName?.trim() || unit.name,
          name: project.name,
          budget: fenToNumber(fundingTotal(project.funding), '万元'),
          ...(round && result && ex
            ? {
                month: monitoringText.months(round.month),
                spent: fenToNumber(ex.spent, '万元'),
                progress: ex.progress === null ? c('—') : ratioValue(ex.progress),
                schedule: ex.schedule === null ? c('—') : ratioValue(ex.schedule),
                execution: light(ex.light),
                red: result.counts.red,
                yellow: result.counts.yellow,
                light: light(result.light),
                status: STATUS_LABELS[round.status],
              }
            : { status: monitoringText.notFilled }),
        });
      }),
    footerLines: [],
    page: PAGE,
    font: { bodySize: 9 },
  });
  const counts: Record<Light, number> = { green: projectLights.green, yellow: projectLights.yellow, red: projectLights.red };
  const monitored = list.length - projectLights.none;
  return {
    ...layout,
    footerLines: [
      { kind: 'text', text: summaryLine(list.length, monitored, counts, projectLights.none) },
      { kind: 'text', text: monitoringRuleNote(ruleSetOf(head, year)) },
    ],
  };
}

/** "共 4 个项目，已填报 4 个：项目红灯 2 个、黄灯 1 个、绿灯 1 个。" */
function summaryLine(total: number, monitored: number, counts: Record<Light, number>, none: number): string {
  return `共 ${total} 个项目，已填报 ${monitored} 个${none > 0 ? `、未填报 ${none} 个` : ''}：项目${lightCountText(counts)}。`;
}

/** Each red light still without 纠偏措施, named by its project: a 正式版 is refused while there is one. */
function unresolvedReds(list: readonly { pm: ProjectMonitoring }[]): string[] {
  return list.flatMap(({ pm }) =>
    pm.round
      ? checkRound(pm.project, pm.round, pm.ruleSet)
          .filter((p) => p.severity === 'error' && p.field === 'correction')
          .map((p) => `${pm.project.name}：${p.message}`)
      : [],
  );
}

export const f9Monitoring: FormTemplate = {
  id: 'F9',
  title: TITLE,
  perProject: true,
  subject: 'projects',
  build(request: FormRequest): FormLayout[] {
    if (request.month !== undefined && !isValidMonth(request.month)) throw new ScopeError(m.badMonitoringMonth(request.month));
    const projects: Project[] = requireProjects(request);
    const units = new Map(request.data.units.map((u) => [u.id, u]));
    const list = projects.map((project) => {
      const unit = units.get(project.unitId)!;
      return { pm: monitorProject(project, unit, request.month), unit };
    });
    if (request.final) {
      const reds = unresolvedReds(list);
      if (reds.length > 0) throw new ScopeError(m.monitoringFinalBlocked(reds.length, reds.slice(0, 5)));
    }
    // one project: its table; several (a unit, a supervisor, chosen projects): the supervisor's summary first
    const summary = request.summaryOnly || request.scope.kind !== 'projects' || list.length > 1 ? [monitoringSummaryLayout(list, headUnit(request), request)] : [];
    if (request.summaryOnly) return summary;
    return [
      ...summary,
      ...list.map(({ pm, unit }) => projectMonitoringLayout(pm, unit, request)),
    ];
  },
};
