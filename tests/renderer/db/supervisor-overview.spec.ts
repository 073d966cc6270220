import type { Indicator, Project } from '../../../shared/model';
import { SCHEME_B } from '../../../shared/schemes';
import { FIXED_NOW, addProject, addUnit, assessment, errorOf, makeKit, unwrap, type Kit } from './db-test-kit';

let kit: Kit;
afterEach(() => kit.db.close());

/** Unweighted indicators, as most published target forms carry them. */
function target(id: string, level2: string): Indicator {
  const qualitative = level2.startsWith('2');
  return {
    id,
    level1: level2.charAt(0),
    level2,
    name: `指标${id}`,
    direction: qualitative ? '定性' : '≥',
    target: qualitative ? '持续改善' : '10',
    unit: qualitative ? '' : '次',
    weight: null,
    core: false,
  };
}

/** A project saved with exactly these fields (the kit's addProject names its own indicators). */
async function project(unitId: string, year: number, name: string, extra: Partial<Project> = {}): Promise<void> {
  const created = unwrap(await kit.repo.projects.create({ unitId, year, name }));
  unwrap(await kit.repo.projects.save({ ...created, ...extra }));
}

async function seed(): Promise<{ finance: string; union: string; chamber: string; archive: string }> {
  kit = makeKit();
  const finance = await addUnit(kit.repo, '区财政局');
  const union = await addUnit(kit.repo, '区工商联', finance);
  const chamber = unwrap(await kit.repo.units.create({ name: '区总商会', parentId: union, schemeId: SCHEME_B.id, shortName: '总商会' })).id;
  const archive = await addUnit(kit.repo, '区档案馆', finance);
  const elsewhere = await addUnit(kit.repo, '另一区财政局');
  await addProject(kit.repo, elsewhere, 2025, '不相干的项目');

  const full = (p: string) => [target(`${p}-1`, '11'), target(`${p}-2`, '22')];
  // 工商联 (scheme A): four projects of 2025, one of 2024
  await project(union, 2025, '商会培训', { annualGoal: '培训会员企业', indicators: full('a'), selfAssessment: assessment() });
  // finished targets with a half-filled self-assessment that still lacks a deviation note: the targets count
  const halfFilled = { ...assessment(), status: 'inProgress' as const, results: [{ indicatorId: 'b-1', actual: '5' }] };
  await project(union, 2025, '非公经济调研', { annualGoal: '完成调研', indicators: full('b'), selfAssessment: halfFilled });
  await project(union, 2025, '会员服务', { annualGoal: '服务会员', indicators: [target('c-1', '11')] }); // no 效益
  await project(union, 2025, '法律服务', { annualGoal: '  ', indicators: full('d') }); // no goal
  await project(union, 2025, '成本核算', { annualGoal: '控制成本', indicators: [...full('e'), target('e-3', '41')] }); // 41 is not in scheme A
  await project(union, 2024, '去年的项目', { annualGoal: '目标', indicators: full('f') });
  unwrap(
    await kit.repo.plans.save({
      id: 'plan-union', unitId: union, year: 2025, tasks: [], expenditureBudget: null, overallGoal: '保障运转', indicators: [],
      updatedAt: FIXED_NOW.toISOString(),
    }),
  );
  // 总商会 (scheme B): the same cost indicator is fine there
  await project(chamber, 2025, '成本核算', { annualGoal: '控制成本', indicators: [...full('g'), target('g-3', '41')] });
  await project(chamber, 2025, '待填写的项目');
  return { finance, union, chamber, archive };
}

it('lists every unit below the supervisor, depth first, with its year figures', async () => {
  const { finance, union, chamber, archive } = await seed();
  expect(unwrap(await kit.repo.supervisor.overview(finance, 2025))).toEqual([
    {
      unitId: archive, unitName: '区档案馆', parentId: finance, depth: 1,
      projectCount: 0, targetsFilled: 0, assessmentsDone: 0, hasDepartmentPlan: false,
      lights: { green: 0, yellow: 0, red: 0 }, unmonitored: 0, monitored: [],
    },
    {
      unitId: union, unitName: '区工商联', parentId: finance, depth: 1,
      projectCount: 5, targetsFilled: 2, assessmentsDone: 1, hasDepartmentPlan: true,
      lights: { green: 0, yellow: 0, red: 0 }, unmonitored: 5, monitored: [],
    },
    {
      unitId: chamber, unitName: '区总商会', shortName: '总商会', parentId: union, depth: 2,
      projectCount: 2, targetsFilled: 1, assessmentsDone: 0, hasDepartmentPlan: false,
      lights: { green: 0, yellow: 0, red: 0 }, unmonitored: 2, monitored: [],
    },
  ]);
});

it('counts the chosen year only, and a middle unit sees only its own subordinates', async () => {
  const { union, chamber } = await seed();
  expect(unwrap(await kit.repo.supervisor.overview(union, 2024))).toEqual([
    {
      unitId: chamber, unitName: '区总商会', shortName: '总商会', parentId: union, depth: 1,
      projectCount: 0, targetsFilled: 0, assessmentsDone: 0, hasDepartmentPlan: false,
      lights: { green: 0, yellow: 0, red: 0 }, unmonitored: 0, monitored: [],
    },
  ]);
  expect(unwrap(await kit.repo.supervisor.overview(chamber, 2025))).toEqual([]);
});

it('refuses an unknown supervisor in Chinese', async () => {
  await seed();
  expect(errorOf(await kit.repo.supervisor.overview('ghost', 2025))).toBe('找不到该主管部门，可能已被删除。');
});
