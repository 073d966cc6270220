// Ranking of the indicator library: shared words weigh by how rare they are in the library (ln(N / df)), each
// character of the project name counted once. The reference entries are the 工商联 sector (the 137 indicators of the
// reference documents), so these figures do not move as other sectors are added.
import {
  buildLibrary,
  entriesFromProject,
  entryFromSector,
  rankSuggestions as rankBy,
  type Library,
  type LibraryEntry,
} from '../../../renderer/library/library';
import { placedIndicators, sectorFile } from '../../../shared/library';
import type { Indicator } from '../../../shared/model';
import { SCHEME_A } from '../../../shared/schemes';

const REFERENCE_ENTRIES: LibraryEntry[] = placedIndicators(SCHEME_A, [sectorFile('federation')!]).map(entryFromSector);

/** Ranking by the project name alone, as these tests were written for. */
const rankSuggestions = (library: Library, level2: string, projectName: string, options?: Parameters<typeof rankBy>[3]) =>
  rankBy(library, level2, { projectName }, options);

let n = 0;
function ind(level2: string, name: string, direction: Indicator['direction'], target: string, unit = ''): Indicator {
  return { id: `i-${++n}`, level1: level2[0], level2, name, direction, target, unit, weight: null, core: false };
}
function project(id: string, year: number, name: string, indicators: Indicator[]): LibraryEntry[] {
  return entriesFromProject({ id, name, year, indicators });
}

/** A 工商联's own earlier projects, as they would sit beside the reference documents. */
const OWN: LibraryEntry[] = [
  ...project('p-equip', 2023, '办公设备购置项目', [
    ind('11', '购置办公设备数量', '=', '12', '台'),
    ind('12', '设备验收合格率', '=', '100', '%'),
    ind('13', '设备购置完成时间', '≤', '6', '月'),
    ind('22', '保障机关日常办公运转', '定性', '有效保障'),
    ind('31', '干部职工满意度', '≥', '90', '%'),
  ]),
  ...project('p-law', 2023, '法律顾问服务', [
    ind('11', '法律咨询次数', '≥', '20', '次'),
    ind('12', '合同审查合规率', '=', '100', '%'),
    ind('22', '依法履职水平', '定性', '持续提升'),
    ind('31', '服务对象满意度', '≥', '90', '%'),
  ]),
  ...project('p-office', 2023, '机关日常管理服务项目', [
    ind('11', '保障会议次数', '≥', '30', '次'),
    ind('12', '服务保障到位率', '≥', '95', '%'),
    ind('22', '机关运转效能', '定性', '持续提升'),
    ind('31', '干部职工满意度', '≥', '90', '%'),
  ]),
  ...project('p-train', 2024, '会员企业培训项目', [
    ind('11', '培训人数', '≥', '240', '人'),
    ind('11', '培训班期数', '=', '4', '期'),
    ind('12', '培训合格率', '≥', '95', '%'),
    ind('22', '会员企业经营管理能力', '定性', '持续提升'),
    ind('31', '参训学员满意度', '≥', '90', '%'),
  ]),
  ...project('p-party', 2024, '商会党建工作项目', [
    ind('11', '开展党建活动次数', '≥', '6', '次'),
    ind('12', '党组织覆盖率', '≥', '80', '%'),
    ind('22', '党建引领作用', '定性', '持续增强'),
    ind('31', '党员满意度', '≥', '90', '%'),
  ]),
];

