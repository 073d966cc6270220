// The indicator library's part of `npm run bench` (`npm run bench -- library`):
//   - in Node, over the whole library (every sector placed in scheme A, plus a unit's history of 3,000 indicators):
//     placing the sector files and building the index with the first ranking (what the panel does when it opens),
//     working out every entry's search keys once (pinyin), and one search per keystroke (median and max);
//   - in headless Chromium, the app itself with such a unit: opening the library panel (a project opened in the
//     editor: from the click until the panel shows the unit's sector, i.e. the library chunk is loaded and rendered,
//     less the same opening once the library is loaded), the first suggestions for a row (click on its name until
//     they are painted), and keystroke to paint in the search box.
// "Paint" is the first task after the next animation frame, as in ui-bench.ts.
import type { Page } from 'playwright-core';
import type { Indicator, Project, Unit } from '../shared/model';
import { SCHEME_A } from '../shared/schemes';
import { openApp } from '../tests/e2e/harness';
import { markdownTable, recordResults } from './results';

const GOALS = { keystroke: 30, open: 100 } as const;
const YEAR = 2025;
const UNIT_ID = 'library-bench-unit';
/** the keys typed into the search box: pinyin initials and full pinyin, narrowing and widening */
const KEYS = ['m', 'y', 'd', 'Backspace', 'Backspace', 'Backspace', 'x', 's', 'Backspace', 'Backspace', 'a', 'n', 'q', 'u', 'a', 'n', ...Array(6).fill('Backspace')];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** An education unit with 200 projects of 15 indicators (names taken from the library, so words and pinyin are real). */
async function dataset(): Promise<{ units: Unit[]; projects: Project[]; departmentPlans: [] }> {
  const { sectorEntries } = await import('../renderer/library/catalog');
  const names = sectorEntries(SCHEME_A);
  const now = new Date().toISOString();
  const unit: Unit = { id: UNIT_ID, name: '指标库基准测试教育局', parentId: null, schemeId: SCHEME_A.id, sector: 'education', updatedAt: now };
  const projects = Array.from({ length: 200 }, (_, p): Project => ({
    id: `lb-p${p}`,
    unitId: unit.id,
    year: p < 100 ? YEAR - 1 : YEAR,
    name: `${['校园安全', '教师培训', '学生资助', '智慧校园', '校舍维修'][p % 5]}项目${String(p).padStart(3, '0')}`,
    governmentInvestment: false,
    key: false,
    funding: { generalPublic: 1_000_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, other: 0 },
    townSubsidy: 0,
    overview: '',
    basis: '',
    annualGoal: '',
    periodGoal: '',
    indicators: Array.from({ length: 15 }, (_, k): Indicator => {
      const e = names[(p * 15 + k) % names.length];
      return { id: `lb-p${p}-i${k}`, level1: e.level1, level2: e.level2, name: e.name, direction: e.direction, target: e.target, unit: e.unit, weight: null, core: false };
    }),
    updatedAt: now,
  }));
  return { units: [unit], projects, departmentPlans: [] };
}

interface NodeFigures {
  entries: number;
  openMs: number;
  dictionaryMs: number;
  keysMs: number;
  searchMedianMs: number;
  searchMaxMs: number;
}

async function nodeBench(history: Project[]): Promise<NodeFigures> {
  const catalog = await import('../renderer/library/catalog');
  const { buildLibrary, entriesFromProject, rankSuggestions, searchLibrary, warmSearchKeys } = await import('../renderer/library/library');
  const own = history.flatMap((p) => entriesFromProject(p));
  const t0 = performance.now();
  const library = buildLibrary([...own, ...catalog.sectorEntries(SCHEME_A)]);
  const context = { projectName: '校园安全设施改造', goal: '完成辖区中小学校园安全防护设施改造', unitSector: 'education', namedSectors: catalog.sectorsNamedIn('校园安全设施改造') };
  rankSuggestions(library, '11', context);
  const openMs = performance.now() - t0;
  // pinyin-pro builds its dictionary once, at its first use (in the browser it asks for idle time right after loading)
  const t1 = performance.now();
  catalog.pinyinOf(['预热']);
  const dictionaryMs = performance.now() - t1;
  const t2 = performance.now();
  warmSearchKeys(library, catalog.pinyinOf);
  const keysMs = performance.now() - t2;
  const queries = ['m', 'my', 'myd', 'my', 'm', '', 'x', 'xs', 'x', '', 'a', 'an', 'anq', 'anqu', 'anqua', 'anquan', '满', '满意', '安全', '校园 安全'];
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of queries) {
      const t = performance.now();
      searchLibrary(library, q, catalog.pinyinOf, context, { level2: '11' });
      times.push(performance.now() - t);
    }
  }
  return { entries: library.entries.length, openMs, dictionaryMs, keysMs, searchMedianMs: median(times), searchMaxMs: Math.max(...times) };
}

