// Indicator schemes as versioned data (domain.md §3). Nothing else in the code branches on a scheme id or a level
// code: checks ask a 一级 its role, the disclosure forms ask a 二级 where it is printed.

/** What a 一级 is for, whatever its code in a scheme: the authoring rules need an output and a benefit level. */
export type Level1Role = 'output' | 'cost' | 'benefit' | 'satisfaction';

/** The 二级 columns of the disclosure form F4 (longgang 2019 附件2-3), left to right. */
export type DisclosureColumn = 'quantity' | 'quality' | 'timeliness' | 'economic' | 'social' | 'ecological' | 'satisfaction';

export interface Level2Def {
  code: string;
  label: string;
  /** one-line guidance shown in the editor */
  hint: string;
  /** the F4 column this 二级 is printed in: its own, or for a 二级 the form has none for, where the 2019 units put it */
  disclosure: DisclosureColumn;
  /** the label in coded indicator strings (huadu F5: "21-经济效益"), where it differs from `label` */
  codedLabel?: string;
}

export interface Level1Def {
  code: string;
  label: string;
  role: Level1Role;
  /** the scheme's default share of the 100 points */
  defaultWeight: number;
  hint: string;
  level2: Level2Def[];
}

export interface IndicatorScheme {
  id: string;
  version: number;
  label: string;
  /** 一级 in display order */
  level1: Level1Def[];
  /** points carried by 预算执行率 in self-assessment */
  executionWeight: number;
}

const output = (withCost: boolean): Level1Def => ({
  code: '1',
  label: '产出指标',
  role: 'output',
  defaultWeight: withCost ? 30 : 50,
  hint: '项目实施直接提供的产品和服务：做了多少、做得怎样、是否按时' + (withCost ? '' : '、花了多少'),
  level2: [
    { code: '11', label: '数量指标', hint: '提供产品或服务的数量，例：培训人数 ≥240 人', disclosure: 'quantity' },
    { code: '12', label: '质量指标', hint: '产品或服务达到的标准、水平，例：集中培训合格率 ≥95%', disclosure: 'quality' },
    { code: '13', label: '时效指标', hint: '完成的时间要求，例：11月底前完成', disclosure: 'timeliness' },
    ...(withCost ? [] : [{ code: '14', label: '成本指标', hint: '完成产出的成本控制，例：会议本 ≤3000 元/台', disclosure: 'economic' as const }]),
  ],
});

const benefit: Level1Def = {
  code: '2',
  label: '效益指标',
  role: 'benefit',
  defaultWeight: 30,
  hint: '项目实施带来的影响和效果',
  level2: [
    { code: '21', label: '经济效益指标', hint: '对经济发展带来的影响，例：财政资金零损失', disclosure: 'economic', codedLabel: '经济效益' },
    { code: '22', label: '社会效益指标', hint: '对社会发展带来的影响，例：经商投资环境持续改善', disclosure: 'social', codedLabel: '社会效益' },
    { code: '23', label: '生态效益指标', hint: '对自然环境带来的影响；不适用时可写“不适用”', disclosure: 'ecological', codedLabel: '生态效益' },
    { code: '24', label: '可持续影响指标', hint: '效果能否长期持续，例：建立符合产业政策的行业商（协）会体系', disclosure: 'social', codedLabel: '可持续影响' },
  ],
};

const satisfaction: Level1Def = {
  code: '3',
  label: '满意度指标',
  role: 'satisfaction',
  defaultWeight: 10,
  hint: '服务对象对项目实施的满意程度',
  level2: [{ code: '31', label: '服务对象满意度指标', hint: '服务对象的满意度，例：会员企业满意度 ≥90%', disclosure: 'satisfaction', codedLabel: '服务对象满意度' }],
};

const cost: Level1Def = {
  code: '4',
  label: '成本指标',
  role: 'cost',
  defaultWeight: 20,
  hint: '项目实施所付出的各项成本',
  level2: [
    { code: '41', label: '经济成本指标', hint: '直接的资金成本，例：单位培训成本 ≤800 元/人', disclosure: 'economic', codedLabel: '经济成本' },
    { code: '42', label: '社会成本指标', hint: '对社会发展造成的负面影响', disclosure: 'economic', codedLabel: '社会成本' },
    { code: '43', label: '生态环境成本指标', hint: '对生态环境造成的负面影响', disclosure: 'economic', codedLabel: '生态环境成本' },
  ],
};

