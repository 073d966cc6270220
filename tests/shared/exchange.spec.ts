import { createExchangeDocument, parseExchange, serializeExchange, type ExchangeDocument } from '../../shared/exchange/exchange';
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

  test('a 20 MB file of garbage is rejected quickly with one message', () => {
    const junk = 'x'.repeat(20 * 1024 * 1024);
    const p = problemsOf(junk);
    expect(p).toHaveLength(1);
    expect(p[0].message).toMatch(/不是有效的 JSON/);
  });
});
