import {
  createExchangeDocument,
  parseExchange,
  PROBLEM_LIST_LIMIT,
  serializeExchange,
  validateExchange,
  type ExchangeDocument,
  type ExchangeRejection,
} from '../../shared/exchange/exchange';
import type { Project, Unit } from '../../shared/model';

const unit: Unit = { id: 'u1', name: '深圳市龙岗区工商业联合会', shortName: '区工商联', parentId: null, schemeId: 'A-2015', updatedAt: '2020-01-15T00:00:00.000Z' };
const project: Project = {
  id: 'p1',
  unitId: 'u1',
  year: 2019,
  name: '办公设备购置',
  governmentInvestment: false,
  key: false,
  funding: { generalPublic: 3_800_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 },
  townSubsidy: 0,
  overview: '',
  basis: '',
  annualGoal: '有效合理配备办公设备',
  periodGoal: '',
  indicators: [
    { id: 'i1', level1: '1', level2: '11', name: '办公设备购置数', direction: '≥', target: '10', unit: '件', targetText: '≥10件', weight: 20, core: true },
  ],
  selfAssessment: {
    budgetInitial: { generalPublic: 3_800_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 },
    budgetAdjusted: { generalPublic: 3_800_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 },
    spent: { generalPublic: 3_790_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 },
    overallResult: '完成',
    results: [{ indicatorId: 'i1', actual: '12' }],
    problems: '无',
    rectification: '无',
    status: 'done',
  },
  updatedAt: '2020-01-15T00:00:00.000Z',
};

function validDoc(): ExchangeDocument {
  return structuredClone(createExchangeDocument({ units: [unit], projects: [project], departmentPlans: [] }, '2020-01-16T00:00:00.000Z'));
}

function problemsOf(text: string) {
  const r = parseExchange(text);
  if (r.ok) throw new Error('expected the document to be rejected');
  return r.problems;
}