/** Marks the next keydown and, after the following frame, the paint; returns the duration (see ui-bench.ts). */
async function typeAndMeasure(page: Page, key: string, label: string): Promise<number> {
  await page.evaluate(`(() => {
    const label = ${JSON.stringify(label)};
    function onKey() {
      document.removeEventListener('keydown', onKey, true);
      performance.mark(label + '-key');
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          performance.mark(label + '-paint');
          performance.measure(label, label + '-key', label + '-paint');
        };
        ch.port2.postMessage(null);
      });
    }
    document.addEventListener('keydown', onKey, true);
  })()`);
  await page.keyboard.down(key);
  await page.waitForFunction((label) => performance.getEntriesByName(label, 'measure').length > 0, label);
  await page.keyboard.up(key);
  return page.evaluate((label) => performance.getEntriesByName(label, 'measure')[0].duration, label);
}

/** Clicks the element and waits (polling from outside, as ui-bench does) until `ready` holds; returns the ms between. */
async function clickUntil(page: Page, selector: string, ready: (arg: string) => boolean, arg: string): Promise<number> {
  await page.evaluate(`(() => { window.__benchT0 = 0; document.addEventListener('click', () => { window.__benchT0 = performance.now(); }, { capture: true, once: true }); })()`);
  await page.click(selector);
  await page.waitForFunction(ready, arg, { polling: 'raf' });
  // the frame that shows it: the first task after the next animation frame
  return (await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now() - window.__benchT0); ch.port2.postMessage(null); }))`)) as number;
}

interface BrowserFigures {
  openWithLibraryMs: number;
  openWithoutMs: number;
  /** the first row clicked after opening: the index of the unit's history and the library is built then */
  firstSuggestionsMs: number;
  /** later rows, median */
  suggestionsMs: number;
  keystrokeMedianMs: number;
  keystrokeMaxMs: number;
  errors: string[];
}

async function browserBench(data: Awaited<ReturnType<typeof dataset>>): Promise<BrowserFigures> {
  const session = await openApp();
  const { page } = session;
  try {
    await page.waitForSelector('.app');
    const seeded = await page.evaluate(async (data) => {
      const hook = (window as unknown as { __perfDesk: { repo: { exchange: { importRecords(d: unknown): Promise<{ ok: boolean; error?: string }> }; settings: { set(k: string, v: unknown): Promise<void> } } } }).__perfDesk;
      const result = await hook.repo.exchange.importRecords(data);
      await hook.repo.settings.set('ui.unitId', 'library-bench-unit');
      await hook.repo.settings.set('ui.year', 2025);
      await hook.repo.settings.set('ui.selection', null);
      return result.ok ? 'ok' : result.error;
    }, data as unknown as Record<string, unknown>);
    if (seeded !== 'ok') throw new Error(`seeding failed: ${seeded}`);
    const open = async (name: string) => {
      await page.fill('#project-search', name);
      return clickUntil(
        page,
        `#project-rows li .row-open:has-text("${name}")`,
        (n) =>
          (document.querySelector('#project-name') as HTMLInputElement | null)?.value === n &&
          document.querySelector('#library-panel .library-sector')?.textContent === '本单位行业：教育',
        name,
      );
    };
    const withLibrary: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < 5; i++) {
      // a fresh page each time (the bundle from the cache): the first opening loads the library's chunk
      await page.goto('about:blank');
      await page.goto(session.url);
      await page.waitForSelector('#project-rows li');
      withLibrary.push(await open('校园安全项目100'));
      without.push(await open('教师培训项目101'));
    }
    // the first suggestions for a row: its unit's history (3,000 indicators) and the whole library ranked
    const firsts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.locator('#section-indicators').scrollIntoViewIfNeeded();
      // rows of different 二级, so each click changes the list
      const row = `tr.indicator-row >> nth=${i * 3} >> input[id$="-name"]`;
      const before = await page.locator('#library-results').innerHTML();
      firsts.push(
        await clickUntil(page, row, (b) => document.querySelectorAll('#library-results button').length > 0 && document.querySelector('#library-results')!.innerHTML !== b, before),
      );
    }
    await page.focus('#library-search');
    await page.waitForTimeout(500); // the search keys are worked out in slices once the box has the focus
    const keys: number[] = [];
    for (const [k, key] of KEYS.entries()) {
      keys.push(await typeAndMeasure(page, key, `lib-key-${k}`));
      await page.waitForTimeout(20 + (k % 7) * 2.4);
    }
    return {
      openWithLibraryMs: median(withLibrary),
      openWithoutMs: median(without),
      firstSuggestionsMs: firsts[0],
      suggestionsMs: median(firsts.slice(1)),
      keystrokeMedianMs: median(keys),
      keystrokeMaxMs: Math.max(...keys),
      errors: session.errors,
    };
  } finally {
    await session.close();
  }
}

