// Indicator schemes as versioned data (domain.md §3). Nothing else in the code branches on a scheme id.

export interface Level2Def {
  code: string;
  label: string;
  /** one-line guidance shown in the editor */
  hint: string;
}

export interface Level1Def {
  code: string;
  label: string;
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
  defaultWeight: withCost ? 30 : 50,
  hint: '项目实施直接提供的产品和服务：做了多少、做得怎样、是否按时' + (withCost ? '' : '、花了多少'),
  level2: [
    { code: '11', label: '数量指标', hint: '提供产品或服务的数量，例：培训人数 ≥240 人' },
    { code: '12', label: '质量指标', hint: '产品或服务达到的标准、水平，例：集中培训合格率 ≥95%' },
    { code: '13', label: '时效指标', hint: '完成的时间要求，例：11月底前完成' },
    ...(withCost ? [] : [{ code: '14', label: '成本指标', hint: '完成产出的成本控制，例：会议本 ≤3000 元/台' }]),
  ],
});

const benefit: Level1Def = {
  code: '2',
  label: '效益指标',
  defaultWeight: 30,
  hint: '项目实施带来的影响和效果',
  level2: [
    { code: '21', label: '经济效益指标', hint: '对经济发展带来的影响，例：财政资金零损失' },
    { code: '22', label: '社会效益指标', hint: '对社会发展带来的影响，例：经商投资环境持续改善' },
    { code: '23', label: '生态效益指标', hint: '对自然环境带来的影响；不适用时可写“不适用”' },
    { code: '24', label: '可持续影响指标', hint: '效果能否长期持续，例：建立符合产业政策的行业商（协）会体系' },
  ],
};

const satisfaction: Level1Def = {
  code: '3',
  label: '满意度指标',
  defaultWeight: 10,
  hint: '服务对象对项目实施的满意程度',
  level2: [{ code: '31', label: '服务对象满意度指标', hint: '服务对象的满意度，例：会员企业满意度 ≥90%' }],
};

const cost: Level1Def = {
  code: '4',
  label: '成本指标',
  defaultWeight: 20,
  hint: '项目实施所付出的各项成本',
  level2: [
    { code: '41', label: '经济成本指标', hint: '直接的资金成本，例：单位培训成本 ≤800 元/人' },
    { code: '42', label: '社会成本指标', hint: '对社会发展造成的负面影响' },
    { code: '43', label: '生态环境成本指标', hint: '对生态环境造成的负面影响' },
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
