// Value text (domain.md §4): every target/value string of the four reference documents, parsed and printed back.
// Expected values are what a reader of the form writes down; they were written by hand from the documents.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Direction } from '../../shared/model';
import { formatValue, numericValue, parseDirection, parseValueText, type ParsedValue } from '../../shared/value-text';

type Source = 'lg2023' | 'yubei' | 'huadu' | 'lg2019' | 'lg2019-clause' | 'edge';

interface Expected {
  direction: Direction;
  value: string;
  valueMax?: string;
  unit: string;
  quantitative: boolean;
}

type Row = readonly [source: Source, input: string, expected: Expected];

/** a 定量 expectation */
function q(direction: Exclude<Direction, '定性'>, value: string, unit: string, valueMax?: string): Expected {
  return valueMax === undefined
    ? { direction, value, unit, quantitative: true }
    : { direction, value, valueMax, unit, quantitative: true };
}

/** a 定性 expectation for `input`: the whole text is the value */
function text(input: string): Row[2] {
  return { direction: '定性', value: input.trim(), unit: '', quantitative: false };
}

function qual(source: Source, input: string): Row {
  return [source, input, text(input)];
}

// ── longgang-2023 表12 部门整体支出绩效目标表, column 目标值 (each distinct string once) ──
const LG2023: Row[] = [
  ['lg2023', '≥10 件', q('≥', '10', '件')],
  ['lg2023', '≥60 件', q('≥', '60', '件')],
  ['lg2023', '≥240 人', q('≥', '240', '人')],
  ['lg2023', '≥30 人', q('≥', '30', '人')],
  ['lg2023', '2家行业协会', q('=', '2', '家')],
  ['lg2023', '≥12次', q('≥', '12', '次')],
  ['lg2023', '≥2家', q('≥', '2', '家')],
  qual('lg2023', '设备运行稳定，保障各科室正常开展各项工作'),
  qual('lg2023', '充分发挥法律顾问作用，有效降低法律风险，减少法律纠纷'),
  ['lg2023', '合格率≥95%', q('≥', '95', '%')],
  ['lg2023', '≥90%', q('≥', '90', '%')],
  ['lg2023', '100%', q('=', '100', '%')],
  qual('lg2023', '按照区委组织部文件规定，完善两新组织党员成长审核程序，按标准发放奖励'),
  qual('lg2023', '11月底前完成'),
  qual('lg2023', '12月前完成'),
  qual('lg2023', '9月前完成全部采购需求'),
  // five items with a count and a price cap each: which number is "the" target? Not ours to pick.
  qual(
    'lg2023',
    '办公桌 2 张≤2000 元/套; 沙发 1 套≤2000 元/套; 文件柜 2 张≤2000 元/张; 打印机 2 台≤2000 元/台; 会议本 (平板电脑) 8 台≤3000 元/台。',
  ),
  qual('lg2023', '按会议费标准开支'),
  qual('lg2023', '按照《龙岗区区级机关培训费管理办法》标准开支'),
  qual('lg2023', '发挥党组织和党员作用, 助力企业发展有所成效'),
  qual('lg2023', '党员带头为企业生产经营出谋划策, 凝心聚力, 促进企业更好发展'),
  qual('lg2023', '财政资金零损失'),
  qual('lg2023', '通过直联工作制度解决会员企业实际困难问题'),
  qual('lg2023', '保障各科室正常开展各项工作'),
  qual(
    'lg2023',
    '推动商 (协) 会通过直联工作制度带领行业企业与职能部门直接对接, 以制度化、常态化的机制解决企业的实际困难问题',
  ),
  qual(
    'lg2023',
    '紧密服务疫情防控和经济发展，引导会员企业有效应对疫情影响，打造会员的情感家园，全力推动“两个健康”',
  ),
  qual(
    'lg2023',
    '不断提升非公企业党组织书记、党务工作者的能力素质，认真做好党组织建设和党员管理各项综合性事务',
  ),
  qual(
    'lg2023',
    '拓宽党在非公领域的组织和覆盖工作覆盖面，发挥党组织在非公领域的引领作用，增强党组织的影响力、凝聚力和战斗力',
  ),
  qual('lg2023', '建立符合产业政策的行业商（协）会体系'),
  qual('lg2023', '不适用'),
  ['lg2023', '培训内容贴近党员实际，符合党员需求，满意度≥95%', q('≥', '95', '%')],
  ['lg2023', '为会员企业、商协会提供优质服务，满意度达100%', q('=', '100', '%')],
];