describe('indicator library weights', () => {
  const library = buildLibrary([...OWN, ...REFERENCE_ENTRIES]);

  test('a word weighs ln(N / df): N entries, df of them have it in their project or indicator name', () => {
    expect(OWN.length + REFERENCE_ENTRIES.length).toBe(159);
    // 法律: 民营经济法律服务 (6), 法律顾问服务 (4), 开展相关法律宣讲活动次数, 法律顾问审查意见, 法律专业服务
    expect(library.weights.get('法律')).toBeCloseTo(Math.log(159 / 13), 12);
    expect(library.weights.get('服务')).toBeCloseTo(Math.log(159 / 28), 12);
    expect(library.weights.get('企业')).toBeCloseTo(Math.log(159 / 33), 12);
    expect(library.weights.get('法律')!).toBeGreaterThan(library.weights.get('服务')!);
  });

  test('for 民营企业法律服务项目 the 法律顾问服务 project ranks above the …项目 ones that share more, commoner words', () => {
    const list = rankSuggestions(library, '12', '民营企业法律服务项目');
    const own = list.filter((s) => s.entry.origin === 'own').map((s) => [s.entry.projectName, s.entry.name]);
    // counting words equally put 服务保障到位率 first (服务, 务项, 项目: 3) and 合同审查合规率 second (法律, 服务: 2)
    // 法律 + 服务, then 服务 (ln 159/28 = 1.74) before 企业 (ln 159/33 = 1.57)
    expect(own.slice(0, 3)).toEqual([
      ['法律顾问服务', '合同审查合规率'],
      ['机关日常管理服务项目', '服务保障到位率'],
      ['会员企业培训项目', '培训合格率'],
    ]);
    const w = (word: string) => library.weights.get(word)!;
    const score = (name: string) => list.find((s) => s.entry.name === name)!.score;
    expect(score('合同审查合规率')).toBeCloseTo(w('法律') + w('服务'), 12);
    // 项目 names no topic: cut out of the name, it adds nothing, and leaves no 务项 between 服务 and 项目 either
    expect(score('服务保障到位率')).toBeCloseTo(w('服务'), 12);
    expect(score('培训合格率')).toBeCloseTo(w('企业'), 12);
    expect(score('合同审查合规率')).toBeCloseTo(4.24, 2);
    // 办公设备购置项目 shares only 项目
    expect(score('设备验收合格率')).toBe(0);
  });

  test('党建 outweighs the 工作经费 phrase it used to tie with', () => {
    const list = rankSuggestions(library, '11', '党建工作经费', { limit: 200 });
    // counting words equally: 开展党建活动次数 (党建, 建工, 工作) and the three 工作经费 entries (工作, 作经, 经费) all 3;
    // now 工作 and 经费 name no topic: only 党建 scores, and every entry that has it comes first
    const has党建 = (s: (typeof list)[number]) => `${s.entry.projectName}${s.entry.name}`.includes('党建');
    const scored = list.filter((s) => s.score > 0);
    expect(scored.length).toBeGreaterThanOrEqual(3);
    expect(scored.every(has党建)).toBe(true);
    expect(scored.every((s) => s.score === library.weights.get('党建'))).toBe(true);
    expect(list[0].entry.projectName).toBe('商会党建工作项目'); // the unit's own first on a tie
    const workFunds = list.filter((s) => s.entry.projectName.endsWith('工作经费') && !has党建(s));
    expect(workFunds.length).toBeGreaterThan(0);
    expect(workFunds.every((s) => s.score === 0)).toBe(true);
  });

  test('a new unit (reference documents only): a 培训 project gets 培训 indicators first, not the one 项目 indicator', () => {
    const reference = buildLibrary(REFERENCE_ENTRIES);
    const list = rankSuggestions(reference, '11', '会员企业培训项目', { limit: 3 });
    expect(list[0].entry.name).toContain('培训');
    expect(list.some((s) => s.entry.name === '党群服务中心（活动室）新建或更新项目数')).toBe(false);
  });
});

describe('indicator library ties and common words', () => {
  // every project these entries come from is a …经费
  const entries: LibraryEntry[] = [
    ...project('p-1', 2023, '法律顾问经费', [ind('11', '法律咨询次数', '≥', '20', '次'), ind('11', '合同审查件数', '≥', '15', '件')]),
    ...project('p-2', 2023, '办公设备购置经费', [ind('11', '购置办公设备数量', '=', '12', '台')]),
    ...project('p-3', 2024, '会员企业培训经费', [ind('11', '培训人数', '≥', '240', '人'), ind('11', '培训班期数', '=', '4', '期')]),
    ...project('p-4', 2024, '民营企业服务经费', [ind('11', '走访企业数量', '≥', '50', '家')]),
  ];

  test('a word in every entry weighs nothing and changes no score or place', () => {
    const library = buildLibrary(entries);
    expect(library.weights.get('经费')).toBe(0);
    const view = (name: string) => rankSuggestions(library, '11', name).map((s) => [s.entry.name, s.score]);
    expect(view('民营企业法律服务经费')).toEqual(view('民营企业法律服务'));
    expect(view('民营企业法律服务')[0]).toEqual(['走访企业数量', expect.any(Number)]);
    // with nothing else shared, every score is 0 and the order is by name
    expect(view('经费')).toEqual(['法律咨询次数', '购置办公设备数量', '合同审查件数', '培训班期数', '培训人数', '走访企业数量'].map((name) => [name, 0]));
  });

  test('on equal scores the unit\'s own indicators come first, then by name', () => {
    // the unit's own 民营经济法律服务 against the reference document's: the same project name, so the same score
    const own = project('p-own', 2024, '民营经济法律服务', [ind('11', '法律咨询场次', '≥', '6', '场')]);
    const library = buildLibrary([...own, ...REFERENCE_ENTRIES]);
    const list = rankSuggestions(library, '11', '民营经济法律服务');
    expect(list.slice(0, 2).map((s) => [s.entry.origin, s.entry.name])).toEqual([
      ['own', '法律咨询场次'],
      ['sector', '法律讲课场次'],
    ]);
    expect(list[0].score).toBe(list[1].score);
  });
});
