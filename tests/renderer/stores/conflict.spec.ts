// The conflict diff (issue #14): what another window changed, field by field with its Chinese label and both values,
// and the merge that keeps both sides' work with the user's choice where they collide.
import { conflictChanges, defaultChoice, mergeConflict, sameData, type Choice } from '../../../renderer/stores/conflict';
import { assessmentShape, indicatorNames, PLAN_TARGETS, planYearEndShape, PROJECT_TARGETS, unitShape } from '../../../renderer/stores/record-shapes';
import { EMPTY_FUNDING, type DepartmentPlan, type Indicator, type Project, type Unit } from '../../../shared/model';

const WAN = 1_000_000;

function indicator(id: string, name: string, target = '10'): Indicator {
  return { id, level1: '1', level2: '11', name, direction: '≥', target, unit: '次', weight: null, core: false };
}

function project(): Project {
  return {
    id: 'p1',
    unitId: 'u1',
    year: 2025,
    name: '会员企业培训项目',
    governmentInvestment: false,
    key: false,
    funding: { ...EMPTY_FUNDING, generalPublic: 12.5 * WAN },
    townSubsidy: 0,
    overview: '',
    basis: '',
    annualGoal: '',
    periodGoal: '',
    indicators: [indicator('i1', '培训人次', '240'), indicator('i2', '宣讲次数', '8')],
    updatedAt: '2025-01-15T08:00:00.000Z',
  };
}

const edit = <T,>(record: T, change: (r: T) => void): T => {
  const copy = structuredClone(record);
  change(copy);
  return copy;
};

describe('project targets', () => {
  // the symptom: A saved 立项依据 and 业务主管部门; B, holding the old record, typed 年度绩效目标
  const base = project();
  const theirs = edit(base, (p) => {
    p.basis = '《龙岗区商会培训管理办法》';
    p.competentDepartment = '区委统战部';
  });
  const mine = edit(base, (p) => (p.annualGoal = '全年培训会员企业 600 人次'));

  test('lists what the other window changed, with labels and both values; fields only I changed are not asked', () => {
    expect(conflictChanges(PROJECT_TARGETS, base, mine, theirs)).toEqual([
      { key: 'competentDepartment', label: '业务主管部门', theirs: '区委统战部', mine: '（空）', mineChanged: false },
      { key: 'basis', label: '立项依据', theirs: '《龙岗区商会培训管理办法》', mine: '（空）', mineChanged: false },
    ]);
  });

  test('by default the merge keeps both sides: their fields, my field', () => {
    const merged = mergeConflict(PROJECT_TARGETS, base, mine, theirs);
    expect([merged.basis, merged.competentDepartment, merged.annualGoal]).toEqual(['《龙岗区商会培训管理办法》', '区委统战部', '全年培训会员企业 600 人次']);
  });

  test('a choice per field decides each listed field', () => {
    const choices = new Map<string, Choice>([['basis', 'theirs'], ['competentDepartment', 'mine']]);
    const merged = mergeConflict(PROJECT_TARGETS, base, mine, theirs, choices);
    expect([merged.basis, merged.competentDepartment, merged.annualGoal]).toEqual(['《龙岗区商会培训管理办法》', undefined, '全年培训会员企业 600 人次']);
    expect(merged).not.toHaveProperty('competentDepartment');
  });

  test('both changed one field: listed as mine changed too, kept mine by default, theirs when chosen', () => {
    const both = edit(mine, (p) => (p.basis = '我的依据'));
    const [basis] = conflictChanges(PROJECT_TARGETS, base, both, theirs).filter((c) => c.key === 'basis');
    expect(basis).toEqual({ key: 'basis', label: '立项依据', theirs: '《龙岗区商会培训管理办法》', mine: '我的依据', mineChanged: true });
    expect(defaultChoice(basis)).toBe('mine');
    expect(mergeConflict(PROJECT_TARGETS, base, both, theirs).basis).toBe('我的依据');
    expect(mergeConflict(PROJECT_TARGETS, base, both, theirs, new Map([['basis', 'theirs']])).basis).toBe('《龙岗区商会培训管理办法》');
  });

  test('the same change on both sides, and changes outside the editor’s part (self-assessment), ask nothing', () => {
    const same = edit(mine, (p) => (p.basis = '《龙岗区商会培训管理办法》'));
    const assessed = edit(theirs, (p) => {
      p.selfAssessment = { budgetInitial: p.funding, budgetAdjusted: p.funding, spent: EMPTY_FUNDING, overallResult: '完成', results: [], problems: '', rectification: '', status: 'inProgress' };
    });
    expect(conflictChanges(PROJECT_TARGETS, base, same, assessed).map((c) => c.key)).toEqual(['competentDepartment']);
    // the stored self-assessment stays in the merge
    expect(mergeConflict(PROJECT_TARGETS, base, same, assessed).selfAssessment?.overallResult).toBe('完成');
  });

  test('money fields read in 万元 under the funding source’s name', () => {
    const more = edit(base, (p) => (p.funding.generalPublic = 15 * WAN));
    expect(conflictChanges(PROJECT_TARGETS, base, base, more)).toEqual([
      { key: 'funding.generalPublic', label: '资金来源：一般公共预算', theirs: '15.00 万元', mine: '12.50 万元', mineChanged: false },
    ]);
  });

  test('indicator rows are compared one by one: rows changed, added or deleted on either side all survive the merge', () => {
    const theirRows = edit(base, (p) => {
      p.indicators[0].target = '300';
      p.indicators.push(indicator('i3', '满意度', '95'));
    });
    const myRows = edit(base, (p) => {
      p.indicators.splice(1, 1);
      p.indicators.push(indicator('i4', '走访企业数', '50'));
    });
    const changes = conflictChanges(PROJECT_TARGETS, base, myRows, theirRows);
    expect(changes).toEqual([
      { key: 'indicators:i1', label: '三级指标“培训人次”', theirs: '培训人次：≥300次', mine: '培训人次：≥240次', mineChanged: false },
      { key: 'indicators:i3', label: '三级指标“满意度”', theirs: '满意度：≥95次', mine: '（无）', mineChanged: false },
    ]);
    const merged = mergeConflict(PROJECT_TARGETS, base, myRows, theirRows);
    // their change of i1 and their new i3 (placed where it stands in theirs); my deletion of i2 and my new i4
    expect(merged.indicators.map((i) => `${i.id}:${i.target}`)).toEqual(['i1:300', 'i3:95', 'i4:50']);
    const mineForI1 = mergeConflict(PROJECT_TARGETS, base, myRows, theirRows, new Map([['indicators:i1', 'mine'], ['indicators:i3', 'mine']]));
    expect(mineForI1.indicators.map((i) => `${i.id}:${i.target}`)).toEqual(['i1:240', 'i4:50']);
  });

  test('a row the other window deleted while I edited it is listed, and kept when I keep mine', () => {
    const theirRows = edit(base, (p) => p.indicators.splice(0, 1));
    const myRows = edit(base, (p) => (p.indicators[0].name = '培训企业人次'));
    expect(conflictChanges(PROJECT_TARGETS, base, myRows, theirRows)).toEqual([
      { key: 'indicators:i1', label: '三级指标“培训企业人次”', theirs: '（无）', mine: '培训企业人次：≥240次', mineChanged: true },
    ]);
    expect(mergeConflict(PROJECT_TARGETS, base, myRows, theirRows).indicators.map((i) => i.name)).toEqual(['培训企业人次', '宣讲次数']);
    expect(mergeConflict(PROJECT_TARGETS, base, myRows, theirRows, new Map([['indicators:i1', 'theirs']])).indicators.map((i) => i.name)).toEqual(['宣讲次数']);
  });
});

