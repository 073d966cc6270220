// Sample layouts for the writer tests, with wording and figures from the reference documents:
// F4 (longgang-2019 附件2-3, the header grid of domain.md §7) and a label/value grid (yubei 部门公开表17-2).
import type { Cell, ColumnNode, FormLayout, Row } from '../../../shared/forms/layout';
import { tableLayout } from '../../../shared/forms/layout';

const pair = (title: string): ColumnNode => ({
  title,
  children: [
    { title: '年度指标内容', width: 9 },
    { title: '完成情况', width: 9 },
  ],
});

/** The F4 column tree, left to right as domain.md §7 lists it. */
export const F4_COLUMNS: ColumnNode[] = [
  { title: '序号', width: 4, align: 'center' },
  { title: '单位名称', width: 6, align: 'center' },
  { title: '项目名称', width: 8 },
  { title: '是否政府投资项目（是/否）', width: 6, align: 'center' },
  { title: '项目年度预算金额', width: 8, kind: 'money' },
  {
    title: '实际支出金额',
    children: [
      { title: '合计', width: 8, kind: 'money' },
      {
        title: '其中：财政拨款',
        children: [
          { title: '一般公共预算', width: 8, kind: 'money' },
          { title: '政府性基金预算（含当年政府专项债券资金）', width: 9, kind: 'money' },
        ],
      },
      { title: '非财政拨款资金', width: 7, kind: 'money' },
    ],
  },
  { title: '预算支出执行率', width: 8, kind: 'percent' },
  { title: '年初绩效目标', width: 18 },
  { title: '绩效目标整体完成情况', width: 16 },
  { title: '产出目标', children: [pair('数量指标'), pair('质量指标'), pair('时效指标')] },
  { title: '效益目标', children: [pair('经济效益指标'), pair('社会效益指标'), pair('生态效益指标')] },
  { title: '满意度指标', children: [pair('服务对象满意度指标')] },
  { title: '项目执行中存在的问题', width: 8 },
  { title: '整改情况', width: 8 },
];

const texts = (values: readonly (string | number | null)[]): Cell[] => values.map((value) => ({ value }));

/** Two projects of longgang-2019 附件2-3, amounts in 万元, rates from the amounts. */
export function f4Sample(): FormLayout {
  const body: Row[] = [
    {
      cells: texts([
        1, '区工商联', '办公设备购置', '否', 3.8, 3.79, 3.79, 0, 0, 3.79 / 3.8,
        '有效合理配备办公设备，改善工作环境，使购置的办公设备切实提高工作效率，保障工作的顺利开展。',
        '完成了本年度的办公设备及办公家具的采购工作，保障了各项工作的顺利开展',
        '电脑3台，办公桌椅1批', '100.00%',
        '设备运行稳定，保障各科室正常开展各项工作', '100.00%',
        '及时完成各科室办公设备采购需求', '100.00%',
        '保障各科室正常开展各项工作', '100.00%',
        '切实提高工作效率，保障工作的顺利开展', '100.00%',
        '', '',
        '设备使用正常，工作人员满意', '工作人员满意度100%',
        '无', '无',
      ]),
    },
    {
      cells: texts([
        2, '区工商联', '其他一般管理事务', '否', 23.44, 21.49, 21.49, 0, 0, 21.49 / 23.44,
        '满足组织当前及未来发展的需要,保证组织目标实现与成员发展的最大化。',
        '本年度完成公务接待费4批次，购买人力资源服务人员1名，法律顾问、办公及网络维护、文书档案整理、财务风险控制圆满完成',
        '公务接待费5万元，购买服务1人10.44万元，法律顾问服务费3万元，办公设备及网络维护3万元，文书档案整理3万元，财务风险控制经费3万元',
        '公务接待费完成12%，其他项目完成100%',
        '文书档案装订、分类、排列、编号、编目、装盒', '100.00%',
        '文书档案整理时间≤90天', '100.00%',
        '整理成本', '文书档案整理成本≤4.11万元。',
        '促进信息化、系统化管理', '100.00%',
        '档案信息化建设标准化', '100.00%',
        '收、管、存、用满意度', '工作人员满意度≥99%',
        '实际接待人数比预计减少，不确定因素较多', '从严从紧控制公务接待支出',
      ]),
    },
  ];
  return tableLayout({
    name: '附件2-3',
    headerLines: [
      { kind: 'formNumber', text: '附件2-3：' },
      { kind: 'title', text: '2019年度区工商联部门预算项目绩效自评情况公开表' },
      { kind: 'fields', left: '部门名称（盖章）：深圳市龙岗区工商业联合会', right: '单位：万元' },
    ],
    columns: F4_COLUMNS,
    body,
    page: { paper: 'A3', orientation: 'landscape', marginsMm: { top: 15, right: 10, bottom: 15, left: 10 } },
  });
}

const label = (value: string, extra: Partial<Cell> = {}): Cell => ({ value, bold: true, align: 'center', ...extra });