// ── yubei 表十五 and 表17-1…17-5: 指标名称, 计量单位, 指标性质, 指标值 as separate cells (every row) ──
type YubeiRow = readonly [table: string, name: string, unit: string, directionCell: string, value: string];
const YUBEI_CELLS: YubeiRow[] = [
  ['表十五', '举办会议培训期数', '场次', '≥', '4'],
  ['表十五', '会议培训质量指标', '%', '≥', '90'],
  ['表十五', '会议培训合格率', '%', '≥', '90'],
  ['表十五', '提高民营企业意识', '%', '≥', '90'],
  ['表十五', '民营企业持续发展能力', '%', '≥', '90'],
  ['表十五', '服务对象民营企业（家）满意度', '%', '≥', '90'],
  ['表17-1', '商会数量', '个', '≥', '45'],
  ['表17-1', '达标率', '%', '≥', '90'],
  ['表17-1', '商会活动时效', '月', '≤', '12'],
  ['表17-1', '商会持续影响力', '%', '≥', '90'],
  ['表17-1', '商会可发展率', '%', '≥', '90'],
  ['表17-1', '满意度', '%', '≥', '90'],
  ['表17-1', '预算资金执行情况', '%', '=', '100'],
  ['表17-2', '举办党员培训合格', '%', '≥', '90'],
  ['表17-2', '建立非公党组织数量', '%', '≥', '6'],
  ['表17-2', '非公党建持续及展', '%', '≥', '90'],
  ['表17-2', '服务商会非公党建', '%', '≥', '90'],
  ['表17-2', '非公组织满意度', '%', '≥', '90'],
  ['表17-2', '经费成本', '万元', '≤', '30'],
  ['表17-2', '预算资金执行情况', '%', '=', '100'],
  ['表17-3', '创建基层商会数量', '个', '≥', '4'],
  ['表17-3', '创建成功率', '%', '≥', '90'],
  ['表17-3', '满足四好商会标准', '%', '≥', '90'],
  ['表17-3', '商会建设取得社会效益', '%', '≥', '90'],
  ['表17-3', '企业家满意度', '%', '≥', '90'],
  ['表17-3', '“四好”商会协会创建所需成本经费', '万', '≥', '19'],
  ['表17-3', '预算资金执行情况', '%', '=', '100'],
  ['表17-4', '走访企业数量', '家', '≥', '50'],
  ['表17-4', '指导民企健康发展率', '%', '≥', '90'],
  ['表17-4', '服务民营企业取得效果', '%', '≥', '90'],
  ['表17-4', '民企健康及旅社双效益', '%', '≥', '90'],
  ['表17-4', '民企社会影响力', '%', '≥', '90'],
  ['表17-4', '民企(家)满意度', '%', '≥', '90'],
  ['表17-4', '预算资金执行情况', '%', '=', '100'],
  ['表17-5', '法律宣传率', '%', '$\\geq$', '90'],
  ['表17-5', '法律讲课场次', '%', '$\\geq$', '10'],
  ['表17-5', '讲座上座率', '%', '$\\geq$', '90'],
  ['表17-5', '法律服务社会效益率', '%', '$\\geq$', '90'],
  ['表17-5', '法律服务影响率', '%', '$\\geq$', '90'],
  ['表17-5', '会员企业满意度', '%', '$\\geq$', '90'],
  ['表17-5', '预算资金执行情况', '%', '=', '100'],
];
/** the direction a reader writes for each 指标性质 cell seen in yubei */
const YUBEI_DIRECTION: Record<string, Exclude<Direction, '定性'>> = { '≥': '≥', '≤': '≤', '=': '=', '$\\geq$': '≥' };
/** the three cells written as one text, as a form without separate columns would print them */
const YUBEI: Row[] = YUBEI_CELLS.map(([, , unit, dir, value]) => [
  'yubei',
  `${dir}${value}${unit}`,
  q(YUBEI_DIRECTION[dir], value, unit),
]);