describe('self-assessment', () => {
  const started = edit(project(), (p) => {
    p.selfAssessment = {
      budgetInitial: { ...p.funding },
      budgetAdjusted: { ...p.funding },
      spent: { ...EMPTY_FUNDING },
      overallResult: '',
      results: [{ indicatorId: 'i1', actual: '200' }],
      problems: '',
      rectification: '',
      status: 'inProgress',
    };
  });
  const shape = assessmentShape(indicatorNames(started));

  test('results by indicator, amounts by column and source, the lock as one field', () => {
    const theirs = edit(started, (p) => {
      p.selfAssessment!.results[0].actual = '260';
      p.selfAssessment!.spent.generalPublic = 11 * WAN;
      p.selfAssessment!.status = 'done';
      p.selfAssessment!.completedAt = '2025-12-30T00:00:00.000Z';
    });
    const mine = edit(started, (p) => (p.selfAssessment!.problems = '培训场地不足'));
    expect(conflictChanges(shape, started, mine, theirs)).toEqual([
      { key: 'spent.generalPublic', label: '全年执行数：一般公共预算', theirs: '11.00 万元', mine: '0.00 万元', mineChanged: false },
      { key: 'results:i1', label: '“培训人次”的完成情况', theirs: '实际完成值 260', mine: '实际完成值 200', mineChanged: false },
      { key: 'status', label: '自评状态', theirs: '已完成', mine: '进行中', mineChanged: false },
    ]);
    const merged = mergeConflict(shape, started, mine, theirs, new Map([['status', 'mine']]));
    expect(merged.selfAssessment).toMatchObject({ problems: '培训场地不足', status: 'inProgress', results: [{ indicatorId: 'i1', actual: '260' }] });
    expect(merged.selfAssessment).not.toHaveProperty('completedAt');
  });

  test('targets changed by the authoring editor are no conflict of the self-assessment', () => {
    const theirs = edit(started, (p) => (p.annualGoal = '新目标'));
    const mine = edit(started, (p) => (p.selfAssessment!.overallResult = '已完成'));
    expect(conflictChanges(shape, started, mine, theirs)).toEqual([]);
    const merged = mergeConflict(shape, started, mine, theirs);
    expect([merged.annualGoal, merged.selfAssessment?.overallResult]).toEqual(['新目标', '已完成']);
  });
});

