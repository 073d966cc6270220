// 一级 / 二级 names as tables write them ("产出指标", "数量", "11-数量指标", "产出指标\n（50分）", "效率指标") → the codes
// of the unit's scheme (shared/schemes.ts). A name the scheme does not have is mapped to its nearest 二级 and said so;
// a table without levels (F1, F7, many 申报表) gets them from the indicator's name, also said so.
import type { Direction } from '../model';
import { shortLabel } from '../indicator-text';
import { level1OfRole, type IndicatorScheme, type Level1Def, type Level1Role, type Level2Def } from '../schemes';

export interface ResolvedLevels {
  level1: string;
  level2: string;
  /** how the codes were found: named in the table, mapped from a name the scheme does not have, or guessed */
  how: 'named' | 'mapped' | 'guessed';
  /** the 二级 (or 一级) text that was mapped, for the message */
  given?: string;
  /** the 一级 text that disagreed with the 二级 (the 二级 decides) */
  conflict?: string;
  /** the 一级 text that was mapped, when only the 一级 was not known */
  mappedLevel1?: string;
}

/** A level's text as compared: no code prefix, no points ("（50分）"), no spaces, no trailing 指标. */
export function levelKey(text: string): { code: string | null; key: string } {
  let s = text.replace(/[\s\u3000]/g, '');
  s = s.replace(/[（(]\d+(\.\d+)?分?[）)]$/, '');
  const coded = /^(\d{1,3})[-－—.、．]+(.*)$/.exec(s);
  const code = coded ? coded[1] : null;
  if (coded) s = coded[2];
  return { code, key: s.replace(/指标$/, '') };
}

/** Everyday names of 二级 beside the scheme's own labels, by the role of their 一级 and a 二级 label. */
const LEVEL2_ALIASES: readonly (readonly [string, string])[] = [
  ['满意度', '服务对象满意度指标'],
  ['服务对象满意', '服务对象满意度指标'],
  ['社会公众满意度', '服务对象满意度指标'],
  ['群众满意度', '服务对象满意度指标'],
  ['可持续', '可持续影响指标'],
  ['可持续发展', '可持续影响指标'],
  ['可持续影响力', '可持续影响指标'],
  ['持续影响', '可持续影响指标'],
  ['经济', '经济效益指标'],
  ['社会', '社会效益指标'],
  ['生态', '生态效益指标'],
  ['生态环境效益', '生态效益指标'],
  ['环境效益', '生态效益指标'],
  ['进度', '时效指标'],
  ['时间', '时效指标'],
  ['时限', '时效指标'],
  ['成本', '成本指标'],
  ['经济成本', '成本指标'],
  ['生态环境成本', '成本指标'],
  ['社会成本', '成本指标'],
];

const LEVEL1_ALIASES: readonly (readonly [string, Level1Role])[] = [
  ['产出', 'output'],
  ['效益', 'benefit'],
  ['效果', 'benefit'],
  ['满意度', 'satisfaction'],
  ['服务对象满意度', 'satisfaction'],
  ['成本', 'cost'],
];

function level2Keys(l2: Level2Def): string[] {
  return [shortLabel(l2.label), l2.codedLabel ? shortLabel(l2.codedLabel) : ''].filter(Boolean);
}

function allLevel2(scheme: IndicatorScheme): { l1: Level1Def; l2: Level2Def }[] {
  return scheme.level1.flatMap((l1) => l1.level2.map((l2) => ({ l1, l2 })));
}

/** The 二级 a text names exactly (by code, label, coded label or a common alias), within a 一级 when given. */
function findLevel2(scheme: IndicatorScheme, code: string | null, key: string, within?: Level1Def): { l1: Level1Def; l2: Level2Def } | undefined {
  const pool = allLevel2(scheme).filter((x) => !within || x.l1 === within);
  if (code) {
    const byCode = pool.find((x) => x.l2.code === code);
    if (byCode && (key === '' || level2Keys(byCode.l2).includes(key))) return byCode;
  }
  return pool.find((x) => level2Keys(x.l2).includes(key));
}

/** The 二级 an everyday name stands for ("满意度", "进度"), within a 一级 when given. */
function aliasLevel2(scheme: IndicatorScheme, key: string, within?: Level1Def): { l1: Level1Def; l2: Level2Def } | undefined {
  const pool = allLevel2(scheme).filter((x) => !within || x.l1 === within);
  for (const [alias, label] of LEVEL2_ALIASES) {
    if (alias !== key) continue;
    // a label the scheme words differently (成本指标 under scheme B is the 一级; 经济成本指标 its 二级)
    const hit = pool.find((x) => x.l2.label === label) ?? (label === '成本指标' ? pool.find((x) => x.l1.role === 'cost') : undefined);
    if (hit) return hit;
  }
  return undefined;
}

function findLevel1(scheme: IndicatorScheme, code: string | null, key: string): Level1Def | undefined {
  if (key === '' && code) return scheme.level1.find((l) => l.code === code);
  const byLabel = scheme.level1.find((l) => shortLabel(l.label) === key);
  if (byLabel) return byLabel;
  const role = LEVEL1_ALIASES.find(([alias]) => alias === key)?.[1];
  return role ? level1OfRole(scheme, role) : undefined;
}

/** How many characters two names share, over their lengths (Dice): "效率" and "时效" share one of four. */
function similarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  const left = new Map<string, number>();
  for (const ch of a) left.set(ch, (left.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const n = left.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      left.set(ch, n - 1);
    }
  }
  return (2 * shared) / ([...a].length + [...b].length);
}

