// The sector indicator library (issue #17): every shared/library/*.json against sector.schema.json and the rules of
// the format that a schema cannot say (codes valid in the schemes, names unique, 定量 targets numeric, coverage,
// counts), the loader shared/library/index.ts, and a rule set's required 二级 (validation, exchange format).
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { level2In, placedIndicators, SECTOR_FILES, sectorFile, sectorGuidance, sectorsNamedIn, sectorSummaries, type SectorFile } from '../../shared/library';
import { findLevel2, SCHEME_A, SCHEME_B, type IndicatorScheme } from '../../shared/schemes';
import { parseExchange } from '../../shared/exchange/exchange';
import { EMPTY_FUNDING, type DepartmentPlan, type Indicator, type Project } from '../../shared/model';
import { checkParameters, CN_2020, deriveRuleSet, requiredLevel2Of, ruleSetDifferences } from '../../shared/rule-sets';
import { validateDepartmentPlan, validateProject, type Problem } from '../../shared/validation';
import { BEGIN, END, libraryCountsMarkdown, withCounts } from '../../scripts/library-counts';

const DIR = join(__dirname, '..', '..', 'shared', 'library');
const SCHEMA_FILE = 'sector.schema.json';
const fileNames = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE).sort();
const files: [string, SectorFile][] = fileNames.map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as SectorFile]);
/** The 工商联 sector is the 137 indicators of the reference documents as they were published: it is kept whole, not held to the content rules. */
const REFERENCE_SECTOR = 'federation';
const content = files.filter(([, f]) => f.sector !== REFERENCE_SECTOR);

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;
const codesOf = (scheme: IndicatorScheme) => scheme.level1.flatMap((l1) => l1.level2.map((l2) => l2.code));
const costCodesB = SCHEME_B.level1.filter((l1) => l1.role === 'cost').flatMap((l1) => l1.level2.map((l2) => l2.code));
const costCodeA = SCHEME_A.level1.find((l1) => l1.role === 'output')!.level2.find((l2) => !findLevel2(SCHEME_B, l2.code))!.code;

describe('sector files', () => {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(join(DIR, SCHEMA_FILE), 'utf8')));

  test('the folder holds the files the loader lists, and each file is named after its sector', () => {
    expect(fileNames.length).toBeGreaterThan(0);
    expect(files.map(([name, f]) => `${f.sector}.json` === name && name)).toEqual(fileNames);
    expect(SECTOR_FILES.map((f) => `${f.sector}.json`).sort()).toEqual(fileNames);
  });

  test.each(fileNames)('%s matches sector.schema.json', (name) => {
    const data = files.find(([n]) => n === name)![1];
    const ok = validate(data);
    expect(ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });

  test.each(fileNames)('%s: names unique, codes valid in schemes A and B, 定量 targets numeric, 定性 without a unit', (name) => {
    const file = files.find(([n]) => n === name)![1];
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const ind of file.indicators) {
      if (seen.has(ind.name)) problems.push(`duplicate name ${ind.name}`);
      seen.add(ind.name);
      if (!findLevel2(SCHEME_A, ind.a)) problems.push(`${ind.name}: a ${ind.a} is not a 二级 of scheme A`);
      if (!findLevel2(SCHEME_B, ind.b)) problems.push(`${ind.name}: b ${ind.b} is not a 二级 of scheme B`);
      // a cost is 成本指标 under 产出 in A and one of the 成本 一级's 二级 in B; everything else has the same code in both
      const costInA = ind.a === costCodeA;
      const costInB = costCodesB.includes(ind.b);
      if (costInA !== costInB || (!costInA && ind.a !== ind.b)) problems.push(`${ind.name}: a ${ind.a} and b ${ind.b} do not correspond`);
      if (ind.direction === '定性') {
        if (ind.unit !== '') problems.push(`${ind.name}: 定性 with unit ${ind.unit}`);
      } else {
        if (!PLAIN_NUMBER.test(ind.target)) problems.push(`${ind.name}: 定量 target ${ind.target} is not a number`);
        if (ind.unit.trim() === '') problems.push(`${ind.name}: 定量 without a unit`);
        if (ind.targetMax !== undefined && Number(ind.targetMax) < Number(ind.target)) problems.push(`${ind.name}: range ends below its start`);
      }
      if (Array.from(ind.explanation ?? '').length > 60) problems.push(`${ind.name}: explanation over 60 characters`);
      if (file.sector !== REFERENCE_SECTOR && !ind.explanation) problems.push(`${ind.name}: no explanation`);
    }
    expect(problems).toEqual([]);
  });

  test.each(fileNames)('%s: guidance for every 二级 of both schemes, 5–20 keywords', (name) => {
    const file = files.find(([n]) => n === name)![1];
    const codes = [...new Set([...codesOf(SCHEME_A), ...codesOf(SCHEME_B)])].sort();
    expect(Object.keys(file.guidance).sort()).toEqual(codes);
    expect(file.keywords.length).toBeGreaterThanOrEqual(5);
    expect(file.keywords.length).toBeLessThanOrEqual(20);
  });

  test.each(content.map(([n]) => n))('%s: at least 85 indicators, every 二级 of scheme A covered, 15–45%% of them core', (name) => {
    const file = files.find(([n]) => n === name)![1];
    expect(file.indicators.length).toBeGreaterThanOrEqual(85);
    const uncovered = codesOf(SCHEME_A).filter((code) => !file.indicators.some((i) => i.a === code));
    expect(uncovered).toEqual([]);
    const core = file.indicators.filter((i) => i.core).length / file.indicators.length;
    expect(core).toBeGreaterThanOrEqual(0.15);
    expect(core).toBeLessThanOrEqual(0.45);
  });

  test('the 工商联 sector keeps all 137 indicators of the reference documents', () => {
    const federation = sectorFile(REFERENCE_SECTOR)!;
    expect(federation.indicators).toHaveLength(137);
    expect(new Set(federation.indicators.map((i) => i.source))).toEqual(new Set(['花都区工商联', '龙岗区工商联2019', '龙岗区工商联2023', '渝北区工商联2024']));
    const training = federation.indicators.find((i) => i.name === '宣讲、培训次数')!;
    expect([training.direction, training.target, training.targetText, training.unit]).toEqual(['>', '7', '大于7-8次', '次']);
  });

  test('the whole library: at least 1,200 indicators across at least 15 sectors', () => {
    const counts = sectorSummaries().map((s) => s.count);
    expect(counts.length).toBeGreaterThanOrEqual(15);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1200);
  });

  test('README\'s 指标库 table is the one scripts/library-counts.ts makes from the files', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const table = libraryCountsMarkdown();
    expect(table.split('\n')).toHaveLength(SECTOR_FILES.length + 3);
    expect(table).toContain(`| 工商联 | \`federation\` | 137 |`);
    expect(withCounts(readme, table)).toBe(readme);
    expect(readme).toContain(`${BEGIN}\n${table}\n${END}`);
  });
});