describe('exchange format v1', () => {
  test('serialise → parse is lossless', () => {
    const doc = validDoc();
    const r = parseExchange(serializeExchange(doc));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.document).toEqual(doc);
  });

  test('bytes with a UTF-8 BOM parse too', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + serializeExchange(validDoc()));
    expect(parseExchange(bytes).ok).toBe(true);
  });

  test('garbage and truncated JSON are rejected in Chinese', () => {
    expect(problemsOf('%PDF-1.4 garbage')[0].message).toMatch(/不是有效的 JSON 数据包/);
    const text = serializeExchange(validDoc());
    expect(problemsOf(text.slice(0, text.length / 2))[0].message).toMatch(/损坏或被截断/);
    expect(problemsOf('[1,2,3]')[0].message).toMatch(/最外层应为一个 JSON 对象/);
  });

  test('a future format version asks for an upgrade; a wrong one is named', () => {
    const doc = { ...validDoc(), version: 2 };
    const p = problemsOf(JSON.stringify(doc));
    expect(p).toEqual([{ path: '/version', message: '数据包版本为 2，本程序只支持版本 1。请先升级程序再导入。' }]);
    expect(problemsOf(JSON.stringify({ ...validDoc(), version: '1' }))[0].message).toMatch(/版本“1”无效/);
    expect(problemsOf(JSON.stringify({ ...validDoc(), format: 'other' }))[0].path).toBe('/format');
  });

  test('every schema problem is listed with its JSON path', () => {
    const doc = validDoc() as unknown as { projects: Record<string, unknown>[]; units: Record<string, unknown>[] };
    delete doc.projects[0].name;
    (doc.projects[0].funding as Record<string, number>).other = -5;
    doc.units[0].colour = 'red';
    const p = problemsOf(JSON.stringify(doc));
    const paths = p.map((x) => x.path).sort();
    expect(paths).toEqual(['/projects/0/funding/other', '/projects/0/name', '/units/0/colour']);
    expect(p.find((x) => x.path === '/projects/0/funding/other')!.message).toBe('/projects/0/funding/other：应当为 >= 0');
    expect(p.find((x) => x.path === '/projects/0/name')!.message).toMatch(/应当有必需属性 name/);
  });

  test('an indicator may carry the upper end of a range as a decimal string; packages without one still import', () => {
    const doc = validDoc();
    Object.assign(doc.projects[0].indicators[0], { direction: '>', target: '7', targetMax: '8', unit: '次' });
    const r = parseExchange(serializeExchange(doc));
    expect(r.ok && r.document.projects[0].indicators[0]).toMatchObject({ target: '7', targetMax: '8' });
    expect(parseExchange(serializeExchange(validDoc())).ok).toBe(true);

    for (const bad of ['八', '7-8', '']) {
      const wrong = validDoc() as unknown as { projects: { indicators: Record<string, unknown>[] }[] };
      wrong.projects[0].indicators[0].targetMax = bad;
      expect(problemsOf(JSON.stringify(wrong)).map((p) => p.path)).toEqual(['/projects/0/indicators/0/targetMax']);
    }
    const numeric = validDoc() as unknown as { projects: { indicators: Record<string, unknown>[] }[] };
    numeric.projects[0].indicators[0].targetMax = 8;
    expect(problemsOf(JSON.stringify(numeric))[0].path).toBe('/projects/0/indicators/0/targetMax');
  });

  test('money must be whole 分', () => {
    const doc = validDoc();
    doc.projects[0].funding.generalPublic = 3.5;
    expect(problemsOf(JSON.stringify(doc))[0].path).toBe('/projects/0/funding/generalPublic');
  });

  test('duplicate ids, unknown units and dangling indicator references are all reported', () => {
    const doc = validDoc();
    const second: Project = { ...structuredClone(project), name: '党建事务' };
    const { selfAssessment: _none, ...bare } = structuredClone(project);
    const orphan: Project = { ...bare, id: 'p3', name: '孤儿项目', unitId: 'nobody', indicators: [] };
    doc.projects.push(second, orphan);
    doc.projects[0].selfAssessment!.results.push({ indicatorId: 'missing', actual: '1' });
    const p = problemsOf(JSON.stringify(doc));
    expect(p).toEqual(
      expect.arrayContaining([
        { path: '/projects/1/id', message: '编号“p1”重复，已在 /projects/0/id 使用过。' },
        { path: '/projects/1/indicators/0/id', message: '编号“i1”重复，已在 /projects/0/indicators/0/id 使用过。' },
        { path: '/projects/2/unitId', message: '项目“孤儿项目”所属单位“nobody”不在数据包中。' },
        { path: '/projects/0/selfAssessment/results/1/indicatorId', message: '“办公设备购置”的自评结果引用了不存在的指标“missing”。' },
      ]),
    );
    expect(p).toHaveLength(4);
  });

  test('timestamps must be real instants in the form the app writes, years 1900–9999; each is named in Chinese', () => {
    const doc = validDoc();
    const p2: Project = { ...structuredClone(project), id: 'p2', name: '党建事务', indicators: [], selfAssessment: undefined };
    const p3: Project = { ...structuredClone(project), id: 'p3', name: '会员培训', indicators: [], selfAssessment: undefined };
    p3.updatedAt = '+275760-09-13T00:00:00.000Z';
    doc.projects.push(p2, p3);
    expect(problemsOf(serializeExchange(doc))).toEqual([
      {
        path: '/projects/2/updatedAt',
        message: '第 3 个项目的 updatedAt“+275760-09-13T00:00:00.000Z”不是有效的时间：应为 1900 至 9999 年间确实存在的日期和时刻，写作 2025-01-31T08:00:00.000Z 的形式（协调世界时）。',
      },
    ]);

    const everywhere = validDoc();
    everywhere.exportedAt = '2025-02-30T00:00:00.000Z';
    everywhere.units[0].updatedAt = '2025-02-30T00:00:00.000Z';
    everywhere.projects[0].selfAssessment!.completedAt = '2025-13-01T00:00:00.000Z';
    everywhere.projects[0].selfAssessment!.reopenedAt = ['2025-01-01T00:00:00.000Z', '2025-01-01T24:00:00.000Z'];
    everywhere.departmentPlans.push({
      id: 'd1', unitId: 'u1', year: 2019, tasks: [], expenditureBudget: null, overallGoal: '', indicators: [], updatedAt: '2025-01-01T08:00:00+08:00',
    });
    const problems = problemsOf(serializeExchange(everywhere));
    expect(problems.map((p) => p.path)).toEqual([
      '/exportedAt',
      '/units/0/updatedAt',
      '/projects/0/selfAssessment/completedAt',
      '/projects/0/selfAssessment/reopenedAt/1',
      '/departmentPlans/0/updatedAt',
    ]);
    expect(problems.map((p) => p.message.split('“')[0])).toEqual([
      '数据包的 exportedAt',
      '第 1 个单位的 updatedAt',
      '第 1 个项目的 selfAssessment.completedAt',
      '第 1 个项目的 selfAssessment.reopenedAt 第 2 项',
      '第 1 份部门整体支出绩效目标的 updatedAt',
    ]);

    const refused = [
      '+275760-09-13T00:00:00.000Z',
      '2025-02-30T00:00:00.000Z',
      '2023-02-29T00:00:00.000Z',
      '1899-12-31T23:59:59.999Z',
      '2025-01-31 08:00:00',
      '2025-01-31T08:00:00.0000Z',
      '2025-01-31T08:00:60Z',
      '２０２５-01-31T08:00:00Z',
      '2025-01-31T08:00:00.000Z\n',
    ];
    for (const t of refused) {
      const bad = validDoc();
      bad.projects[0].updatedAt = t;
      expect([t, problemsOf(serializeExchange(bad)).map((p) => p.path)]).toEqual([t, ['/projects/0/updatedAt']]);
    }
    for (const t of ['2024-02-29T00:00:00Z', '1900-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2000-02-29T23:59:59.000Z']) {
      const good = validDoc();
      good.projects[0].updatedAt = t;
      expect([t, parseExchange(serializeExchange(good)).ok]).toEqual([t, true]);
    }
  });

  test('a huge timestamp is shortened in its message', () => {
    const doc = validDoc();
    doc.units[0].updatedAt = '2'.repeat(100_000);
    const [problem] = problemsOf(serializeExchange(doc));
    expect(problem.message).toBe(
      `第 1 个单位的 updatedAt“${'2'.repeat(40)}…”不是有效的时间：应为 1900 至 9999 年间确实存在的日期和时刻，写作 2025-01-31T08:00:00.000Z 的形式（协调世界时）。`,
    );
  });

  test('a 20 MB file of garbage is rejected quickly with one message', () => {
    const junk = 'x'.repeat(20 * 1024 * 1024);
    const p = problemsOf(junk);
    expect(p).toHaveLength(1);
    expect(p[0].message).toMatch(/不是有效的 JSON/);
  });

  test('messages name JSON types and broken files in Chinese, never in the parser’s English', () => {
    expect(problemsOf('{"format": "perf-target-desk/exchange", "version": 1,')[0].message).toBe(
      '文件不是有效的 JSON 数据包，可能已损坏或被截断（第 54 个字符附近）。',
    );
    const noVersion = JSON.parse(serializeExchange(validDoc()));
    delete noVersion.version;
    expect(problemsOf(JSON.stringify(noVersion))[0].message).toBe('数据包版本“缺失”无效，本程序只支持版本 1。');
    noVersion.version = { v: 1 };
    expect(problemsOf(JSON.stringify(noVersion))[0].message).toBe('数据包版本“非文本值”无效，本程序只支持版本 1。');
    const doc = JSON.parse(serializeExchange(validDoc()));
    doc.units[0].name = 5;
    doc.projects[0].year = '2025';
    const messages = problemsOf(JSON.stringify(doc)).map((x) => x.message);
    expect(messages).toEqual(['/units/0/name：应当是文本', '/projects/0/year：应当是整数']);
  });
});

