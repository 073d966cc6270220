// Headless form export for supervisors' batch work and for checking:
//   npm run export -- --in DATA.json --form F4 --format xlsx --out OUT.xlsx [--year 2019] [--unit ID|名称] [--scope unit|supervisor] [--final]
// Bad input gets a Chinese message and a non-zero exit; the output file is written whole or not at all.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseExchange, type ExchangeDocument } from '../shared/exchange/exchange';
import { exportForm, type ExportFormat } from '../templates/export';
import type { FormScope } from '../templates/template';

const usage = '用法：npm run export -- --in 数据包.json --form F1…F7 --format xlsx|docx --out 输出文件 [--year 年度] [--unit 单位编号或名称] [--scope unit|supervisor] [--final 正式版：有错误时不导出]';

function fail(message: string): never {
  process.stderr.write(`导出失败：${message}\n`);
  process.exit(1);
}

function pickScope(doc: ExchangeDocument, unitArg: string | undefined, scopeArg: string | undefined): FormScope {
  if (scopeArg !== undefined && scopeArg !== 'unit' && scopeArg !== 'supervisor') fail(`--scope 只能是 unit 或 supervisor，收到“${scopeArg}”。`);
  if (unitArg === undefined) {
    const roots = doc.units.filter((u) => u.parentId === null || !doc.units.some((p) => p.id === u.parentId));
    if (roots.length !== 1) fail(`数据包中有 ${roots.length} 个顶层单位，请用 --unit 指定一个。`);
    return { kind: (scopeArg as 'unit' | 'supervisor' | undefined) ?? 'supervisor', unitId: roots[0].id };
  }
  const unit = doc.units.find((u) => u.id === unitArg || u.name === unitArg || u.shortName === unitArg);
  if (!unit) fail(`数据包中没有单位“${unitArg}”。`);
  return { kind: (scopeArg as 'unit' | 'supervisor' | undefined) ?? 'unit', unitId: unit.id };
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        in: { type: 'string' }, form: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
        year: { type: 'string' }, unit: { type: 'string' }, scope: { type: 'string' }, final: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    fail(`${(e as Error).message}\n${usage}`);
  }
  if (!args.in || !args.form || !args.format || !args.out) fail(`缺少参数。\n${usage}`);
  if (args.format !== 'xlsx' && args.format !== 'docx') fail(`--format 只能是 xlsx 或 docx，收到“${args.format}”。`);
  if (!existsSync(args.in)) fail(`找不到数据包文件“${args.in}”。`);
  const parsed = parseExchange(readFileSync(args.in));
  if (!parsed.ok) fail(`数据包“${args.in}”有 ${parsed.problems.length} 处问题：\n${parsed.problems.map((p) => `  - ${p.message}`).join('\n')}`);
  const doc = parsed.document;
  const years = [...doc.projects.map((p) => p.year), ...doc.departmentPlans.map((p) => p.year)];
  const year = args.year !== undefined ? Number(args.year) : Math.max(...years);
  if (!Number.isInteger(year)) fail(args.year !== undefined ? `年度“${args.year}”无效。` : '数据包中没有任何项目或部门整体支出，无法确定年度。');
  const result = await exportForm(args.form, args.format as ExportFormat, { data: doc, year, scope: pickScope(doc, args.unit, args.scope), final: args.final === true });
  if (!result.ok) fail(result.messages.join('\n'));
  // write beside the target, then rename: a reader never sees a half-written file
  const tmp = join(dirname(args.out), `.${basename(args.out)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, result.bytes);
    renameSync(tmp, args.out);
  } catch (e) {
    rmSync(tmp, { force: true });
    fail(`无法写入“${args.out}”：${(e as Error).message}`);
  }
  process.stdout.write(`已导出 ${args.out}（${result.fileName}，${result.bytes.length} 字节）\n`);
}

void main();
