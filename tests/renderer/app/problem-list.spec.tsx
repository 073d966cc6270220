// The import dialog's list of a rejected package's problems: the first ones under the record each is in, then how
// many more the validator counted.
import { renderToStaticMarkup } from 'react-dom/server';
import { GroupedProblemList } from '../../../renderer/app/exchange/Messages';
import { parseExchange, type ExchangeRejection } from '../../../shared/exchange/exchange';

function rejectionOf(data: unknown): ExchangeRejection {
  const r = parseExchange(JSON.stringify(data));
  if (r.ok) throw new Error('expected the package to be rejected');
  return r;
}

/** The list's lines as text, record headings marked with '#'. */
function lines(html: string): string[] {
  return [...html.matchAll(/<li( class="x-problem-record")?[^>]*>(.*?)<\/li>|<p class="x-problems-more">(.*?)<\/p>/g)].map((m) =>
    m[3] !== undefined ? m[3] : `${m[1] ? '# ' : ''}${m[2]}`,
  );
}

describe('GroupedProblemList', () => {
  test('lists the first problems by project and says how many more there are', () => {
    const project = (i: number) => ({
      id: `p${i}`, unitId: 'u1', year: 2025, name: `项目${i}`, governmentInvestment: false, key: 'no', funding: null, townSubsidy: 0,
      overview: '', basis: '', annualGoal: '', periodGoal: '', indicators: [], updatedAt: '2025-01-01T00:00:00.000Z',
    });
    const r = rejectionOf({
      format: 'perf-target-desk/exchange', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', units: [], departmentPlans: [],
      projects: Array.from({ length: 150 }, (_, i) => project(i)),
    });
    const html = renderToStaticMarkup(<GroupedProblemList id="import-problems" title="标题" groups={r.groups} count={r.problemCount} />);
    const shown = lines(html);
    expect(shown.slice(0, 4)).toEqual(['# 第 1 个项目“项目0”', '/projects/0/key：应当是布尔值（是/否）', '/projects/0/funding：应当是对象', '# 第 2 个项目“项目1”']);
    expect(shown.filter((l) => l.startsWith('# '))).toHaveLength(100);
    expect(shown.filter((l) => l.startsWith('/projects/'))).toHaveLength(200);
    expect(shown[shown.length - 1]).toBe('……另有 100 处问题未列出。');
  });

  test('a broken file shows its one problem without a heading and nothing more', () => {
    const r = rejectionOf('not a package');
    const html = renderToStaticMarkup(<GroupedProblemList id="import-problems" title="标题" groups={r.groups} count={r.problemCount} />);
    expect(lines(html)).toEqual(['文件内容不是数据包：最外层应为一个 JSON 对象。']);
  });
});
