// Exports every form F1–F10 in both formats from the reference fixtures into docs/forms/, then renders each file to
// PNG pages with ../shared/tools/render-office.sh so the printed forms can be compared with the published ones.
//   npx tsx scripts/render-forms.ts [--no-render] [--only F4]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseExchange, type ExchangeDocument } from '../shared/exchange/exchange';
import { exportForm, type ExportFormat } from '../templates/export';
import type { FormRequest } from '../templates/template';
import { planYearEnd } from '../tests/fixtures/longgang-2023-year-end';
import { assessedSample } from '../tests/fixtures/yubei-2024-assessed';

const root = join(__dirname, '..');
const out = join(root, 'docs', 'forms');

function fixture(name: string): ExchangeDocument {
  const r = parseExchange(readFileSync(join(root, 'tests', 'fixtures', `${name}.json`)));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.document;
}

const lg2019 = fixture('longgang-2019');
const lg2023 = fixture('longgang-2023');
const yubei = fixture('yubei-2024');
const huadu = fixture('huadu');
const monitoring = fixture('monitoring-2025');
const review = fixture('review-2025');
const assessed = assessedSample(yubei.projects[0]);

const samples: { form: string; request: FormRequest }[] = [
  { form: 'F1', request: { data: yubei, year: 2024, scope: { kind: 'projects', projectIds: [yubei.projects[0].id] }, formNumber: '部门公开表17-1' } },
  { form: 'F2', request: { data: lg2023, year: 2023, scope: { kind: 'unit', unitId: lg2023.units[0].id }, formNumber: '表12' } },
  { form: 'F3', request: { data: { ...yubei, projects: [assessed] }, year: 2024, scope: { kind: 'projects', projectIds: [assessed.id] }, final: true } },
  { form: 'F4', request: { data: lg2019, year: 2019, scope: { kind: 'unit', unitId: lg2019.units[0].id } } },
  { form: 'F5', request: { data: huadu, year: 2021, scope: { kind: 'supervisor', unitId: huadu.units.find((u) => u.parentId === null)!.id } } },
  { form: 'F6', request: { data: lg2023, year: 2023, scope: { kind: 'unit', unitId: lg2023.units[0].id } } },
  { form: 'F7', request: { data: yubei, year: 2024, scope: { kind: 'unit', unitId: yubei.units[0].id }, formNumber: '表十五' } },
  // a draft (its projects do not pass the checks), so the sample shows the 草稿 mark
  { form: 'F8', request: { data: { ...lg2023, departmentPlans: lg2023.departmentPlans.map(planYearEnd) }, year: 2023, scope: { kind: 'unit', unitId: lg2023.units[0].id } } },
  // made-up monitoring rounds (every red light answered, so the 正式版): the supervisor's summary, then each project
  { form: 'F9', request: { data: monitoring, year: 2025, scope: { kind: 'supervisor', unitId: 'mon-sup' }, final: true } },
  // made-up review rounds: the 良 project, with an opinion answered and one still open
  { form: 'F10', request: { data: review, year: 2025, scope: { kind: 'projects', projectIds: ['rv-p2'] }, final: true } },
];

async function main() {
  mkdirSync(out, { recursive: true });
  const render = !process.argv.includes('--no-render');
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  for (const { form, request } of samples.filter((s) => !only || s.form === only)) {
    // the pages of the previous render go only when new ones are made
    if (render) for (const old of readdirSync(out).filter((n) => n.startsWith(`${form}-`) && n.endsWith('.png'))) rmSync(join(out, old));
    for (const format of ['xlsx', 'docx'] as ExportFormat[]) {
      const r = await exportForm(form, format, request);
      if (!r.ok) throw new Error(`${form}: ${r.messages.join()}`);
      const file = join(out, `${form}.${format}`);
      writeFileSync(file, r.bytes);
      if (!render) continue;
      const tmp = join(out, `.render-${form}-${format}`);
      rmSync(tmp, { recursive: true, force: true });
      execFileSync('bash', [join(root, '..', 'shared', 'tools', 'render-office.sh'), file, tmp, '60'], { stdio: 'pipe' });
      // keep the PNG pages as F4-xlsx-1.png …, drop the intermediate PDF
      for (let page = 1; ; page++) {
        const candidates = [`${form}-${page}.png`, `${form}-0${page}.png`, `${form}-00${page}.png`].map((n) => join(tmp, n));
        const found = candidates.find((p) => existsSync(p));
        if (!found) break;
        renameSync(found, join(out, `${form}-${format}-${page}.png`));
      }
      rmSync(tmp, { recursive: true, force: true });
      console.log(`${form}.${format} rendered`);
    }
  }
}

void main();