// ── huadu: every distinct 实施周期指标值 / 年度指标值 ──
const HUADU: Row[] = [
  ['huadu', '大于7-8次', q('>', '7', '次', '8')],
  qual('huadu', '持续提升'),
  qual('huadu', '拉动社会经济发展，为花都发展增添后劲'),
  ['huadu', '法律宣讲1-2次', q('=', '1', '次', '2')],
  qual('huadu', '持续改善'),
  ['huadu', '交流活动1次', q('=', '1', '次')],
  ['huadu', '1次', q('=', '1', '次')],
  ['huadu', ' $\\geq 90\\%$ ', q('≥', '90', '%')],
  ['huadu', '54人', q('=', '54', '人')],
  ['huadu', '不少于54人/次', q('≥', '54', '人/次')],
  ['huadu', '90', q('=', '90', '')],
  ['huadu', '2', q('=', '2', '')],
  qual('huadu', '推动花都区经济高质量发展'),
  ['huadu', '1个', q('=', '1', '个')],
  qual('huadu', '持续提高'),
  ['huadu', '新任党支部书记培训1次', q('=', '1', '次')],
  ['huadu', '5', q('=', '5', '')],
  qual('huadu', '良'),
  ['huadu', '100%', q('=', '100', '%')],
  qual('huadu', '持续完善多样化'),
  ['huadu', '按时发放及时率100%', q('=', '100', '%')],
];

// ── longgang-2019 附件2-3: 年度指标内容 / 完成情况 cells that hold a comparison or a number (cell text with the
// pdf line breaks removed). A cell lists several 三级 indicators; with several numbers it is 定性 as a whole. ──
const LG2019: Row[] = [
  ['lg2019', '100.00%', q('=', '100.00', '%')],
  qual('lg2019', '电脑3台，办公桌椅1批'),
  ['lg2019', '工作人员满意度100%', q('=', '100', '%')],
  qual(
    'lg2019',
    '公务接待费5万元，购买服务1人10.44万元，法律顾问服务费3万元，办公设备及网络维护3万元，文书档案整理3万元，财务风险控制经费3万元',
  ),
  qual('lg2019', '公务接待费完成12%，其他项目完成100%'),
  ['lg2019', '文书档案整理时间≤90天', q('≤', '90', '天')],
  ['lg2019', '文书档案整理成本≤4.11万元。', q('≤', '4.11', '万元')],
  ['lg2019', '工作人员满意度≥99%', q('≥', '99', '%')],
  qual(
    'lg2019',
    '开展专题学习活动次数≧1；参加党务干部人数≧100；新建党组织个数≧10；党群服务中心（活动室）新建或更新项目数≧3。',
  ),
  qual(
    'lg2019',
    '举办党务干部业务培训班组织专题学习活动1次；参加的党务干部140人次；新建党组织26个；党群服务中心（活动室）新建或更新项目17个。',
  ),
  qual(
    'lg2019',
    '每季度按规定标准发放党务干部补贴，累计发放补贴人数达325人；按照区委组织部文件规定程序审核党员成才申请材料，共计获得党员成才奖励40人。',
  ),
  qual('lg2019', '7月前完成电教片选材拍摄任务；12月前完成“两个覆盖”单独组建任务；'),
  qual('lg2019', '6月底完成2019年的电教片选材拍摄工作，支付了第一期费用；12月前成立新党组织26个。'),
  qual(
    'lg2019',
    '以党建项目促进党组织和党员发挥作用，服务非公经济发展，2019年共立项97项，其中服务企业管理类26项，服务企业技术攻关类21项，公益志愿服务类12项，构建和谐劳动关系类2项，企业文化建设类16项，人才教育培训培养类20项，完成率100%。',
  ),
  qual(
    'lg2019',
    '组织完成区非公党委领导班子换届选举工作；辖属93个党支部全部完成换届工作；组织辖属150名党务工作者参加区委组织部举办的“龙岗区党务工作者党务知识考评”，合格率100%。',
  ),
  // no % written: the unit stays empty rather than being guessed
  ['lg2019', '辖属各党组织和党员对党委工作满意度≥90', q('≥', '90', '')],
  qual('lg2019', '辖属147个党组织，2000多名党员对党委工作表示满意度达到98%以上。'),
  qual('lg2019', '开展集中培训次数≧2；党组织开展活动≧20场次。'),
  qual(
    'lg2019',
    '赴湖南大学开展党性培训班1次，赴龙岩开展“不忘初心、牢记使命”等主题教育培训2期；辖属党组织开展活动30场次。',
  ),
  qual('lg2019', '集中培训合格率≧95%，各党组织自行开展的教育活动，每次参加党员人数≥50%。'),
  // two statements (the first counts "两次" in words): the 1300 is not the cell's value
  qual('lg2019', '两次集中培训参加学员均取得培训结业证书；辖属党组织开展活动参与人数累计达1300人次。'),
  qual('lg2019', '11月前完成集中培训；12月前完成辖属党组织党员教育'),
  qual(
    'lg2019',
    '10月26日开展“不忘初心、牢记使命”等主题教育培训第2期；12月中旬完成辖属党组织党员教育报账。',
  ),
  qual(
    'lg2019',
    '党员按月按时缴交党费，学习强国APP利用率有所提高，党员积极参与社会公益，参与各类特色党员志愿服务30多场次，服务群众2000余人。',
  ),
  ['lg2019', '各党组织主题活动丰富多彩，贴近党员生活，满意度达到98%以上。', q('≥', '98', '%')],
  qual('lg2019', '秘书长培训1次、市区工商联交流会以及秘书长工作研讨会共2次、宣讲活动1次'),
  ['lg2019', '会员企业满意度100%', q('=', '100', '%')],
  ['lg2019', '重点培育5—6家行业商（协）会', q('=', '5', '家', '6')],
  qual('lg2019', '2019年商（协）会会长龙岗峰会暨“先行示范区”企业发展高端研讨会，扩大社会影响力'),
];