/** The 二级 nearest to a name the scheme does not have, within a 一级 when known; by the indicator's name if none is near. */
function nearestLevel2(scheme: IndicatorScheme, key: string, within: Level1Def | undefined, name: string, unit: string, direction: Direction): { l1: Level1Def; l2: Level2Def } {
  const alias = aliasLevel2(scheme, key, within) ?? aliasLevel2(scheme, key);
  if (alias) return alias;
  const pool = allLevel2(scheme).filter((x) => !within || x.l1 === within);
  let best: { l1: Level1Def; l2: Level2Def } | undefined;
  let bestScore = 0;
  for (const x of pool) {
    const score = Math.max(...level2Keys(x.l2).map((k) => similarity(key, k)));
    if (score > bestScore) {
      best = x;
      bestScore = score;
    }
  }
  return best ?? guessByName(scheme, name, unit, direction, within);
}

/** Words in an indicator's name that tell its 二级, in the order they are tried: the first that matches decides. */
const NAME_RULES: readonly { pattern: RegExp; role: Level1Role; label: string }[] = [
  { pattern: /满意/, role: 'satisfaction', label: '服务对象满意度指标' },
  { pattern: /成本|单价|费用|经费|价格|执行率|执行情况|资金执行/, role: 'output', label: '成本指标' },
  { pattern: /可持续|持续|长效|机制|长期|影响力|发展能力/, role: 'benefit', label: '可持续影响指标' },
  { pattern: /生态|节能|减排|环保|绿化|污染|降耗/, role: 'benefit', label: '生态效益指标' },
  { pattern: /经济效益|产值|收入|税收|融资|增收|利润|经济/, role: 'benefit', label: '经济效益指标' },
  { pattern: /效益|效果|影响|带动|促进|提升|提高|改善|意识|知晓|环境|社会|关注/, role: 'benefit', label: '社会效益指标' },
  { pattern: /及时|时效|时限|按时|时间|期限|进度|周期|月底|年底|前完成|完成时/, role: 'output', label: '时效指标' },
  { pattern: /率|合格|达标|质量|标准|规范|准确|完整|验收/, role: 'output', label: '质量指标' },
];

/** The 二级 an indicator's name, unit and value suggest; counts (数量) when nothing else does. */
function guessByName(scheme: IndicatorScheme, name: string, unit: string, direction: Direction, within?: Level1Def): { l1: Level1Def; l2: Level2Def } {
  const pool = allLevel2(scheme).filter((x) => !within || x.l1 === within);
  const pick = (role: Level1Role, label: string) => {
    const exact = pool.find((x) => x.l1.role === role && x.l2.label === label);
    if (exact) return exact;
    // scheme B has 成本 as a 一级 of its own
    return label === '成本指标' ? pool.find((x) => x.l1.role === 'cost') : undefined;
  };
  for (const rule of NAME_RULES) {
    if (!rule.pattern.test(name)) continue;
    const hit = pick(rule.role, rule.label);
    if (hit) return hit;
  }
  if (/^(天|日|月|年|工作日|个工作日|小时)$/.test(unit)) {
    const hit = pick('output', '时效指标');
    if (hit) return hit;
  }
  if (unit === '%' || direction === '定性') {
    const hit = pick('output', '质量指标');
    if (hit && direction !== '定性') return hit;
  }
  return pick('output', '数量指标') ?? pool[0] ?? allLevel2(scheme)[0];
}

/**
 * The codes for an indicator row: from its 一级 and 二级 texts where the table has them, else from its name. The 二级
 * decides when the two disagree.
 */
export function resolveLevels(
  scheme: IndicatorScheme,
  level1Text: string,
  level2Text: string,
  indicator: { name: string; unit: string; direction: Direction },
): ResolvedLevels {
  const one = levelKey(level1Text);
  const two = levelKey(level2Text);
  const l1 = one.key !== '' || one.code ? findLevel1(scheme, one.code, one.key) : undefined;
  if (two.key !== '' || two.code) {
    const exact = findLevel2(scheme, two.code, two.key, l1) ?? findLevel2(scheme, two.code, two.key);
    if (exact) {
      const conflict = l1 && l1 !== exact.l1 ? level1Text.trim() : undefined;
      return { level1: exact.l1.code, level2: exact.l2.code, how: 'named', ...(conflict ? { conflict } : {}) };
    }
    const near = nearestLevel2(scheme, two.key, l1, indicator.name, indicator.unit, indicator.direction);
    return { level1: near.l1.code, level2: near.l2.code, how: 'mapped', given: level2Text.trim() };
  }
  if (l1) {
    const guess = guessByName(scheme, indicator.name, indicator.unit, indicator.direction, l1);
    return { level1: guess.l1.code, level2: guess.l2.code, how: 'guessed' };
  }
  const guess = guessByName(scheme, indicator.name, indicator.unit, indicator.direction);
  if (one.key !== '') return { level1: guess.l1.code, level2: guess.l2.code, how: 'mapped', given: level1Text.trim(), mappedLevel1: level1Text.trim() };
  return { level1: guess.l1.code, level2: guess.l2.code, how: 'guessed' };
}

/** Whether a table's 一级 texts make 成本指标 a 一级 of its own (scheme B). */
export function namesCostAsLevel1(level1Texts: Iterable<string>): boolean {
  for (const text of level1Texts) if (levelKey(text).key === '成本') return true;
  return false;
}
