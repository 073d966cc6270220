// The paste case of the import bench, in headless Chromium: 200 rows copied from a spreadsheet (a header row, levels
// with merged cells pasted as blanks, value texts such as "≥95%" and "大于7-8次", a 二级 the scheme lacks) pasted into
// the indicator tree of an open project, timed from the paste event to the first frame that shows the preview with all
// its rows (the first task after the next animation frame, as bench/ui-bench.ts takes a paint). The median of several
// pastes after a warm-up one; the preview is cancelled between them.
import { openApp } from '../tests/e2e/harness';

export interface PasteFigures {
  rows: number;
  medianMs: number;
  maxMs: number;
  runs: number[];
}

const LEVELS: [string, string][] = [
  ['产出指标', '数量指标'],
  ['', '质量指标'],
  ['', '时效指标'],
  ['', '成本指标'],
  ['效益指标', '社会效益指标'],
  ['', '效率指标'],
  ['满意度指标', '服务对象满意度指标'],
];
const VALUES = ['≥95%', '大于7-8次', '不少于12场', '≤5天', '100%', '持续提升', '≥240'];

/** The pasted text: a header row, then `rows` rows as a 申报表's indicator part reads when copied. */
export function pastedText(rows: number): string {
  const lines = [['一级指标', '二级指标', '三级指标', '指标值', '计量单位', '权重', '指标解释'].join('\t')];
  for (let i = 0; i < rows; i++) {
    const [l1, l2] = LEVELS[Math.floor((i * LEVELS.length) / rows)];
    const first = i === 0 || LEVELS[Math.floor(((i - 1) * LEVELS.length) / rows)][1] !== l2;
    lines.push([first ? l1 : '', first ? l2 : '', `指标${i + 1}`, VALUES[i % VALUES.length], i % 3 === 0 ? '人次' : '', String(1 + (i % 5)), `第${i + 1}项的说明`].join('\t'));
  }
  return lines.join('\r\n') + '\r\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function measurePastePreview(rows = 200, runs = 9): Promise<PasteFigures> {
  const session = await openApp();
  const { page } = session;
  try {
    await page.waitForSelector('.app');
    await page.waitForFunction('window.__perfDesk && window.__perfDesk.store.ready === true');
    await page.evaluate(`(async () => {
      const { repo, store } = window.__perfDesk;
      const unit = await repo.units.create({ name: '基准测试单位', shortName: '' });
      if (!unit.ok) throw new Error(unit.error);
      await store.reloadAll();
      await store.selectUnit(unit.value.id);
      await store.selectYear(2025);
      await store.createProject();
    })()`);
    await page.waitForSelector('#section-indicators');
    const text = pastedText(rows);
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      // a string, not a function: tsx would wrap named functions in a helper the page does not have
      const ms = (await page.evaluate(`new Promise((resolve) => {
        const rows = ${rows};
        const shown = () => document.querySelectorAll('#paste-rows tbody tr').length === rows;
        const t0 = performance.now();
        const painted = () => requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - t0);
          ch.port2.postMessage(null);
        });
        const watch = new MutationObserver(() => {
          if (!shown()) return;
          watch.disconnect();
          painted();
        });
        watch.observe(document.body, { childList: true, subtree: true });
        const data = new DataTransfer();
        data.setData('text/plain', ${JSON.stringify(text)});
        document.querySelector('#section-indicators').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      })`)) as number;
      if (i > 0) times.push(ms);
      await page.click('#paste-cancel');
      await page.waitForSelector('#paste-preview', { state: 'detached' });
    }
    if (session.errors.length) throw new Error(`page errors: ${session.errors.join(' | ')}`);
    return { rows, medianMs: median(times), maxMs: Math.max(...times), runs: times };
  } finally {
    await session.close();
  }
}

if (process.argv[1]?.endsWith('paste-bench.ts')) void measurePastePreview().then((f) => console.log(JSON.stringify(f)));
