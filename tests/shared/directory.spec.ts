// The unit directory a supervisor hands down (下发单位名录) and recognising units by code and name, on the way down
// (planDirectoryImport) and up (matchUnitsToDirectory, consolidation's planImport).
import { planImport, type DataSet } from '../../shared/consolidation';
import {
  buildDirectoryPackage,
  matchUnitsToDirectory,
  normalizeCode,
  planDirectoryImport,
  type UnitDecision,
} from '../../shared/directory';
import { createExchangeDocument, parseExchange, serializeExchange, type ExchangeDocument } from '../../shared/exchange/exchange';
import type { LibraryRecord, Project, RuleSet, Unit } from '../../shared/model';
import { CN_2020, copyRuleSet } from '../../shared/rule-sets';
import { loadFixture } from '../fixtures/fixture-files';

const AT = '2025-01-05T00:00:00.000Z';
const NOW = '2025-01-20T00:00:00.000Z';
const EARLY = '2024-12-01T00:00:00.000Z';

const REGION: RuleSet = { ...copyRuleSet(CN_2020), id: 'JN-2025', name: '江南市评分规则', version: 1, basedOn: CN_2020.id };
const FINANCE: Unit = { id: 'jn-finance', name: '江南市北城区财政局', code: '11440300MB2C0000F1', parentId: null, schemeId: 'A-2015', updatedAt: EARLY };
/** the supervisor, its two units, and a unit below one of them; the supervisor sits under the finance bureau */
function supervisorData(): DataSet & { library: LibraryRecord[] } {
  const review = loadFixture('review-2025');
  const units = review.units.map((u) => (u.parentId === null ? { ...u, parentId: FINANCE.id } : u));
  const centre = units.find((u) => u.id === 'rv-centre')!;
  units[units.indexOf(centre)] = { ...centre, schemeId: 'B-2021', sector: 'science', ruleSets: [{ year: 2025, ruleSetId: REGION.id, ruleSet: REGION }] };
  units.push({ id: 'rv-lab', name: '江南市北城区科创中心实验室', parentId: 'rv-centre', schemeId: 'A-2015', updatedAt: EARLY });
  return {
    units: [FINANCE, ...units],
    projects: review.projects,
    departmentPlans: [],
    library: [{ schemeId: 'A-2015', level2: '11', name: '培训人次', direction: '≥', target: '100', unit: '人次' }],
  };
}

function directoryFor(unitIds?: string[]): ExchangeDocument {
  const built = buildDirectoryPackage(supervisorData(), 'rv-sup', unitIds, AT, '江南市北城区科学技术局');
  if (!built.ok) throw new Error(built.errors.join());
  // as the unit reads it: through the file and the validator
  const parsed = parseExchange(serializeExchange(built.document));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.document;
}

const names = (units: readonly Unit[]) => units.map((u) => u.name);