// The same 2019 cells split into their single statements at ；/，/、, as a reader entering one indicator at a time does.
const LG2019_CLAUSES: Row[] = [
  ['lg2019-clause', '电脑3台', q('=', '3', '台')],
  ['lg2019-clause', '办公桌椅1批', q('=', '1', '批')],
  ['lg2019-clause', '公务接待费5万元', q('=', '5', '万元')],
  qual('lg2019-clause', '购买服务1人10.44万元'),
  ['lg2019-clause', '公务接待费完成12%', q('=', '12', '%')],
  ['lg2019-clause', '其他项目完成100%', q('=', '100', '%')],
  ['lg2019-clause', '开展专题学习活动次数≧1', q('≥', '1', '')],
  ['lg2019-clause', '参加党务干部人数≧100', q('≥', '100', '')],
  ['lg2019-clause', '新建党组织个数≧10', q('≥', '10', '')],
  ['lg2019-clause', '党群服务中心（活动室）新建或更新项目数≧3。', q('≥', '3', '')],
  ['lg2019-clause', '举办党务干部业务培训班组织专题学习活动1次', q('=', '1', '次')],
  ['lg2019-clause', '参加的党务干部140人次', q('=', '140', '人次')],
  ['lg2019-clause', '新建党组织26个', q('=', '26', '个')],
  ['lg2019-clause', '党群服务中心（活动室）新建或更新项目17个。', q('=', '17', '个')],
  ['lg2019-clause', '累计发放补贴人数达325人', q('=', '325', '人')],
  ['lg2019-clause', '共计获得党员成才奖励40人。', q('=', '40', '人')],
  qual('lg2019-clause', '7月前完成电教片选材拍摄任务'),
  qual('lg2019-clause', '6月底完成2019年的电教片选材拍摄工作'),
  qual('lg2019-clause', '12月前成立新党组织26个。'),
  qual('lg2019-clause', '2019年共立项97项'),
  ['lg2019-clause', '完成率100%。', q('=', '100', '%')],
  ['lg2019-clause', '辖属93个党支部全部完成换届工作', q('=', '93', '个')],
  ['lg2019-clause', '合格率100%。', q('=', '100', '%')],
  qual('lg2019-clause', '2000多名党员对党委工作表示满意度达到98%以上。'),
  ['lg2019-clause', '开展集中培训次数≧2', q('≥', '2', '')],
  ['lg2019-clause', '党组织开展活动≧20场次。', q('≥', '20', '场次')],
  ['lg2019-clause', '赴湖南大学开展党性培训班1次', q('=', '1', '次')],
  ['lg2019-clause', '赴龙岩开展“不忘初心、牢记使命”等主题教育培训2期', q('=', '2', '期')],
  ['lg2019-clause', '辖属党组织开展活动30场次。', q('=', '30', '场次')],
  ['lg2019-clause', '集中培训合格率≧95%', q('≥', '95', '%')],
  ['lg2019-clause', '每次参加党员人数≥50%。', q('≥', '50', '%')],
  ['lg2019-clause', '辖属党组织开展活动参与人数累计达1300人次。', q('=', '1300', '人次')],
  qual('lg2019-clause', '11月前完成集中培训'),
  qual('lg2019-clause', '12月中旬完成辖属党组织党员教育报账。'),
  qual('lg2019-clause', '参与各类特色党员志愿服务30多场次'),
  qual('lg2019-clause', '服务群众2000余人。'),
  ['lg2019-clause', '满意度达到98%以上。', q('≥', '98', '%')],
  ['lg2019-clause', '秘书长培训1次', q('=', '1', '次')],
  ['lg2019-clause', '市区工商联交流会以及秘书长工作研讨会共2次', q('=', '2', '次')],
  ['lg2019-clause', '宣讲活动1次', q('=', '1', '次')],
];

