// The export screen's line under the chosen form: what one file holds, right for the plan forms (F2, F7, F8) too.
import { formHint } from '../../../renderer/app/exchange/ExportPanel';
import { TEMPLATES } from '../../../templates/index';

test('each form says what it holds', () => {
  const forms = TEMPLATES.filter((t) => ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'].includes(t.id));
  expect(Object.fromEntries(forms.map((t) => [t.id, formHint(t)]))).toEqual({
    F1: '每个项目一张表',
    F2: '部门整体支出：范围内每个单位的部门整体支出一张表，不含项目',
    F3: '每个项目一张表',
    F4: '范围内的全部项目在一张表中',
    F5: '范围内的全部项目在一张表中',
    F6: '范围内的全部项目在一张表中',
    F7: '部门整体支出：范围内每个单位的部门整体支出一张表，不含项目',
    F8: '部门整体支出：范围内每个单位的部门整体支出一张表，不含项目',
    F9: '每个项目一张监控表；范围内有多个项目时，前面另有一张汇总表（每个项目一行，预警以文字标明）',
  });
});