describe('buildDirectoryPackage', () => {
  test('a package for one unit holds the supervisor, its ancestors and that unit, no projects, the library and the marker', () => {
    const doc = directoryFor(['rv-centre']);
    expect(names(doc.units)).toEqual(['江南市北城区财政局', '江南市北城区科学技术局', '江南市北城区科技创新服务中心']);
    expect(doc.projects).toEqual([]);
    expect(doc.departmentPlans).toEqual([]);
    expect(doc.directory).toEqual({ purpose: 'directory', issuedBy: 'rv-sup', issuedAt: AT, unitIds: ['rv-centre'] });
    expect(doc.library).toEqual([{ schemeId: 'A-2015', level2: '11', name: '培训人次', direction: '≥', target: '100', unit: '人次' }]);
    const centre = doc.units[2];
    expect([centre.code, centre.schemeId, centre.sector, centre.ruleSets?.[0].ruleSetId, centre.ruleSets?.[0].ruleSet?.name]).toEqual([
      '12440300MB2C00012K', 'B-2021', 'science', 'JN-2025', '江南市评分规则',
    ]);
  });

  test('a unit further down brings the units between it and the supervisor; without a choice every unit below comes', () => {
    expect(names(directoryFor(['rv-lab']).units)).toEqual(['江南市北城区财政局', '江南市北城区科学技术局', '江南市北城区科技创新服务中心', '江南市北城区科创中心实验室']);
    const all = directoryFor();
    expect(all.directory?.unitIds).toEqual(['rv-centre', 'rv-lab', 'rv-institute']);
    expect(all.units).toHaveLength(5);
  });

  test('refuses a supervisor or a unit it does not know, a unit not below it, and a supervisor with no units', () => {
    const data = supervisorData();
    const errors = (supervisor: string, ids?: string[]) => {
      const r = buildDirectoryPackage(data, supervisor, ids, AT);
      return r.ok ? [] : r.errors;
    };
    expect(errors('nobody')).toEqual(['找不到主管部门“nobody”。']);
    expect(errors('rv-centre', ['rv-institute', 'ghost'])).toEqual([
      '单位“江南市北城区科学技术情报研究所”不在“江南市北城区科技创新服务中心”之下，不能列入它的单位名录。',
      '找不到单位“ghost”。',
    ]);
    expect(errors('rv-lab')).toEqual(['“江南市北城区科创中心实验室”之下还没有单位，无法生成单位名录。']);
  });

  test('the validator refuses a marker naming a unit the package does not hold', () => {
    const doc = directoryFor(['rv-centre']);
    const broken = { ...doc, directory: { ...doc.directory!, unitIds: ['rv-centre', 'ghost'] } };
    const r = parseExchange(serializeExchange(broken));
    expect(r.ok ? [] : r.problems.map((p) => `${p.path} ${p.message}`)).toEqual(['/directory/unitIds/1 下发对象单位“ghost”不在数据包的单位中。']);
  });
});