/** yubei 部门公开表17-2: label cells and value cells with merges, amounts in 元 with thousands separators. */
export function labelGridSample(): FormLayout {
  const indicators: [string, number, string, string, number, string][] = [
    ['举办党员培训合格', 20, '%', '≥', 90, '是'],
    ['建立非公党组织数量', 20, '%', '≥', 6, '是'],
    ['非公党建持续及展', 10, '%', '≥', 90, '是'],
    ['服务商会非公党建', 20, '%', '≥', 90, '是'],
    ['非公组织满意度', 10, '%', '≥', 90, '是'],
    ['经费成本', 10, '万元', '≤', 30, '否'],
    ['预算资金执行情况', 10, '%', '=', 100, '否'],
  ];
  const center = (value: string | number): Cell => ({ value, align: 'center' });
  const rows: Row[] = [
    {
      cells: [
        label('专项资金名称'),
        { value: '非公党建建设工作', colSpan: 2 },
        label('业务主管部门'),
        { value: '行政政法科', colSpan: 3 },
      ],
    },
    {
      cells: [
        label('当年预算', { rowSpan: 2 }),
        { value: 300000, kind: 'money', thousands: true, colSpan: 2, rowSpan: 2, align: 'center' },
        label('区级支出（元）'),
        { value: 300000, kind: 'money', thousands: true, colSpan: 3, align: 'center' },
      ],
    },
    { cells: [label('补助镇街（元）'), { value: null, colSpan: 3 }] },
    {
      cells: [
        label('项目概况'),
        {
          value:
            '贯彻落实区委组织部要求，抓好基层非公党组织建设工作，推动非公组织的建设发展，用于组织非公经济代表人士参加区工商联开展的各类党建活动，让非公认识紧紧团结在党的周围，推动非公经济组织成立基层党组织。',
          colSpan: 6,
        },
      ],
    },
    { cells: [label('立项依据'), { value: '渝北委〔2015〕49号、区委组织部2016便签通知', colSpan: 6 }] },
    {
      cells: [
        label('当年绩效目标'),
        {
          value:
            '完成非公党组织规范化建设，充分发挥基层党组织的领导核心和政治核心作用。非公党建规范化，党组织规范化建设，非公党建学习交流。',
          colSpan: 6,
        },
      ],
    },
    {
      cells: [
        label('绩效指标', { rowSpan: indicators.length + 1 }),
        label('指标'),
        label('指标权重'),
        label('计量单位'),
        label('指标性质'),
        label('指标值'),
        label('是否核心指标'),
      ],
    },
    ...indicators.map(
      ([name, weight, unit, dir, target, core]): Row => ({
        cells: [{ value: name }, center(weight), center(unit), center(dir), center(target), center(core)],
      }),
    ),
  ];
  return {
    name: '部门公开表17-2',
    headerLines: [
      { kind: 'formNumber', text: '部门公开表17-2' },
      { kind: 'title', text: '2024年渝北区部门一般项目绩效目标表' },
      { kind: 'fields', left: '编制单位：重庆市渝北区工商业联合会', right: '单位：元' },
    ],
    columns: [
      { width: 12 },
      { width: 20 },
      { width: 9 },
      { width: 13 },
      { width: 10 },
      { width: 10 },
      { width: 12 },
    ],
    rows,
    footerLines: [{ kind: 'text', text: '备注：本表数据为示例。' }],
    page: { paper: 'A4', orientation: 'portrait' },
  };
}

/**
 * A small form whose every text carries characters XML 1.0 forbids (U+FFFE, U+FFFF, C0 controls, lone surrogates)
 * beside ones it allows (a surrogate pair, tab, markup characters) and an Excel escape look-alike; its name begins
 * and ends with an apostrophe. `HOSTILE_SHOWN` is what a reader must see.
 */
export function hostileSample(): FormLayout {
  return {
    name: "'项目\uFFFF'",
    headerLines: [
      { kind: 'formNumber', text: '附件\uFFFE1：' },
      { kind: 'title', text: '标题\u0000\uD800' },
      { kind: 'fields', left: '编制单位：工商联\uFFFF', center: '日期\u001F', right: '单位：万元\uDC00' },
      { kind: 'text', text: '说明 _x0041_ 😀 <&>\u000B' },
    ],
    columns: [{ width: 30 }, { width: 30 }, { width: 30 }],
    rows: [
      { header: true, cells: [{ value: '名称\uFFFE' }, { value: '金额\u0001' }, { value: '目标' }] },
      { cells: [{ value: "'办公\u0008设备'" }, { value: 3.8, kind: 'money' }, { value: '第一行\uFFFF\n第二行\t完' }] },
    ],
    footerLines: [{ kind: 'text', text: '备注\uFFFF\uDBFF' }],
    page: { paper: 'A4', orientation: 'portrait' },
  };
}

export const HOSTILE_SHOWN = {
  sheet: '’项目’',
  formNumber: '附件1：',
  title: '标题',
  fields: ['编制单位：工商联', '日期', '单位：万元'],
  text: '说明 _x0041_ 😀 <&>',
  header: ['名称', '金额', '目标'],
  body: ["'办公设备'", '3.80', '第一行\n第二行\t完'],
  footer: '备注',
};
