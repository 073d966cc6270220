// A city-scale data set for the export benchmark: a 财政 supervisor with 100 units, 20 projects each (2,000 projects)
// and 15 indicators per project (30,000 indicators), with year-end self-assessments. Deterministic.
import { createExchangeDocument, type ExchangeDocument } from '../shared/exchange/exchange';
import type { Funding, Indicator, Project, Unit } from '../shared/model';

const STAMP = '2026-01-15T00:00:00.000Z';
const LEVELS: [string, string][] = [['1', '11'], ['1', '11'], ['1', '12'], ['1', '12'], ['1', '13'], ['1', '13'], ['2', '21'], ['2', '21'], ['2', '22'], ['2', '22'], ['2', '22'], ['2', '23'], ['2', '24'], ['3', '31'], ['3', '31']];
const GOAL = '通过开展专项工作，提升服务质量和效率，推动辖区民营经济高质量发展，确保年度各项任务按时保质完成。';

function fund(fen: number): Funding {
  return { generalPublic: fen, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 };
}

export function cityData(unitCount = 100, projectsPerUnit = 20, indicatorsPerProject = 15): ExchangeDocument {
  const units: Unit[] = [{ id: 'city', name: '某市财政局', parentId: null, schemeId: 'A-2015', updatedAt: STAMP }];
  const projects: Project[] = [];
  for (let u = 1; u <= unitCount; u++) {
    const unitId = `u${u}`;
    units.push({ id: unitId, name: `某市第${u}预算单位`, shortName: `单位${u}`, parentId: 'city', schemeId: 'A-2015', updatedAt: STAMP });
    for (let p = 1; p <= projectsPerUnit; p++) {
      const id = `${unitId}-p${p}`;
      const budget = 100_000 * (37 + ((u * 31 + p * 17) % 900));
      const indicators: Indicator[] = Array.from({ length: indicatorsPerProject }, (_, i) => {
        const [level1, level2] = LEVELS[i % LEVELS.length];
        const quantitative = i % 3 !== 2;
        return {
          id: `${id}-i${i + 1}`, level1, level2, name: `第${i + 1}项工作指标`,
          direction: quantitative ? '≥' : '定性', target: quantitative ? String(10 + i) : '按期保质完成', unit: quantitative ? '次' : '',
          weight: null, core: i < 3,
        };
      });
      projects.push({
        id, unitId, year: 2025, name: `第${p}号专项工作经费`, governmentInvestment: p % 7 === 0, key: p <= 2,
        funding: fund(budget), townSubsidy: 0, overview: '', basis: '', annualGoal: GOAL, periodGoal: '', indicators,
        selfAssessment: {
          budgetInitial: fund(budget), budgetAdjusted: fund(budget), spent: fund(budget - 10_000 * (p % 50)),
          overallResult: '已按计划完成年度各项工作任务。',
          results: indicators.map((ind) => ({ indicatorId: ind.id, actual: ind.direction === '定性' ? '已完成' : ind.target })),
          problems: '无', rectification: '无', status: 'done',
        },
        updatedAt: STAMP,
      });
    }
  }
  return createExchangeDocument({ units, projects, departmentPlans: [] }, STAMP);
}