describe('planDirectoryImport: a unit is set up from the package', () => {
  test('on a new installation: its unit under the supervisor, the supervisor under its own parent, scheme, rule set and sector as handed down', () => {
    const plan = planDirectoryImport({ units: [] }, directoryFor(['rv-centre']), { now: NOW });
    expect(plan.problems).toEqual([]);
    expect(plan.confirmations).toEqual([]);
    expect(plan.issuedBy?.name).toBe('江南市北城区科学技术局');
    expect(plan.steps.map((s) => [s.directory.name, s.action, s.issued])).toEqual([
      ['江南市北城区财政局', 'add', false],
      ['江南市北城区科学技术局', 'add', false],
      ['江南市北城区科技创新服务中心', 'add', true],
    ]);
    expect(plan.records.map((u) => [u.id, u.parentId, u.updatedAt])).toEqual([
      ['jn-finance', null, NOW],
      ['rv-sup', 'jn-finance', NOW],
      ['rv-centre', 'rv-sup', NOW],
    ]);
    const own = plan.records[2];
    expect([own.code, own.schemeId, own.sector, own.ruleSets]).toEqual(['12440300MB2C00012K', 'B-2021', 'science', [{ year: 2025, ruleSetId: 'JN-2025', ruleSet: REGION }]]);
    expect(plan.library.map((l) => l.name)).toEqual(['培训人次']);
  });

  test('a unit set up by hand is recognised by its code: it keeps its id (and its projects), takes the directory\'s name, parent, scheme and rules', () => {
    const mine: Unit = {
      id: 'local-1',
      name: '科创中心',
      code: ' 12440300mb2c00012k ',
      parentId: null,
      schemeId: 'A-2015',
      ruleSets: [{ year: 2023, ruleSetId: 'CN-2020' }, { year: 2026, ruleSetId: 'CN-2020' }],
      updatedAt: EARLY,
    };
    const project = { ...loadFixture('review-2025').projects[0], unitId: 'local-1' };
    const plan = planDirectoryImport({ units: [mine], projects: [project] }, directoryFor(['rv-centre']), { now: NOW });
    expect(plan.problems).toEqual([]);
    const step = plan.steps[2];
    expect([step.action, step.by, step.local?.id]).toEqual(['update', 'code', 'local-1']);
    expect(step.record).toEqual({
      id: 'local-1',
      name: '江南市北城区科技创新服务中心',
      shortName: '科创中心',
      code: '12440300MB2C00012K',
      parentId: 'rv-sup',
      schemeId: 'B-2021',
      // the local entry before the directory's first year stays; the directory governs from 2025 on
      ruleSets: [{ year: 2023, ruleSetId: 'CN-2020' }, { year: 2025, ruleSetId: 'JN-2025', ruleSet: REGION }],
      sector: 'science',
      updatedAt: NOW,
    });
    expect(step.changes).toEqual([
      '名称“科创中心”改为“江南市北城区科技创新服务中心”',
      '简称改为“科创中心”',
      '编码设为 12440300MB2C00012K',
      '主管部门设为“江南市北城区科学技术局”',
      '指标体系设为“方案B（财预〔2021〕101号）”',
      '评分规则按名录设置',
      '行业设为“science”',
    ]);
    expect(plan.warnings).toEqual(['“科创中心”的指标体系将由“方案A（财预〔2015〕88号）”改为“方案B（财预〔2021〕101号）”，本机已有的 1 份项目或部门整体支出可能需要按新体系调整指标分类。']);
    expect(plan.records.map((u) => u.id)).toEqual(['jn-finance', 'rv-sup', 'local-1']);
  });

  test('a name alone is not enough: the match waits for a confirmation, then updates or adds as decided', () => {
    const mine: Unit = { id: 'local-2', name: '江南市北城区科技创新服务中心', parentId: null, schemeId: 'B-2021', updatedAt: EARLY };
    const doc = directoryFor(['rv-centre']);
    const pending = planDirectoryImport({ units: [mine] }, doc, { now: NOW });
    expect(pending.confirmations.map((c) => [c.incoming.id, c.local?.id, c.by, c.needsConfirmation])).toEqual([['rv-centre', 'local-2', 'name', true]]);
    expect(pending.records).toEqual([]);

    const same = planDirectoryImport({ units: [mine] }, doc, { now: NOW, decisions: new Map<string, UnitDecision>([['rv-centre', { kind: 'same', localId: 'local-2' }]]) });
    expect(same.confirmations).toEqual([]);
    expect(same.records.map((u) => [u.id, u.parentId, u.code])).toEqual([['jn-finance', null, '11440300MB2C0000F1'], ['rv-sup', 'jn-finance', '11440300MB2C00001X'], ['local-2', 'rv-sup', '12440300MB2C00012K']]);
    expect(same.steps[2].by).toBe('decided');

    const other = planDirectoryImport({ units: [mine] }, doc, { now: NOW, decisions: new Map<string, UnitDecision>([['rv-centre', { kind: 'new' }]]) });
    expect(other.records.map((u) => u.id)).toEqual(['jn-finance', 'rv-sup', 'rv-centre']);
  });

  test('the same name under contradicting codes is two units; a code two local units share needs a confirmation too', () => {
    const twin: Unit = { id: 'x', name: '江南市北城区科技创新服务中心', code: '99999', parentId: null, schemeId: 'A-2015', updatedAt: EARLY };
    expect(planDirectoryImport({ units: [twin] }, directoryFor(['rv-centre'])).confirmations).toEqual([]);
    const a: Unit = { id: 'a', name: '甲', code: normalizeCode('12440300MB2C00012K'), parentId: null, schemeId: 'A-2015', updatedAt: EARLY };
    const plan = planDirectoryImport({ units: [a, { ...a, id: 'b', name: '乙' }] }, directoryFor(['rv-centre']));
    expect(plan.confirmations.map((c) => [c.by, c.candidates.map((u) => u.id)])).toEqual([['code', ['a', 'b']]]);
  });

  test('nothing is written when the directory would put a unit above itself', () => {
    // the package's top unit names a parent it does not carry, so the local parent stays, and locally that parent
    // is below the unit the directory puts under the supervisor
    const local: Unit[] = [
      { id: 'rv-sup', name: '江南市北城区科学技术局', parentId: 'local-x', schemeId: 'A-2015', updatedAt: EARLY },
      { id: 'local-x', name: '本机录入的上级', parentId: 'rv-centre', schemeId: 'A-2015', updatedAt: EARLY },
      { id: 'rv-centre', name: '江南市北城区科技创新服务中心', parentId: null, schemeId: 'A-2015', updatedAt: EARLY },
    ];
    const doc = directoryFor(['rv-centre']);
    const cut = { ...doc, units: doc.units.slice(1).map((u) => (u.id === 'rv-sup' ? { ...u, parentId: 'elsewhere' } : u)) };
    const plan = planDirectoryImport({ units: local }, cut, { now: NOW });
    expect(plan.problems).toEqual([
      '按名录设置后，“江南市北城区科学技术局”会成为自己的上级单位，请先在本机调整单位的上下级关系。',
      '按名录设置后，“江南市北城区科技创新服务中心”会成为自己的上级单位，请先在本机调整单位的上下级关系。',
    ]);
    expect(plan.records).toEqual([]);
  });

  test('a package for several units sets up the one this installation is; a package without the marker is no directory', () => {
    const doc = directoryFor();
    const plan = planDirectoryImport({ units: [] }, doc, { ownUnitIds: ['rv-institute'] });
    expect(plan.issued.map((u) => u.id)).toEqual(['rv-centre', 'rv-lab', 'rv-institute']);
    expect(names(plan.records)).toEqual(['江南市北城区财政局', '江南市北城区科学技术局', '江南市北城区科学技术情报研究所']);
    expect(planDirectoryImport({ units: [] }, doc, { ownUnitIds: ['jn-finance'] }).problems).toEqual(['单位“江南市北城区财政局”不是这份名录的下发对象。']);
    const { directory: _d, ...plain } = doc;
    expect(planDirectoryImport({ units: [] }, plain).problems).toEqual(['这个数据包不是主管部门下发的单位名录。']);
  });
});