export async function runLibraryBench(): Promise<void> {
  const data = await dataset();
  const node = await nodeBench(data.projects);
  const browser = await browserBench(data);
  const panel = browser.openWithLibraryMs - browser.openWithoutMs;
  const verdict = (v: number, goal: number) => (v < goal ? `ok (goal: under ${goal} ms)` : `NOT under the goal of ${goal} ms`);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const rows = [
    ['Chromium: opening the library panel (opening a project the first time, less opening one once the library is loaded)', ms(panel), `${ms(browser.openWithLibraryMs)} − ${ms(browser.openWithoutMs)} (medians of 5 fresh pages)`, verdict(panel, GOALS.open)],
    ['Chromium: suggestions for the first row clicked after opening (click to paint; the index is built then)', ms(browser.firstSuggestionsMs), '', verdict(browser.firstSuggestionsMs, GOALS.open)],
    ['Chromium: suggestions for another row (click to paint)', ms(browser.suggestionsMs), 'median of 4 rows', ''],
    ['Chromium: search box, keystroke to paint', ms(browser.keystrokeMedianMs), `max ${ms(browser.keystrokeMaxMs)}; ${KEYS.length} keys`, verdict(browser.keystrokeMedianMs, GOALS.keystroke)],
    [`Node: index of ${node.entries.toLocaleString('en')} entries and the first ranking`, ms(node.openMs), '', ''],
    ["Node: pinyin-pro's dictionary, built once", ms(node.dictionaryMs), 'in the browser in idle time after the library loads', ''],
    ['Node: search keys (pinyin) of every entry, once', ms(node.keysMs), 'in slices while the search box has the focus', ''],
    ['Node: one search over the whole library', ms(node.searchMedianMs), `max ${ms(node.searchMaxMs)}; ${10 * 20} searches`, verdict(node.searchMedianMs, GOALS.keystroke)],
  ];
  console.log('Indicator library (an education unit with 200 projects × 15 indicators, the whole sector library):');
  for (const [what, figure, detail, goal] of rows) console.log(`  ${figure.padStart(9)}  ${what}${detail ? ` [${detail}]` : ''}${goal ? `  ${goal}` : ''}`);
  if (browser.errors.length) console.log(`  page errors: ${browser.errors.join(' | ')}`);
  recordResults(
    'library',
    `${markdownTable(['measure', 'figure', 'detail', 'goal'], rows)}\n\nAn education unit with 200 projects × 15 indicators; the sector library of ${node.entries - data.projects.length * 15} indicators.${browser.errors.length ? ` Page errors: ${browser.errors.join('; ')}` : ''}`,
    { title: 'Indicator library' },
  );
}

if (process.argv[1]?.endsWith('library-bench.ts')) void runLibraryBench();
