// The library's context ranking (own history, project goal, the unit's sector, sectors named by the project) and its
// search box (Chinese words, pinyin initials, full pinyin; names, explanations, sector labels).
import { pinyinOf } from '../../../renderer/library/catalog';
import {
  buildLibrary,
  entriesFromProject,
  OWN_FIRST,
  RANK_WEIGHTS,
  rankSuggestions,
  searchLibrary,
  searchTerms,
  warmSearchKeys,
  type LibraryEntry,
} from '../../../renderer/library/library';
import type { Indicator } from '../../../shared/model';

let n = 0;
function sector(sectorId: string, sectorLabel: string, level2: string, name: string, explanation: string, core = false): LibraryEntry {
  return {
    level1: level2[0],
    level2,
    name,
    direction: '≥',
    target: '90',
    unit: '%',
    explanation,
    origin: 'sector',
    source: '行业共性指标（参照财预〔2021〕101号）',
    projectName: '',
    sector: sectorId,
    sectorLabel,
    core,
  };
}
function own(level2: string, name: string, projectName = '办公室日常运转项目'): LibraryEntry[] {
  const ind: Indicator = { id: `i-${++n}`, level1: level2[0], level2, name, direction: '≥', target: '1', unit: '次', weight: null, core: false };
  return entriesFromProject({ id: `p-${n}`, name: projectName, year: 2024, indicators: [ind] });
}

const SECTORS: LibraryEntry[] = [
  sector('education', '教育', '11', '校舍维修改造面积', '年度内完成维修改造的校舍建筑面积', true),
  sector('education', '教育', '11', '在校学生人数', '年末在校学生数'),
  sector('education', '教育', '12', '校园安全隐患整改率', '已整改隐患数 ÷ 排查隐患数 × 100%', true),
  sector('education', '教育', '31', '学生及家长满意度', '抽样问卷调查满意及以上的比例', true),
  sector('health', '卫生健康', '11', '家庭医生签约人数', '签约服务的居民人数'),
  sector('health', '卫生健康', '31', '患者满意度', '出院患者问卷调查满意比例', true),
  sector('transport', '交通运输', '11', '道路安全设施改造里程', '完成改造的安全防护设施里程'),
  sector('transport', '交通运输', '12', '安全设施验收合格率', '验收合格的设施数 ÷ 验收设施数 × 100%'),
  sector('transport', '交通运输', '31', '沿线群众满意度', '问卷调查满意比例'),
];

describe('ranking by the project and the unit', () => {
  test('the unit\'s sector adds its weight; a sector the project\'s name speaks of adds less; core breaks ties', () => {
    const library = buildLibrary(SECTORS);
    const names = (context: Parameters<typeof rankSuggestions>[2]) => rankSuggestions(library, '11', context).map((s) => [s.entry.name, Number(s.score.toFixed(2))]);
    // nothing in common: core first, then by name
    expect(names({ projectName: '年度运转' })[0]).toEqual(['校舍维修改造面积', RANK_WEIGHTS.core]);
    const health = names({ projectName: '年度运转', unitSector: 'health' });
    expect(health[0]).toEqual(['家庭医生签约人数', RANK_WEIGHTS.unitSector]);
    const named = names({ projectName: '年度运转', unitSector: 'health', namedSectors: ['transport'] });
    expect(named.slice(0, 2)).toEqual([
      ['家庭医生签约人数', RANK_WEIGHTS.unitSector],
      ['道路安全设施改造里程', RANK_WEIGHTS.namedSector],
    ]);
  });

  test('an education unit\'s 校园安全设施改造: its sector\'s indicators and those sharing words first', () => {
    const library = buildLibrary(SECTORS);
    const list = rankSuggestions(library, '11', { projectName: '校园安全设施改造', unitSector: 'education', namedSectors: ['education'] });
    // in a library of 9 entries the three words 道路安全设施改造里程 shares weigh 4.1, less than the 5 of the two
    // sector bonuses of 在校学生人数 (over the whole library each such word weighs 3 to 5)
    expect(list.map((s) => s.entry.name)).toEqual(['校舍维修改造面积', '在校学生人数', '道路安全设施改造里程', '家庭医生签约人数']);
    expect(list[1].score).toBe(RANK_WEIGHTS.unitSector + RANK_WEIGHTS.namedSector);
    const w = (word: string) => library.weights.get(word)!;
    // 改造 shared, plus the unit's sector, the named sector and core
    expect(list[0].score).toBeCloseTo(w('改造') + RANK_WEIGHTS.unitSector + RANK_WEIGHTS.namedSector + RANK_WEIGHTS.core, 12);
    // 安全, 设施 and 改造 (全设, 施改 are not in its name): three words, no sector
    expect(list[2].score).toBeCloseTo(w('安全') + w('设施') + w('改造'), 12);
    expect(list[2].score).toBeCloseTo(Math.log(9 / 3) + Math.log(9 / 2) * 2, 12);
  });

  test('the goal\'s words count half, and a word of the name is not counted again from the goal', () => {
    const library = buildLibrary(SECTORS);
    const score = (context: Parameters<typeof rankSuggestions>[2]) => rankSuggestions(library, '11', context).find((s) => s.entry.name === '家庭医生签约人数')!.score;
    expect(score({ projectName: '基层服务', goal: '提高家庭医生签约覆盖' })).toBeCloseTo((library.weights.get('家庭')! + library.weights.get('医生')! + library.weights.get('签约')!) * RANK_WEIGHTS.goal, 12);
    expect(score({ projectName: '家庭医生', goal: '家庭医生签约' })).toBeCloseTo(
      library.weights.get('家庭')! + library.weights.get('庭医')! * 0 + library.weights.get('医生')! + library.weights.get('签约')! * RANK_WEIGHTS.goal,
      12,
    );
  });

  test(`the unit's own indicators lead, ${OWN_FIRST} of them at most, the best matching first`, () => {
    const mine = [
      ...own('11', '召开会议次数'),
      ...own('11', '印发文件数量'),
      ...own('11', '接待来访人次'),
      ...own('11', '校园巡查次数', '校园安全巡查项目'),
      ...own('11', '购置设备数量'),
      ...own('11', '开展培训次数'),
      ...own('11', '发放资料份数'),
    ];
    const library = buildLibrary([...mine, ...SECTORS]);
    const list = rankSuggestions(library, '11', { projectName: '校园安全设施改造', unitSector: 'education' }, { limit: 12 });
    const origins = list.map((s) => s.entry.origin);
    expect(origins.slice(0, OWN_FIRST)).toEqual(Array(OWN_FIRST).fill('own'));
    expect(list[0].entry.name).toBe('校园巡查次数');
    // after the first five, the sector's indicators that match come before the rest of the unit's own
    expect(list[OWN_FIRST].entry.origin).toBe('sector');
    expect(list.filter((s) => s.entry.origin === 'own')).toHaveLength(7);
  });
});

