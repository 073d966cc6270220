// A city-scale data set for the export benchmark: a 财政 supervisor with 100 units, 20 projects each (2,000 projects)
// and 15 indicators per project (30,000 indicators), with year-end self-assessments, and on request a 1–7月 monitoring
// round per project (绩效运行监控, for F9) whose lights come out green, yellow and red. Deterministic.
// Every project has texts of its own (names, goals, targets), as a city's projects do: with the same texts in every
// project, the workbook's shared-string table holds each text once, and the benchmark timed a 67 KB F5 that stored
// one project's texts for all 2,000 (247 KB with texts of their own).
import { createExchangeDocument, type ExchangeDocument } from '../shared/exchange/exchange';
import type { AchievementLikelihood, Funding, Indicator, MonitoringRound, Project, Unit } from '../shared/model';

const STAMP = '2026-01-15T00:00:00.000Z';
const LEVELS: [string, string][] = [['1', '11'], ['1', '11'], ['1', '12'], ['1', '12'], ['1', '13'], ['1', '13'], ['2', '21'], ['2', '21'], ['2', '22'], ['2', '22'], ['2', '22'], ['2', '23'], ['2', '24'], ['3', '31'], ['3', '31']];
const GOAL_ACTIONS = ['开展专项工作', '组织宣讲培训', '实施项目建设', '购买社会服务', '完善服务平台', '开展监督检查'];
/** Indicator names by 二级 code, picked per project and position. */
const NAMES: Record<string, string[]> = {
  '11': ['开展宣讲培训次数', '服务企业数量', '举办活动场次', '印发宣传资料份数', '走访企业户数', '组织专题调研次数'],
  '12': ['培训合格率', '项目验收合格率', '资金使用合规率', '资料归档完整率', '问题整改完成率'],
  '13': ['任务按时完成率', '资金支付及时率', '项目完成时限', '信息报送及时率'],
  '21': ['带动企业融资额', '降低企业经营成本', '促进产值增长'],
  '22': ['政策知晓率', '服务覆盖面', '群众办事便利度', '社会关注度提升'],
  '23': ['节能降耗效果', '环境整治成效'],
  '24': ['长效工作机制建立情况', '服务体系持续运行'],
  '31': ['服务对象满意度', '参训人员满意度', '企业满意度'],
};
const COUNT_UNITS = ['次', '户', '场', '份', '家', '人次'];
/** A deterministic spread of small integers (an integer hash), so that no two projects share all their texts. */
function pick(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const k of keys) h = Math.imul(h ^ k, 0x85ebca6b) ^ (h >>> 13);
  return (h ^ (h >>> 16)) >>> 0;
}
/** A quantitative target as such an indicator states it: counts, rates in %, amounts in 万元. */
function target(level2: string, h: number): { target: string; unit: string } {
  if (level2 === '11') return { target: String(5 + (h % 400)), unit: COUNT_UNITS[h % COUNT_UNITS.length] };
  if (level2 === '21') return { target: String(50 + (h % 5000)), unit: '万元' };
  return { target: String(80 + (h % 21)), unit: '%' };
}

function fund(fen: number): Funding {
  return { generalPublic: fen, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 };
}

const LIKELIHOODS: AchievementLikelihood[] = ['certain', 'certain', 'certain', 'certain', 'certain', 'certain', 'possible', 'possible', 'possible', 'impossible'];

/**
 * A 1–7月 round: 20–69% of the budget spent (序时进度 58.33%, so every execution light occurs), each indicator's
 * projection between 50% and 109% of its target, a likelihood mostly 确定能完成, and 偏差原因 and 纠偏措施 where it is not.
 */
function monitoringRound(budget: number, indicators: readonly Indicator[], seed: number): MonitoringRound {
  return {
    month: 7,
    status: 'done',
    spent: fund(Math.round((budget * (20 + (seed % 50))) / 100)),
    entries: indicators.map((ind, i) => {
      const h = pick(seed, i, 7);
      const likelihood = LIKELIHOODS[h % LIKELIHOODS.length];
      const quantitative = ind.direction !== '定性';
      const target = Number(ind.target);
      return {
        indicatorId: ind.id,
        actualToDate: quantitative ? String(Math.round(target * 0.6)) : '按计划推进',
        projected: quantitative ? String(Math.round((target * (50 + ((h >>> 4) % 60))) / 100)) : ind.target,
        likelihood,
        ...(likelihood === 'certain'
          ? {}
          : { cause: { category: 'funding' as const, text: `第${(h >>> 8) % 9 + 1}季度资金到位较晚，影响${ind.name}进度` }, correction: `加快${ind.name}相关工作，按月调度进度` }),
      };
    }),
    updatedAt: STAMP,
    doneAt: STAMP,
  };
}

export function cityData(unitCount = 100, projectsPerUnit = 20, indicatorsPerProject = 15, options: { monitoring?: boolean } = {}): ExchangeDocument {
  const units: Unit[] = [{ id: 'city', name: '某市财政局', parentId: null, schemeId: 'A-2015', updatedAt: STAMP }];
  const projects: Project[] = [];
  for (let u = 1; u <= unitCount; u++) {
    const unitId = `u${u}`;
    units.push({ id: unitId, name: `某市第${u}预算单位`, shortName: `单位${u}`, parentId: 'city', schemeId: 'A-2015', updatedAt: STAMP });
    for (let p = 1; p <= projectsPerUnit; p++) {
      const id = `${unitId}-p${p}`;
      const name = `单位${u}第${p}号专项工作经费`;
      const seed = pick(u, p);
      const goal = `通过${GOAL_ACTIONS[seed % GOAL_ACTIONS.length]}，全年服务${20 + ((seed >>> 3) % 300)}家企业，提升服务质量和效率，推动辖区民营经济高质量发展，确保年度各项任务按时保质完成。`;
      const budget = 100_000 * (37 + ((u * 31 + p * 17) % 900));
      const indicators: Indicator[] = Array.from({ length: indicatorsPerProject }, (_, i) => {
        const [level1, level2] = LEVELS[i % LEVELS.length];
        const quantitative = i % 3 !== 2;
        const names = NAMES[level2];
        const h = pick(u, p, i);
        return {
          id: `${id}-i${i + 1}`, level1, level2, name: names[h % names.length],
          direction: quantitative ? '≥' : '定性', ...(quantitative ? target(level2, h >>> 4) : { target: '按期保质完成', unit: '' }),
          weight: null, core: i < 3,
        };
      });
      projects.push({
        id, unitId, year: 2025, name, governmentInvestment: p % 7 === 0, key: p <= 2,
        funding: fund(budget), townSubsidy: 0, overview: '', basis: '', annualGoal: goal, periodGoal: '', indicators,
        selfAssessment: {
          budgetInitial: fund(budget), budgetAdjusted: fund(budget), spent: fund(budget - 10_000 * (p % 50)),
          overallResult: '已按计划完成年度各项工作任务。',
          results: indicators.map((ind) => ({ indicatorId: ind.id, actual: ind.direction === '定性' ? '已完成' : String(Number(ind.target) + (seed % 5)) })),
          problems: '无', rectification: '无', status: 'done',
        },
        ...(options.monitoring ? { monitoring: [monitoringRound(budget, indicators, seed)] } : {}),
        updatedAt: STAMP,
      });
    }
  }
  return createExchangeDocument({ units, projects, departmentPlans: [] }, STAMP);
}