describe('loader', () => {
  const file: SectorFile = {
    sector: 'demo',
    label: '示例',
    version: 1,
    keywords: ['学校', '校园'],
    guidance: { '14': '生均成本', '41': '生均经济成本' },
    indicators: [
      { name: '新建校舍面积', a: '11', b: '11', direction: '≥', target: '5000', unit: '平方米', explanation: '竣工面积', core: true, source: 'x' },
      { name: '生均公用经费', a: '14', b: '41', direction: '≤', target: '800', unit: '元/人', explanation: '经费 ÷ 人数', core: false, source: 'x' },
    ],
  };

  test('an indicator sits under its scheme-A code in scheme A and its scheme-B code in scheme B, with the 一级 of that scheme', () => {
    const a = placedIndicators(SCHEME_A, [file]).map((i) => [i.name, i.level1, i.level2, i.sectorLabel]);
    const b = placedIndicators(SCHEME_B, [file]).map((i) => [i.name, i.level1, i.level2]);
    expect(a).toEqual([
      ['新建校舍面积', '1', '11', '示例'],
      ['生均公用经费', '1', '14', '示例'],
    ]);
    expect(b).toEqual([
      ['新建校舍面积', '1', '11'],
      ['生均公用经费', '4', '41'],
    ]);
  });

  test('a scheme of neither column takes the first code it has, and leaves out what it cannot place', () => {
    const only14: IndicatorScheme = { ...SCHEME_A, id: 'later', level1: [{ ...SCHEME_A.level1[0], level2: SCHEME_A.level1[0].level2.filter((l) => l.code === '14') }] };
    expect(level2In(file.indicators[1], only14)).toBe('14');
    expect(level2In(file.indicators[0], only14)).toBeUndefined();
    expect(placedIndicators(only14, [file]).map((i) => i.name)).toEqual(['生均公用经费']);
  });

  test('guidance is read by the code of the unit\'s scheme; sectors are found by their keywords in a name', () => {
    expect(sectorGuidance(file, '14')).toBe('生均成本');
    expect(sectorGuidance(file, '41')).toBe('生均经济成本');
    expect(sectorGuidance(file, '22')).toBeUndefined();
    expect(sectorGuidance(undefined, '14')).toBeUndefined();
    expect(sectorsNamedIn('校园安全设施改造', [file])).toEqual(['demo']);
    expect(sectorsNamedIn('道路 养护', [file])).toEqual([]);
    expect(sectorsNamedIn('区工商联会员企业培训')).toContain(REFERENCE_SECTOR);
  });

  test('every indicator of every sector is placed in both built-in schemes', () => {
    const total = SECTOR_FILES.reduce((n, f) => n + f.indicators.length, 0);
    expect(placedIndicators(SCHEME_A)).toHaveLength(total);
    expect(placedIndicators(SCHEME_B)).toHaveLength(total);
  });
});