describe('packages sent up land under the parent the supervisor knows', () => {
  /** the supervisor's installation after handing down its directory */
  const supervisor = (): DataSet => ({ ...supervisorData(), projects: [] });
  /** a unit that set itself up by hand: its own ids, its code typed in, its supervisor by name only */
  function handMadePackage(): ExchangeDocument {
    const units: Unit[] = [
      { id: 'u-sup', name: '江南市北城区科学技术局', parentId: null, schemeId: 'A-2015', updatedAt: EARLY },
      { id: 'u-centre', name: '科创中心', code: '12440300MB2C00012K', parentId: 'u-sup', schemeId: 'A-2015', updatedAt: NOW },
    ];
    const project: Project = { ...loadFixture('review-2025').projects[5], id: 'u-p1', unitId: 'u-centre', indicators: [] };
    return createExchangeDocument({ units, projects: [project], departmentPlans: [] }, NOW);
  }

  test('matched by code: the unit is the local one and keeps its parent; its projects land on it', () => {
    const { placements, problems } = matchUnitsToDirectory(supervisor(), handMadePackage());
    expect(problems).toEqual([]);
    expect(placements.map((p) => [p.incoming.id, p.by, p.needsConfirmation, p.localId, p.parentId, p.newTopLevel, p.orphan, p.attention])).toEqual([
      ['u-sup', 'name', true, 'u-sup', null, true, false, '“江南市北城区科学技术局”与本机的“江南市北城区科学技术局”名称相同，请确认是否为同一单位；不确认则作为另一个单位。'],
      ['u-centre', 'code', false, 'rv-centre', 'rv-sup', false, false, null],
    ]);
    const plan = planImport(supervisor(), handMadePackage(), new Map());
    expect(plan.problems).toEqual([]);
    expect(plan.add.filter((e) => e.kind === 'project').map((e) => [e.id, (e.incoming as Project).unitId])).toEqual([['u-p1', 'rv-centre']]);
    // the supervisor's record of the unit stays as it is: the unit's own record, newer as it is, only served to find it
    expect(plan.unchanged.filter((e) => e.kind === 'unit').map((e) => e.id)).toEqual(['rv-centre']);
    // the supervisor of the same name waits for a confirmation; until then it is a unit of its own
    expect(plan.add.filter((e) => e.kind === 'unit').map((e) => e.id)).toEqual(['u-sup']);
  });

  test('a confirmed name match maps the parent onto the local supervisor: nothing new at the top', () => {
    const decisions = new Map<string, UnitDecision>([['u-sup', { kind: 'same', localId: 'rv-sup' }]]);
    const plan = planImport(supervisor(), handMadePackage(), new Map(), { unitDecisions: decisions });
    expect(plan.problems).toEqual([]);
    expect(plan.add.filter((e) => e.kind === 'unit')).toEqual([]);
    const placed = [...plan.update, ...plan.keepLocal, ...plan.unchanged].filter((e) => e.kind === 'unit').map((e) => [e.id, (e.incoming as Unit).parentId]);
    expect(new Map(placed as [string, string][])).toEqual(new Map([['rv-sup', 'jn-finance'], ['rv-centre', 'rv-sup']]));
  });

  test('a unit whose parent is nowhere keeps pointing at it (the parent may come later), flagged so someone can place it', () => {
    const doc = handMadePackage();
    doc.units = [{ ...doc.units[1], id: 'u-new', code: undefined, name: '新设单位', parentId: 'u-gone' }];
    doc.projects = [{ ...doc.projects[0], unitId: 'u-new' }];
    const { placements } = matchUnitsToDirectory(supervisor(), doc);
    expect(placements.map((p) => [p.parentId, p.orphan, p.attention])).toEqual([
      ['u-gone', true, '数据包中的单位“新设单位”的主管部门（编号“u-gone”）在本机和数据包中都找不到：导入后暂列为顶层单位，待主管部门的数据导入后自动归入；也可以现在为它选定主管部门。'],
    ]);
    expect(planImport(supervisor(), doc, new Map()).add.filter((e) => e.kind === 'unit').map((e) => [e.id, (e.incoming as Unit).parentId])).toEqual([['u-new', 'u-gone']]);
    const placed = planImport(supervisor(), doc, new Map(), { unitDecisions: new Map<string, UnitDecision>([['u-new', { kind: 'new', parentId: 'rv-sup' }]]) });
    expect(placed.problems).toEqual([]);
    expect(placed.add.filter((e) => e.kind === 'unit').map((e) => [e.id, (e.incoming as Unit).parentId])).toEqual([['u-new', 'rv-sup']]);
    const wrong = planImport(supervisor(), doc, new Map(), { unitDecisions: new Map<string, UnitDecision>([['u-new', { kind: 'same', localId: 'ghost' }]]) });
    expect(wrong.problems.map((p) => [p.kind, p.id, p.message])).toEqual([['unit', 'u-new', '为“新设单位”选定的本机单位已不存在。']]);
    const taken = planImport(supervisor(), doc, new Map(), { unitDecisions: new Map<string, UnitDecision>([['u-new', { kind: 'new', parentId: 'ghost' }]]) });
    expect(taken.problems.map((p) => p.message)).toEqual(['为“新设单位”选定的主管部门在本机不存在。']);
  });

  test('a package whose units carry the supervisor\'s ids imports as before: matched by id, nothing moved', () => {
    const doc = directoryFor(['rv-institute']);
    const { placements } = matchUnitsToDirectory(supervisor(), doc);
    expect(placements.every((p) => p.by === 'id' && p.localId === p.incoming.id && p.parentId === p.incoming.parentId)).toBe(true);
    expect(planImport(supervisor(), doc, new Map()).unchanged.map((e) => e.id)).toEqual(['jn-finance', 'rv-sup', 'rv-institute']);
    // a package naming no parent does not take the unit out of the tree; one naming another known unit moves it
    const parentOf = (parentId: string | null) =>
      matchUnitsToDirectory(supervisor(), { units: [{ ...doc.units[2], parentId }] }).placements[0].parentId;
    expect([parentOf(null), parentOf('nowhere'), parentOf('rv-centre')]).toEqual(['rv-sup', 'rv-sup', 'rv-centre']);
  });
});