/** Scheme A: 财预〔2015〕88号 style, the default, used by every reference document. */
export const SCHEME_A: IndicatorScheme = {
  id: 'A-2015',
  version: 1,
  label: '方案A（财预〔2015〕88号）',
  level1: [output(false), benefit, satisfaction],
  executionWeight: 10,
};

/** Scheme B: 财预〔2021〕101号 style, 成本 as a fourth 一级 shown after 产出. */
export const SCHEME_B: IndicatorScheme = {
  id: 'B-2021',
  version: 1,
  label: '方案B（财预〔2021〕101号）',
  level1: [output(true), cost, benefit, satisfaction],
  executionWeight: 10,
};

export const SCHEMES: readonly IndicatorScheme[] = [SCHEME_A, SCHEME_B];
export const DEFAULT_SCHEME_ID = SCHEME_A.id;

export function getScheme(id: string): IndicatorScheme | undefined {
  return SCHEMES.find((s) => s.id === id);
}

export function findLevel1(scheme: IndicatorScheme, code: string): Level1Def | undefined {
  return scheme.level1.find((l) => l.code === code);
}

export function findLevel2(scheme: IndicatorScheme, code: string): { level1: Level1Def; level2: Level2Def } | undefined {
  for (const l1 of scheme.level1) {
    const l2 = l1.level2.find((x) => x.code === code);
    if (l2) return { level1: l1, level2: l2 };
  }
  return undefined;
}

/** Display rank of a 二级 code within the scheme (for sorting rows). */
export function level2Rank(scheme: IndicatorScheme, code: string): number {
  let i = 0;
  for (const l1 of scheme.level1) for (const l2 of l1.level2) {
    if (l2.code === code) return i;
    i++;
  }
  return Number.MAX_SAFE_INTEGER;
}

/**
 * The scheme a unit uses, or the default one when the unit is unknown or names a scheme this version does not have
 * (a package from a newer release): the one fallback every screen, check and form shares.
 */
export function schemeOf(unit: { schemeId: string } | null | undefined): IndicatorScheme {
  return (unit ? getScheme(unit.schemeId) : undefined) ?? getScheme(DEFAULT_SCHEME_ID) ?? SCHEME_A;
}

/** The scheme's 一级 of a role, if it has one. */
export function level1OfRole(scheme: IndicatorScheme, role: Level1Role): Level1Def | undefined {
  return scheme.level1.find((l) => l.role === role);
}

export interface Level2Group<T> {
  code: string;
  /** undefined for a code the scheme does not know */
  def: Level2Def | undefined;
  items: T[];
}

export interface Level1Group<T> {
  code: string;
  /** undefined for a code the scheme does not know */
  def: Level1Def | undefined;
  groups: Level2Group<T>[];
}

/**
 * Indicators grouped 一级 → 二级 by their codes, each 一级 and each 二级 once however the list is ordered, items in
 * list order. By default in the scheme's order, codes it does not know after the known ones as they are met;
 * `order: 'data'` keeps the order in which each 一级 and 二级 is first met (a form that prints the unit's own order).
 */
export function groupIndicators<T extends { level1: string; level2: string }>(
  scheme: IndicatorScheme,
  list: readonly T[],
  order: 'scheme' | 'data' = 'scheme',
): Level1Group<T>[] {
  const byLevel1 = new Map<string, Map<string, T[]>>();
  for (const item of list) {
    let byLevel2 = byLevel1.get(item.level1);
    if (!byLevel2) byLevel1.set(item.level1, (byLevel2 = new Map()));
    const items = byLevel2.get(item.level2);
    if (items) items.push(item);
    else byLevel2.set(item.level2, [item]);
  }
  const rank1 = (code: string) => {
    const i = scheme.level1.findIndex((l) => l.code === code);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const codes1 = [...byLevel1.keys()];
  // Array.prototype.sort is stable: unknown codes keep the order they were met in
  if (order === 'scheme') codes1.sort((a, b) => rank1(a) - rank1(b));
  return codes1.map((code) => {
    const byLevel2 = byLevel1.get(code)!;
    const codes2 = [...byLevel2.keys()];
    if (order === 'scheme') codes2.sort((a, b) => level2Rank(scheme, a) - level2Rank(scheme, b));
    return {
      code,
      def: findLevel1(scheme, code),
      groups: codes2.map((c2) => ({ code: c2, def: findLevel2(scheme, c2)?.level2, items: byLevel2.get(c2)! })),
    };
  });
}
