// The weighted indicator rows shared by F1 and F7 (yubei): 指标名称 / 指标权重 / 计量单位 / 指标性质 / 指标值 / 是否核心指标.
import type { Cell } from '../shared/forms/layout';
import type { Indicator } from '../shared/model';
import { formatValue } from '../shared/value-text';
import { c, label } from './grid';

export function weightedIndicatorHeader(nameTitle: string): Cell[] {
  return [label(nameTitle), label('指标权重'), label('计量单位'), label('指标性质'), label('指标值'), label('是否核心指标')];
}

export function weightedIndicatorRow(ind: Indicator): Cell[] {
  const centre = { align: 'center' as const };
  // a number only when the target is plainly one ("45", "4.11"); anything else (empty, "100.00", text) as written
  const plain = ind.direction !== '定性' && /^\d+(\.\d*[1-9])?$/.test(ind.target.trim());
  const target = plain ? Number(ind.target) : ind.target;
  // a range is text in its one cell ("7-8"): 指标性质 and 计量单位 have cells of their own
  const range = ind.direction !== '定性' && ind.targetMax !== undefined ? formatValue('=', ind.target, '', ind.targetMax) : null;
  return [
    c(ind.name),
    c(ind.weight, { kind: 'number', ...centre }),
    c(ind.unit, centre),
    c(ind.direction, centre),
    range !== null
      ? c(range, centre)
      : typeof target === 'number' && Number.isFinite(target)
        ? c(target, { kind: 'number', ...centre })
        : c(ind.target, centre),
    c(ind.core ? '是' : '否', centre),
  ];
}