// ── the spellings the brief and domain.md name, plus the tolerance rules ──
const EDGE: Row[] = [
  ['edge', '≧3', q('≥', '3', '')],
  ['edge', '≦5', q('≤', '5', '')],
  ['edge', '≥95%', q('≥', '95', '%')],
  ['edge', '≤2000 元/套', q('≤', '2000', '元/套')],
  ['edge', '$\\leq 5$ 天', q('≤', '5', '天')],
  ['edge', '>=80%', q('≥', '80', '%')],
  ['edge', '＞＝80％', q('≥', '80', '%')],
  ['edge', '≥９５％', q('≥', '95', '%')],
  ['edge', '１００％。', q('=', '100', '%')],
  ['edge', '≥ 95 %', q('≥', '95', '%')],
  ['edge', '≥\u300010\u3000件', q('≥', '10', '件')],
  ['edge', '100%；', q('=', '100', '%')],
  ['edge', '1次;', q('=', '1', '次')],
  ['edge', '≤2,000元/套', q('≤', '2000', '元/套')],
  ['edge', '不超过3天', q('≤', '3', '天')],
  ['edge', '不高于5%', q('≤', '5', '%')],
  ['edge', '3个工作日以内', q('≤', '3', '个工作日')],
  ['edge', '低于5%', q('<', '5', '%')],
  ['edge', '少于3次', q('<', '3', '次')],
  ['edge', '高于90%', q('>', '90', '%')],
  ['edge', '超过10人', q('>', '10', '人')],
  ['edge', '不低于95%', q('≥', '95', '%')],
  ['edge', '至少2次', q('≥', '2', '次')],
  ['edge', '10人以上', q('≥', '10', '人')],
  ['edge', '10人及以上', q('≥', '10', '人')],
  ['edge', '5%以下', q('≤', '5', '%')],
  ['edge', '不少于5次以上', q('≥', '5', '次')],
  qual('edge', '不超过5次以上'),
  ['edge', '5至6家', q('=', '5', '家', '6')],
  ['edge', '5家-6家', q('=', '5', '家', '6')],
  ['edge', '7～8次', q('=', '7', '次', '8')],
  ['edge', '≤12月', q('≤', '12', '月')],
  ['edge', '12个月', q('=', '12', '个月')],
  qual('edge', '12月底'),
  qual('edge', '2023年'),
  ['edge', '90分', q('=', '90', '分')],
  ['edge', '≥-5%', q('≥', '-5', '%')],
  qual('edge', '约5次'),
  qual('edge', '5次左右'),
  qual('edge', '第2期'),
  qual('edge', '1 2'),
  qual('edge', ''),
  qual('edge', '  持续改善  '),
  qual('edge', '高于去年，达到95%'),
];

