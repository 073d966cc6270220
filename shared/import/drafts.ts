// What a reader makes of one table before the import is put together (shared/import/build.ts): projects and
// department plans without ids, each naming its unit by name, and the helpers the readers share.
import { EMPTY_FUNDING, type Fen, type Funding, type SelfAssessment } from '../model';
import type { MoneyUnit } from './amounts';
import { amountText, moneyUnitIn, readAmount } from './amounts';
import type { FieldValue, IndicatorDraft, Report, TableColumns } from './columns';
import { fieldText } from './columns';
import { importMessages as m } from './import-messages';
import { normLabel, type SheetView } from './sheet';

/** A unit as a table names it; `parentName` its 主管部门 where the table says. */
export interface UnitRef {
  name: string;
  shortName?: string;
  parentName?: string | null;
}

export interface ProjectDraft {
  /** where the project was read, for messages */
  where: string;
  /** null: the table does not say (the import's default unit) */
  unit: UnitRef | null;
  year: number | null;
  name: string;
  governmentInvestment: boolean;
  key: boolean;
  competentDepartment?: string;
  funding: Funding;
  townSubsidy: Fen;
  overview: string;
  basis: string;
  annualGoal: string;
  periodGoal: string;
  indicators: IndicatorDraft[];
  selfAssessment?: Omit<SelfAssessment, 'results'>;
}

export interface PlanDraft {
  where: string;
  unit: UnitRef | null;
  year: number | null;
  expenditureBudget: Fen | null;
  overallGoal: string;
  indicators: IndicatorDraft[];
}

/** What one table gave. */
export interface TableRead {
  /** the sheet or table: 工作表“附件2-3”, 第 2 个表格 */
  where: string;
  /** how it was read: 本程序的 F5“…” or 表头 */
  how: string;
  projects: ProjectDraft[];
  plans: PlanDraft[];
  /** units the table names besides its projects' (a supervisor heading the form) */
  units: UnitRef[];
  /** the year the table states */
  year: number | null;
  /** the scheme its levels were read into */
  schemeId: string;
  /** a table read by its headers: which column gave which field */
  columns?: TableColumns;
}

export function newProject(where: string, name: string): ProjectDraft {
  return {
    where,
    unit: null,
    year: null,
    name,
    governmentInvestment: false,
    key: false,
    funding: { ...EMPTY_FUNDING },
    townSubsidy: 0,
    overview: '',
    basis: '',
    annualGoal: '',
    periodGoal: '',
    indicators: [],
  };
}

/** The year a line states ("2019年度…", "（2025年度）", "2024年渝北区…"), or null. */
export function yearIn(text: string): number | null {
  const match = /((?:19|20)\d{2})\s*年/.exec(text);
  return match ? Number(match[1]) : null;
}

/** The texts of the rows above `top`, each row's cells in order. */
export function linesAbove(view: SheetView, top: number): string[] {
  const lines: string[] = [];
  for (let r = 0; r < top; r++) for (const { text } of view.rowTexts(r)) lines.push(text);
  return lines;
}

/** "部门名称（盖章）：X" → X, for the given labels (normalised); "单位：万元" is the money unit, not a unit. */
export function labelledValue(lines: readonly string[], labels: readonly string[]): string | null {
  const wanted = new Set(labels.map(normLabel));
  for (const line of lines) {
    // a fields line written in one cell: "部门名称：X    单位：万元"
    for (const part of line.split(/\s{2,}|\t/)) {
      const match = /^([^:：]{1,16})[:：]\s*(.*)$/.exec(part.trim());
      if (!match) continue;
      const label = normLabel(match[1]).replace(/\(盖章\)$/, '');
      const value = match[2].trim();
      if (wanted.has(label) && value !== '' && moneyUnitIn(`单位：${value}`) === null) return value;
    }
  }
  return null;
}

/** The money unit the lines state ("单位：万元"), or null. */
export function moneyUnitOfLines(lines: readonly string[]): MoneyUnit | null {
  for (const line of lines) {
    const unit = moneyUnitIn(line);
    if (unit) return unit;
  }
  return null;
}

/** A form title without the draft mark the product prints on drafts. */
export function withoutDraftMark(title: string): string {
  return title.replace(/[（(]草稿[）)]\s*$/, '').trim();
}

/** An amount field in 分, reporting text that is no amount; 0 for an empty cell. */
export function amountOf(value: FieldValue | undefined, unit: MoneyUnit, report: Report): Fen {
  if (!value) return 0;
  if (fieldText(value, report) === '' && (value.cell?.error || value.cell?.uncalculated)) return 0;
  const read = readAmount(value.cell ?? { text: value.text }, unit);
  if (read.kind === 'amount') return read.fen;
  if (read.kind === 'bad') report('error', read.negative ? m.negativeAmount(value.where, read.text) : m.badAmount(value.where, read.text));
  return 0;
}

/** Whether an amount field holds anything. */
export function hasAmount(value: FieldValue | undefined): boolean {
  return value !== undefined && (value.text.trim() !== '' || value.cell?.error !== undefined || value.cell?.uncalculated === true);
}

/** The sum of a funding's sources. */
export function fundingSum(f: Funding): Fen {
  return f.generalPublic + f.governmentFund + f.stateCapital + f.specialAccount + f.other;
}

/**
 * A project's funding from what a table gives: a total and any of its parts. Parts missing are what the total leaves;
 * only a total is read as 财政拨款 (said so); a total that disagrees with its parts is said so, the parts kept.
 */
export function fundingFromParts(
  parts: { total?: Fen; fiscal?: Fen; generalPublic?: Fen; governmentFund?: Fen; stateCapital?: Fen; specialAccount?: Fen; other?: Fen },
  unit: MoneyUnit,
  where: string,
  report: Report,
): Funding {
  const hasSplitFiscal = parts.generalPublic !== undefined || parts.governmentFund !== undefined || parts.stateCapital !== undefined;
  const funding: Funding = {
    generalPublic: parts.generalPublic ?? 0,
    governmentFund: parts.governmentFund ?? 0,
    stateCapital: parts.stateCapital ?? 0,
    specialAccount: parts.specialAccount ?? 0,
    other: parts.other ?? 0,
  };
  if (!hasSplitFiscal && parts.fiscal !== undefined) funding.generalPublic = parts.fiscal;
  const anyPart = hasSplitFiscal || parts.fiscal !== undefined || parts.specialAccount !== undefined || parts.other !== undefined;
  if (parts.total === undefined) return funding;
  if (!anyPart) {
    if (parts.total > 0) report('info', m.fiscalAssumed(where));
    funding.generalPublic = parts.total;
    return funding;
  }
  const sum = fundingSum(funding);
  if (sum === parts.total) return funding;
  // a part left out: 财政拨款 given, 其他资金 the rest (or the other way round)
  const rest = parts.total - sum;
  if (rest > 0 && parts.other === undefined) {
    funding.other += rest;
    return funding;
  }
  if (rest > 0 && parts.fiscal === undefined && !hasSplitFiscal) {
    funding.generalPublic += rest;
    return funding;
  }
  report('warning', m.fundingMismatch(where, amountText(parts.total, unit), amountText(sum, unit)));
  return funding;
}