describe('department plan', () => {
  const plan: DepartmentPlan = {
    id: 'plan',
    unitId: 'u1',
    year: 2025,
    tasks: [
      { id: 't1', name: '履职保障', content: '日常运转', funding: { ...EMPTY_FUNDING, generalPublic: 2 * WAN } },
      { id: 't2', name: '商会建设', content: '', funding: { ...EMPTY_FUNDING, other: WAN } },
    ],
    expenditureBudget: null,
    overallGoal: '保障机关正常运转',
    indicators: [indicator('pi1', '会议次数')],
    updatedAt: '2025-01-15T08:00:00.000Z',
  };

  test('targets: tasks by id with their amounts; the stored year-end figures stay', () => {
    const theirs = edit(plan, (p) => {
      p.tasks[0].content = '日常运转及会议';
      p.tasks[0].spent = { ...EMPTY_FUNDING, generalPublic: WAN };
    });
    const mine = edit(plan, (p) => (p.overallGoal = '服务会员企业'));
    expect(conflictChanges(PLAN_TARGETS, plan, mine, theirs)).toEqual([
      { key: 'tasks:t1', label: '任务“履职保障”', theirs: '履职保障；日常运转及会议；财政拨款 2.00 万元，其他资金 0.00 万元', mine: '履职保障；日常运转；财政拨款 2.00 万元，其他资金 0.00 万元', mineChanged: false },
    ]);
  });

  test('year end: each task’s spending is its own field, set on the stored tasks', () => {
    const shape = planYearEndShape(indicatorNames(plan));
    const theirs = edit(plan, (p) => (p.tasks[0].spent = { ...EMPTY_FUNDING, generalPublic: WAN }));
    const mine = edit(plan, (p) => {
      p.tasks[1].spent = { ...EMPTY_FUNDING, other: WAN / 2 };
      p.overallResult = '基本完成';
    });
    expect(conflictChanges(shape, plan, mine, theirs)).toEqual([
      { key: 'spent:t1', label: '任务“履职保障”的全年执行数', theirs: '财政拨款 1.00 万元，其他资金 0.00 万元', mine: '（空）', mineChanged: false },
    ]);
    const merged = mergeConflict(shape, plan, mine, theirs);
    expect(merged.tasks.map((t) => t.spent)).toEqual([{ ...EMPTY_FUNDING, generalPublic: WAN }, { ...EMPTY_FUNDING, other: WAN / 2 }]);
    expect(merged.overallResult).toBe('基本完成');
  });

  test('with no base (both windows created the plan), every difference is asked, mine kept where I filled it in', () => {
    const theirs = edit(plan, (p) => {
      p.id = 'their-plan';
      p.overallGoal = '对方的目标';
      p.tasks = [];
    });
    const mine = edit(plan, (p) => (p.expenditureBudget = null));
    const changes = conflictChanges(PLAN_TARGETS, null, mine, theirs);
    expect(changes.map((c) => [c.key, c.mineChanged])).toEqual([
      ['overallGoal', true],
      ['tasks:t1', true],
      ['tasks:t2', true],
    ]);
    const merged = mergeConflict(PLAN_TARGETS, null, mine, theirs);
    // stored under the stored plan's id, with my content
    expect([merged.id, merged.overallGoal, merged.tasks.length]).toEqual(['their-plan', '保障机关正常运转', 2]);
  });
});

test('unit settings: the 主管部门 and the scheme by name', () => {
  const unit: Unit = { id: 'u1', name: '区工商联', parentId: null, schemeId: 'A-2015', updatedAt: '' };
  const theirs = edit(unit, (u) => {
    u.parentId = 'tzb';
    u.schemeId = 'B-2021';
  });
  const mine = edit(unit, (u) => (u.shortName = '工商联'));
  const shape = unitShape((id) => (id === 'tzb' ? '区委统战部' : ''));
  const changes = conflictChanges(shape, unit, mine, theirs);
  expect(changes.map((c) => [c.label, c.theirs, c.mine])).toEqual([
    ['主管部门', '区委统战部', '（无，本单位为一级单位）'],
    ['指标体系', expect.stringContaining('2021'), expect.stringContaining('2015')],
  ]);
  expect(mergeConflict(shape, unit, mine, theirs)).toMatchObject({ shortName: '工商联', parentId: 'tzb', schemeId: 'B-2021' });
});

test('plain-data equality ignores properties holding undefined, as storing does', () => {
  expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  expect(sameData([{ a: 1 }], [{ a: 2 }])).toBe(false);
  expect(sameData(Number.NaN, Number.NaN)).toBe(true);
});
