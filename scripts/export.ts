// Headless form export for supervisors' batch work and for checking:
//   npm run export -- --in DATA.json --form F4 --format xlsx --out OUT.xlsx [--year 2019] [--unit ID|名称] [--scope unit|supervisor] [--final]
//   [--month 1–12: F9's monitoring round of that month; without it each project's latest]
// Without --final the form is a draft (草稿 in every title line), as in the app: a package passing validation is not
// yet a form someone has decided to publish. --final prints the 正式版, refused while the data has errors.
// Every failure is one Chinese message on stderr and a non-zero exit, never a stack trace; the output file is written
// whole (synced to disk, then renamed into place) or not at all, and no temporary file is left behind.
import { parseExchange, type ExchangeDocument } from '../shared/exchange/exchange';
import { exportForm, type ExportFormat } from '../templates/export';
import { templateMessages } from '../templates/template-messages';
import type { FormScope } from '../templates/template';
import { fail, listed, parseCliArgs, readRegularFile, runCli, writeWhole } from './cli-kit';
import { exportCliMessages as m } from './export-messages';

/** The largest package read: a city's package is tens of MiB; anything larger is not one, and is not read whole. */
const MAX_INPUT_MIB = 256;
const MAX_INPUT_BYTES = MAX_INPUT_MIB * 1024 * 1024;

function pickScope(doc: ExchangeDocument, unitArg: string | undefined, scopeArg: string | undefined): FormScope {
  if (scopeArg !== undefined && scopeArg !== 'unit' && scopeArg !== 'supervisor') fail(m.badScope(scopeArg));
  const kind = scopeArg as 'unit' | 'supervisor' | undefined;
  if (unitArg === undefined) {
    const ids = new Set(doc.units.map((u) => u.id));
    const roots = doc.units.filter((u) => u.parentId === null || !ids.has(u.parentId));
    if (roots.length !== 1) fail(m.rootCount(roots.length));
    return { kind: kind ?? 'supervisor', unitId: roots[0].id };
  }
  const unit = doc.units.find((u) => u.id === unitArg || u.name === unitArg || u.shortName === unitArg);
  if (!unit) fail(m.unknownUnit(unitArg));
  return { kind: kind ?? 'unit', unitId: unit.id };
}

/** The latest year of any project or plan, by a loop: a city's package has more records than a spread's arguments. */
function latestYear(doc: ExchangeDocument): number | undefined {
  let latest: number | undefined;
  for (const r of doc.projects) if (latest === undefined || r.year > latest) latest = r.year;
  for (const r of doc.departmentPlans) if (latest === undefined || r.year > latest) latest = r.year;
  return latest;
}

/** The package's bytes: a regular file only, never more than MAX_INPUT_BYTES of it. */
function readPackage(path: string): Uint8Array {
  return readRegularFile(path, MAX_INPUT_BYTES, {
    missing: m.inputMissing,
    unreadable: m.inputUnreadable,
    isDirectory: m.inputIsDirectory,
    notFile: m.inputNotFile,
    tooLarge: (p) => m.inputTooLarge(p, MAX_INPUT_MIB),
  });
}

async function main(): Promise<void> {
  const args = parseCliArgs(
    {
      in: { type: 'string' }, form: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
      year: { type: 'string' }, unit: { type: 'string' }, scope: { type: 'string' }, final: { type: 'boolean' }, month: { type: 'string' },
    },
    m.usage,
  );
  if (!args.in || !args.form || !args.format || !args.out) fail(`${m.missingArguments}\n${m.usage}`);
  if (args.format !== 'xlsx' && args.format !== 'docx') fail(m.badFormat(args.format));
  let month: number | undefined;
  if (args.month !== undefined) {
    if (args.form.toUpperCase() !== 'F9') fail(m.monthNotF9);
    month = Number(args.month.trim());
    if (!/^\d{1,2}$/.test(args.month.trim()) || month < 1 || month > 12) fail(m.badMonth(args.month));
  }
  const parsed = parseExchange(readPackage(args.in));
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => p.message);
    fail(listed(m.packageProblems(args.in, parsed.problemCount), problems, (n) => m.item(templateMessages.moreProblems(n)), parsed.problemCount).join('\n'));
  }
  const doc = parsed.document;
  let year: number;
  if (args.year !== undefined) {
    year = Number(args.year);
    if (!/^\d{1,4}$/.test(args.year.trim()) || !Number.isInteger(year)) fail(m.badYear(args.year));
  } else {
    year = latestYear(doc) ?? fail(m.noYear);
  }
  const result = await exportForm(args.form, args.format as ExportFormat, { data: doc, year, scope: pickScope(doc, args.unit, args.scope), final: args.final === true, ...(month !== undefined ? { month } : {}) });
  // exportForm lists at most MESSAGE_LIST_MAX problems already
  if (!result.ok) fail(result.messages.join('\n'));
  writeWhole(args.out, result.bytes, m.outputIsDirectory);
  process.stdout.write(`${m.exported(args.out, result.fileName, result.bytes.length)}\n`);
}

runCli(main, m.failed);