describe('a package with tens of thousands of problems', () => {
  const PROBLEMS = 37_000;

  /** `count` projects of `indicators` indicators each; every indicator's `core` is a string, one problem each. */
  function badPackage(count: number, indicators: number): ExchangeDocument {
    const doc = validDoc();
    const { selfAssessment: _none, ...bare } = structuredClone(project);
    doc.projects = Array.from({ length: count }, (_, i) => ({
      ...bare,
      id: `p${i}`,
      name: `项目${i}`,
      indicators: Array.from({ length: indicators }, (_, j) => ({ ...bare.indicators[0], id: `p${i}-i${j}`, core: 'yes' as unknown as boolean })),
    }));
    return doc;
  }

  /** Validates and counts the array elements Array.prototype.concat produced meanwhile: the validator's copying. */
  function validateCountingCopies(data: unknown): { result: ReturnType<typeof validateExchange>; copied: number } {
    const concat = Array.prototype.concat;
    let copied = 0;
    Array.prototype.concat = function (this: unknown[], ...items: unknown[]) {
      const joined = concat.apply(this, items);
      copied += joined.length;
      return joined;
    } as typeof concat;
    try {
      return { result: validateExchange(data), copied };
    } finally {
      Array.prototype.concat = concat;
    }
  }

  function rejected(r: ReturnType<typeof validateExchange>): ExchangeRejection {
    if (r.ok) throw new Error('expected the document to be rejected');
    return r;
  }

  test('37,000 projects with one problem each: every problem counted, the first 200 listed in Chinese with their paths, no copying', () => {
    const { result, copied } = validateCountingCopies(badPackage(PROBLEMS, 1));
    const r = rejected(result);
    expect(r.problemCount).toBe(PROBLEMS);
    expect(r.problems).toHaveLength(PROBLEM_LIST_LIMIT);
    expect(PROBLEM_LIST_LIMIT).toBe(200);
    expect(r.problems[0]).toEqual({ path: '/projects/0/indicators/0/core', message: '/projects/0/indicators/0/core：应当是布尔值（是/否）' });
    expect(r.problems[199]).toEqual({ path: '/projects/199/indicators/0/core', message: '/projects/199/indicators/0/core：应当是布尔值（是/否）' });
    // each problem's error is pushed once: the old validator appended every project's errors to a copy of all before
    expect(copied).toBeLessThanOrEqual(PROBLEMS);
    expect(r.groups).toHaveLength(200);
    expect(r.groups[1]).toEqual({ path: '/projects/1', label: '第 2 个项目“项目1”', problems: [r.problems[1]] });
  });

  test('one project with 37,000 problems: the same within a record', () => {
    const { result, copied } = validateCountingCopies(badPackage(1, PROBLEMS));
    const r = rejected(result);
    expect(r.problemCount).toBe(PROBLEMS);
    expect(r.problems.map((p) => p.path)).toEqual(Array.from({ length: 200 }, (_, j) => `/projects/0/indicators/${j}/core`));
    expect(copied).toBeLessThanOrEqual(PROBLEMS);
    expect(r.groups).toEqual([{ path: '/projects/0', label: '第 1 个项目“项目0”', problems: r.problems }]);
  });

  test('problems are grouped by record, the package itself first; units, projects and plans by number and name', () => {
    const doc = validDoc() as unknown as Record<string, unknown> & { units: Record<string, unknown>[]; projects: Record<string, unknown>[] };
    doc.extra = 1;
    doc.units[0].schemeId = '';
    doc.projects.push({ ...structuredClone(project), id: 'p2', name: 'x'.repeat(50), key: 'no', townSubsidy: -1 });
    doc.departmentPlans = [{ id: 'd1', unitId: 'u1', year: 2019, tasks: [], expenditureBudget: 'lots', overallGoal: '', indicators: [], updatedAt: '2020-01-15T00:00:00.000Z' }];
    const r = rejected(validateExchange(doc));
    expect(r.problemCount).toBe(r.problems.length);
    expect(r.groups.map((g) => [g.label, g.problems.map((p) => p.path)])).toEqual([
      ['数据包本身', ['/extra']],
      ['第 1 个单位“深圳市龙岗区工商业联合会”', ['/units/0/schemeId']],
      [`第 2 个项目“${'x'.repeat(40)}…”`, ['/projects/1/key', '/projects/1/townSubsidy']],
      // anyOf: both branches fail, and then the anyOf itself
      ['第 1 份部门整体支出绩效目标（2019 年度）', ['/departmentPlans/0/expenditureBudget', '/departmentPlans/0/expenditureBudget', '/departmentPlans/0/expenditureBudget']],
    ]);
  });

  test('the id and reference checks are capped the same way', () => {
    const doc = validDoc();
    doc.projects = Array.from({ length: 301 }, (_, i) => ({ ...structuredClone(project), name: `项目${i}`, indicators: [], selfAssessment: undefined }));
    const r = rejected(parseExchange(serializeExchange(doc)));
    expect(r.problemCount).toBe(300);
    expect(r.problems).toHaveLength(200);
    expect(r.problems[0]).toEqual({ path: '/projects/1/id', message: '编号“p1”重复，已在 /projects/0/id 使用过。' });
    expect(r.groups[0].label).toBe('第 2 个项目“项目1”');
  });

  test('a single problem of the file itself is counted once, in one group of the package', () => {
    const r = rejected(parseExchange('{"format":'));
    expect(r.problemCount).toBe(1);
    expect(r.groups).toEqual([{ path: '', label: '数据包本身', problems: r.problems }]);
  });
});
