// F6 from the longgang 2023 fixture: the key projects of 第七部分.
import { exportForm } from '../../templates/export';
import { docxRows, documentXml, loadFixture, readXlsx } from './read-back';

const doc = loadFixture('longgang-2023');
const request = { data: doc, year: 2023, scope: { kind: 'unit' as const, unitId: doc.units[0].id } };

test('项目名称 / 预算数（万元）/ 绩效目标 for each key project, amounts as published', async () => {
  const r = await exportForm('F6', 'xlsx', request);
  if (!r.ok) throw new Error(r.messages.join());
  const x = await readXlsx(r.bytes);
  // the reference data does not pass as 正式版 (its projects list no indicators), so this is the marked draft
  expect(x.text(1, 1)).toBe('重点项目预算绩效情况说明（草稿）');
  expect(x.text(2, 1)).toBe('2023年，深圳市龙岗区工商业联合会重点项目绩效目标情况如下：');
  expect([1, 2, 3].map((c) => x.text(3, c))).toEqual(['项目名称', '预算数（万元）', '绩效目标']);
  const names = [4, 5, 6, 7, 8].map((r) => x.text(r, 1));
  expect(names).toEqual(['办公设备购置（通用项目）', '法律顾问服务经费（通用项目）', '工商联事务', '培训经费（通用项目）', '党建事务']);
  expect([4, 5, 6, 7, 8].map((r) => x.text(r, 2))).toEqual(['4', '3', '78', '43', '244']);
  expect(x.text(8, 3)).toMatch(/^以习近平新时代中国特色社会主义思想为指导/);
  expect(x.text(9, 1)).toBe('备注：涉密项目按要求不予公开。');
  const docx = await exportForm('F6', 'docx', request);
  if (!docx.ok) throw new Error(docx.messages.join());
  expect(docxRows(await documentXml(docx.bytes)).map((row) => row[1])).toEqual(['预算数（万元）', '4', '3', '78', '43', '244']);
});