describe('search', () => {
  const library = buildLibrary([...own('31', '服务对象满意度'), ...SECTORS]);
  const search = (query: string, level2?: string) =>
    searchLibrary(library, query, pinyinOf, { projectName: '' }, level2 ? { level2 } : {}).map((s) => s.entry.name);

  test('pinyin of a name: initials and full syllables, ü typed as v', () => {
    expect(pinyinOf(['学生及家长满意度', '合格率（%）', 'PM2.5达标率', '', '学生及家长满意度'])).toEqual([
      { initials: 'xsjjzmyd', full: 'xueshengjijiazhangmanyidu' },
      { initials: 'hgl', full: 'hegelv' },
      { initials: 'pm2.5dbl', full: 'pm2.5dabiaolv' },
      { initials: '', full: '' },
      { initials: 'xsjjzmyd', full: 'xueshengjijiazhangmanyidu' },
    ]);
    // several texts in one call read as each on its own: the line breaks that join them end words
    expect(pinyinOf(['重庆', '长江\n重点'])).toEqual([
      { initials: 'cq', full: 'chongqing' },
      { initials: 'cjzd', full: 'changjiangzhongdian' },
    ]);
    expect(searchTerms(' 满意  lü,安全 ')).toEqual(['满意', 'lv', '安全']);
  });

  test('"满意", "myd" and "manyidu" find the satisfaction indicators, the unit\'s own first', () => {
    const satisfied = ['服务对象满意度', '患者满意度', '学生及家长满意度', '沿线群众满意度'];
    expect(search('满意')).toEqual(satisfied);
    expect(search('myd')).toEqual(satisfied);
    expect(search('manyidu')).toEqual(satisfied);
    expect(search('MYD')).toEqual(satisfied);
  });

  test('initials met inside a name by chance (全民阅读 qmyd) come after those at its end, even in the row\'s 二级', () => {
    const withReading = buildLibrary([...library.entries, sector('culture', '文化', '11', '全民阅读活动场次', '举办的读书会场次')]);
    const found = searchLibrary(withReading, 'myd', pinyinOf, { projectName: '' }, { level2: '11' }).map((s) => s.entry.name);
    expect(found).toEqual(['服务对象满意度', '患者满意度', '学生及家长满意度', '沿线群众满意度', '全民阅读活动场次']);
  });

  test('a name starting with the term comes first; sector labels and explanations match too, after names', () => {
    // 安全: one name starts with it, two contain it (the core one first); 道路安全设施改造里程's explanation has it too
    expect(search('安全')).toEqual(['安全设施验收合格率', '校园安全隐患整改率', '道路安全设施改造里程']);
    expect(search('设施')).toEqual(['安全设施验收合格率', '道路安全设施改造里程']);
    // an explanation alone: 隐患 is in no name
    expect(search('排查')).toEqual(['校园安全隐患整改率']);
    // by sector label (教育), core ones first, then by name in pinyin order; and in pinyin
    expect(search('教育')).toEqual(['校舍维修改造面积', '校园安全隐患整改率', '学生及家长满意度', '在校学生人数']);
    expect(search('jiaoyu')).toEqual(search('教育'));
    // every term must match: 教育 and 满意
    expect(search('教育 满意')).toEqual(['学生及家长满意度']);
    expect(search('myd wsx')).toEqual([]);
  });

  test('the 二级 of the row being filled comes first among equal matches', () => {
    expect(search('设施', '12')).toEqual(['安全设施验收合格率', '道路安全设施改造里程']);
    expect(search('设施', '11')).toEqual(['道路安全设施改造里程', '安全设施验收合格率']);
  });

  test('search keys are worked out once per entry, in slices when asked ahead of the first keystroke', () => {
    const fresh = buildLibrary([...SECTORS.map((e) => ({ ...e }))]);
    const calls: number[] = [];
    const counting = (texts: readonly string[]) => {
      calls.push(texts.length);
      return pinyinOf(texts);
    };
    expect(warmSearchKeys(fresh, counting, 4)).toBe(false);
    expect(calls).toEqual([8]); // name and sector label of 4 entries, in one call
    expect(warmSearchKeys(fresh, counting)).toBe(true);
    expect(calls).toEqual([8, 2 * (SECTORS.length - 4)]);
    searchLibrary(fresh, 'myd', counting, { projectName: '' });
    searchLibrary(fresh, 'mydu', counting, { projectName: '' });
    expect(calls).toHaveLength(2);
  });
});