const ALL: Row[] = [...LG2023, ...YUBEI, ...HUADU, ...LG2019, ...LG2019_CLAUSES, ...EDGE];

function structural(p: ParsedValue): Expected {
  const e: Expected = { direction: p.direction, value: p.value, unit: p.unit, quantitative: p.quantitative };
  if (p.valueMax !== undefined) e.valueMax = p.valueMax;
  return e;
}

describe('parseValueText', () => {
  test.each(ALL)('[%s] %j', (_source, input, expected) => {
    const parsed = parseValueText(input);
    expect(structural(parsed)).toEqual(expected);
    expect(parsed.original).toBe(input);
  });

  test('a 定量 result always has a numeric value and a 定性 one never claims to be quantitative', () => {
    for (const [, input] of ALL) {
      const p = parseValueText(input);
      if (p.direction === '定性') expect(p.quantitative).toBe(false);
      else expect(Number.isFinite(Number(p.value))).toBe(true);
    }
  });
});

describe('formatValue', () => {
  test.each([
    ['≥', '10', '件', undefined, '≥10件'],
    ['≥', '95', '%', undefined, '≥95%'],
    ['≤', '2000', '元/套', undefined, '≤2000元/套'],
    ['=', '100', '%', undefined, '100%'],
    ['=', '1', '次', undefined, '1次'],
    ['=', '90', '', undefined, '90'],
    ['>', '7', '次', '8', '>7-8次'],
    ['=', '5', '家', '6', '5-6家'],
    ['<', '5', '%', undefined, '<5%'],
    ['定性', '持续改善', '', undefined, '持续改善'],
    ['定性', '11月底前完成', '', undefined, '11月底前完成'],
  ] as const)('%s %s %s %s → %s', (direction, value, unit, valueMax, printed) => {
    expect(formatValue(direction, value, unit, valueMax)).toBe(printed);
  });

  test('the structured forms of longgang-2023 表12 print without the pdf spaces', () => {
    const printed = LG2023.map(([, input]) => parseValueText(input))
      .filter((p) => p.quantitative)
      .map((p) => formatValue(p.direction, p.value, p.unit, p.valueMax));
    expect(printed).toEqual([
      '≥10件', '≥60件', '≥240人', '≥30人', '2家', '≥12次', '≥2家', '≥95%', '≥90%', '100%', '≥95%', '100%',
    ]);
  });

  test('yubei cells print as 指标性质 + 指标值 + 计量单位', () => {
    for (const [, , unit, dir, value] of YUBEI_CELLS) {
      expect(formatValue(YUBEI_DIRECTION[dir], value, unit)).toBe(
        (YUBEI_DIRECTION[dir] === '=' ? '' : YUBEI_DIRECTION[dir]) + value + unit,
      );
    }
  });

  test.each(ALL.filter(([, , e]) => e.quantitative))('round trip [%s] %j', (_source, input) => {
    const p = parseValueText(input);
    const again = parseValueText(formatValue(p.direction, p.value, p.unit, p.valueMax));
    expect(structural(again)).toEqual(structural(p));
  });

  test.each(ALL.filter(([, , e]) => !e.quantitative))('定性 prints its text [%s] %j', (_source, input) => {
    const p = parseValueText(input);
    expect(formatValue(p.direction, p.value, p.unit)).toBe(input.trim());
  });
});