describe('required 二级 (a rule set\'s requiredLevel2)', () => {
  const indicator = (id: string, level2: string, name: string): Indicator => ({
    id, level1: level2[0], level2, name, direction: '≥', target: '1', unit: '次', weight: null, core: false,
  });
  const project = (indicators: Indicator[]): Project => ({
    id: 'p', unitId: 'u', year: 2025, name: '校园安全设施改造', governmentInvestment: false, key: false, funding: { ...EMPTY_FUNDING },
    townSubsidy: 0, overview: '', basis: '', annualGoal: '完成改造', periodGoal: '', indicators, updatedAt: '2025-01-01T00:00:00.000Z',
  });
  const rows = [indicator('a', '11', '改造学校数'), indicator('b', '22', '校园安全事故发生率'), indicator('c', '31', '师生满意度')];
  const derived = deriveRuleSet(CN_2020, '某区规则', { requiredLevel2: ['11', '12', '14'] });
  const required = derived.ok ? derived.ruleSet : CN_2020;
  const missing = (problems: Problem[]) => problems.filter((p) => p.code === 'requiredLevel2Missing').map((p) => [p.severity, p.level2, p.message]);

  test('CN-2020 requires none; a derived set names its codes, checked and described', () => {
    expect(requiredLevel2Of(CN_2020)).toEqual([]);
    expect(derived.ok).toBe(true);
    expect(requiredLevel2Of(required)).toEqual(['11', '12', '14']);
    expect(ruleSetDifferences(required)).toContain('每个项目必设二级指标：数量指标、质量指标、成本指标');
    expect(checkParameters({ ...CN_2020.parameters, requiredLevel2: ['11', '11'] })).toEqual(['必设的二级指标须为两位数字代码，且不重复']);
    expect(checkParameters({ ...CN_2020.parameters, requiredLevel2: ['数量'] })).toEqual(['必设的二级指标须为两位数字代码，且不重复']);
  });

  test('each required 二级 without a row is an error naming it; the option overrides the rule set', () => {
    expect(missing(validateProject(project(rows), SCHEME_A))).toEqual([]);
    expect(missing(validateProject(project(rows), SCHEME_A, { ruleSet: required }))).toEqual([
      ['error', '12', '本地区评分规则要求每个项目都设“质量指标”，当前尚无'],
      ['error', '14', '本地区评分规则要求每个项目都设“成本指标”，当前尚无'],
    ]);
    expect(missing(validateProject(project(rows), SCHEME_A, { ruleSet: required, requiredLevel2: ['13'] })).map((m) => m[1])).toEqual(['13']);
    const complete = [...rows, indicator('d', '12', '验收合格率'), indicator('e', '14', '单位造价')];
    expect(missing(validateProject(project(complete), SCHEME_A, { ruleSet: required }))).toEqual([]);
  });

  test('a department plan is not held to the rule set\'s list (it is for projects), only to one passed to it', () => {
    const plan: DepartmentPlan = { id: 'd', unitId: 'u', year: 2025, tasks: [], expenditureBudget: null, overallGoal: '履职', indicators: rows, updatedAt: '2025-01-01T00:00:00.000Z' };
    expect(missing(validateDepartmentPlan(plan, SCHEME_A, { ruleSet: required }))).toEqual([]);
    expect(missing(validateDepartmentPlan(plan, SCHEME_A, { ruleSet: required, requiredLevel2: ['12'] })).map((m) => m[1])).toEqual(['12']);
  });

  test('a code the unit\'s scheme does not have is not asked for (14 is not a 二级 of scheme B)', () => {
    expect(missing(validateProject(project(rows), SCHEME_B, { ruleSet: required })).map((m) => m[1])).toEqual(['12']);
  });

  test('the exchange format carries a unit\'s sector and a set\'s requiredLevel2', () => {
    const doc = {
      format: 'perf-target-desk/exchange', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', projects: [], departmentPlans: [],
      units: [{ id: 'u', name: '某中学', parentId: null, schemeId: SCHEME_A.id, sector: 'education', updatedAt: '2025-01-01T00:00:00.000Z', ruleSets: [{ year: 2025, ruleSetId: required.id, ruleSet: required }] }],
    };
    expect(parseExchange(JSON.stringify(doc)).ok).toBe(true);
    const bad = { ...doc, units: [{ ...doc.units[0], sector: '', ruleSets: [{ year: 2025, ruleSetId: required.id, ruleSet: { ...required, parameters: { ...required.parameters, requiredLevel2: ['x'] } } }] }] };
    const r = parseExchange(JSON.stringify(bad));
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['/units/0/ruleSets/0/ruleSet/parameters/requiredLevel2/0', '/units/0/sector']);
  });
});