describe('parseDirection', () => {
  test.each([
    ['≥', '≥'],
    ['≧', '≥'],
    ['$\\geq$', '≥'],
    ['>=', '≥'],
    ['≤', '≤'],
    ['≦', '≤'],
    ['$\\leq$', '≤'],
    ['>', '>'],
    ['＜', '<'],
    ['=', '='],
    ['＝', '='],
    ['定性', '定性'],
    ['大于等于', '≥'],
    ['不超过', '≤'],
    [' ≥ ', '≥'],
  ] as const)('%j → %s', (cell, direction) => {
    expect(parseDirection(cell)).toBe(direction);
  });

  test.each(['', '  ', '正负', '≥90'])('%j → null', (cell) => {
    expect(parseDirection(cell)).toBeNull();
  });

  test('every yubei 指标性质 cell is understood', () => {
    for (const [, , , dir] of YUBEI_CELLS) expect(parseDirection(dir)).toBe(YUBEI_DIRECTION[dir]);
  });
});

describe('numericValue', () => {
  test.each([
    ['140', 140],
    ['98%', 98],
    ['100.00%', 100],
    ['26个', 26],
    ['99.74%', 99.74],
    ['≥95%', 95],
    ['１００％', 100],
    ['累计达1,300人次', 1300],
    ['文书档案整理成本≤4.11万元。', 4.11],
    ['满意度达到98%以上', 98],
    [' 3.79 ', 3.79],
    ['0', 0],
  ] as const)('%j → %d', (input, n) => {
    expect(numericValue(input)).toBe(n);
  });

  test.each(['', '持续改善', '良', '7-8次', '电脑3台，办公桌椅1批', '公务接待费完成12%，其他项目完成100%', '1 2'])(
    '%j → null',
    (input) => {
      expect(numericValue(input)).toBeNull();
    },
  );
});

// ── coverage and provenance against the reference documents, when they are at hand (they live outside the repo) ──
const REFERENCE_DIR = path.resolve(__dirname, '../../../shared/reference');
const haveReferences = fs.existsSync(path.join(REFERENCE_DIR, 'huadu-project-performance-targets.txt'));
const describeRefs = haveReferences ? describe : describe.skip;

function readReference(name: string): string {
  return fs.readFileSync(path.join(REFERENCE_DIR, name), 'utf8');
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

describeRefs('reference documents', () => {
  test('every 目标值 of longgang-2023 表12 is a table row', () => {
    const lines = readReference('longgang-2023-department-budget.txt').split('\n');
    const header = lines.findIndex((l) => l.includes('三级指标\t目标值'));
    expect(header).toBeGreaterThan(0);
    const targets = lines
      .slice(header + 1)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split('\t').map((c) => c.trim()).filter((c) => c !== '').pop() ?? '');
    expect(targets.length).toBe(33);
    const inputs = new Set(LG2023.map(([, input]) => input));
    for (const t of targets) expect(inputs).toContain(t);
  });

  test('every huadu 实施周期指标值 / 年度指标值 is a table row', () => {
    const doc = readReference('huadu-project-performance-targets.txt');
    const re = /(?:实施周期指标值|年度指标值)[:：](.*?)(?=；年度指标值|。\s*(?:\d+、|\|))/g;
    const values = Array.from(doc.matchAll(re), (m) => m[1]);
    expect(values.length).toBe(46);
    const inputs = new Set(HUADU.map(([, input]) => input));
    for (const v of values) expect(inputs).toContain(v);
  });

  test('every yubei indicator row is a table row', () => {
    const doc = readReference('yubei-2024-department-budget.txt').replace(/<\/?b>/g, '');
    const rows = doc
      .split('\n')
      .map((l) => l.split('\t').map((c) => c.trim()).filter((c) => c !== ''))
      .filter((c) => c.length === 6 && /^(是|否)$/.test(c[5]) && /^\d+$/.test(c[1]))
      .map((c) => [c[0], c[2], c[3], c[4]].join('|'));
    expect(rows).toEqual(YUBEI_CELLS.map(([, name, unit, dir, value]) => [name, unit, dir, value].join('|')));
  });

  test('every longgang-2019 input is text of the document', () => {
    const doc = squeeze(readReference('longgang-2019-project-self-evaluation.txt'));
    for (const [, input] of [...LG2019, ...LG2019_CLAUSES]) expect(doc).toContain(squeeze(input));
  });
});
