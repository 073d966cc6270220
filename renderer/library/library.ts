// The indicator library: 三级 indicators to start from, for the 二级 being filled in. Two sources: the indicators of the
// reference documents (reference-indicators.json, taken from tests/fixtures) and the unit's own earlier projects.
// Ranked by the words a candidate shares with the project name, rarer words in the library weighing more; Chinese has
// no spaces, so "words" are character pairs.
import type { Id, Indicator } from '../../shared/model';
import referenceData from './reference-indicators.json';

/** The parts of an indicator a suggestion fills in (targetText: the target as the source document wrote it). */
type SuggestedIndicator = Pick<Indicator, 'level1' | 'level2' | 'name' | 'direction' | 'target' | 'targetMax' | 'unit' | 'targetText'>;

export interface LibraryEntry extends SuggestedIndicator {
  origin: 'reference' | 'own';
  /** the document (参考) or the year (本单位) it comes from */
  source: string;
  projectName: string;
  /** the project it was taken from, for 本单位 entries */
  projectId?: Id;
}

export interface Suggestion {
  entry: LibraryEntry;
  /** the weights (see Library.weights) of the words shared with the project name, each of its characters counted once */
  score: number;
}

type ReferenceRecord = SuggestedIndicator & Pick<LibraryEntry, 'source' | 'projectName'>;

export const REFERENCE_ENTRIES: readonly LibraryEntry[] = (referenceData as ReferenceRecord[]).map((r) => ({ ...r, origin: 'reference' }));

const NOISE = /[\s\p{P}\p{S}]+/u;
const CJK = /\p{Script=Han}/u;

/**
 * The words of a text in order, as runs: each run of Chinese characters gives its pairs of adjacent characters (法律服务 →
 * 法律, 律服, 服务: neighbours share a character), each run of letters or digits is one word on its own.
 */
export function wordRunsOf(text: string): string[][] {
  const runs: string[][] = [];
  for (const chunk of text.split(NOISE)) {
    let run = '';
    const flush = () => {
      if (run.length >= 2) {
        const pairs: string[] = [];
        for (let i = 0; i + 1 < run.length; i++) pairs.push(run.slice(i, i + 2));
        runs.push(pairs);
      }
      run = '';
    };
    let latin = '';
    for (const ch of chunk) {
      if (CJK.test(ch)) {
        if (latin) runs.push([latin.toLowerCase()]);
        latin = '';
        run += ch;
      } else {
        flush();
        latin += ch;
      }
    }
    flush();
    if (latin) runs.push([latin.toLowerCase()]);
  }
  return runs;
}

/** The words of a text: pairs of adjacent Chinese characters, and whole runs of letters or digits. */
export function wordsOf(text: string): Set<string> {
  return new Set(wordRunsOf(text).flat());
}

const collator = new Intl.Collator('zh-Hans-CN');

/** Words of an entry, worked out once: a unit's own library can hold thousands of entries. */
const entryWords = new WeakMap<LibraryEntry, Set<string>>();
function wordsOfEntry(entry: LibraryEntry): Set<string> {
  let words = entryWords.get(entry);
  if (!words) {
    words = wordsOf(`${entry.projectName} ${entry.name}`);
    entryWords.set(entry, words);
  }
  return words;
}

/**
 * The entries with what ranking needs, worked out once per set of entries rather than on every keystroke of the
 * project name: the entries of each 二级 (in the given order), and the weight of each word.
 */
export interface Library {
  readonly byLevel2: ReadonlyMap<string, readonly LibraryEntry[]>;
  /**
   * weight(w) = ln(N / df(w)): N entries, df(w) of them have w in the text they are matched on (project name and
   * indicator name). A word many entries have (项目, 经费 once a unit has its own …项目) says little and weighs
   * little, one in every entry weighs 0: no list of common words to keep, and it follows the unit's own projects.
   */
  readonly weights: ReadonlyMap<string, number>;
}

export function buildLibrary(entries: readonly LibraryEntry[]): Library {
  const byLevel2 = new Map<string, LibraryEntry[]>();
  const df = new Map<string, number>();
  for (const entry of entries) {
    const list = byLevel2.get(entry.level2);
    if (list) list.push(entry);
    else byLevel2.set(entry.level2, [entry]);
    for (const w of wordsOfEntry(entry)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [w, n] of df) weights.set(w, Math.log(entries.length / n));
  return { byLevel2, weights };
}

/**
 * The words budget documents end project names with ("…项目", "…工作经费", "…专项资金"): they name no topic, yet the
 * reference indicators rarely contain them, so by rarity alone "项目" would outweigh "培训" in "会员企业培训项目". They
 * are cut out of the project name before its words are taken (as breaks, so "服务项目" leaves no pair "务项" either).
 */
const GENERIC_WORDS = /项目|经费|资金|专项|工作|支出/g;

/**
 * Candidates for one 二级, best first: the greatest weight of words shared with the project name (a candidate speaks
 * through its own name and the name of the project it came from); on a tie the unit's own indicators first, then by
 * name. One entry per indicator name. Costs one pass over the 二级's entries, a set lookup per word of the project name.
 */
export function rankSuggestions(
  library: Library,
  level2: string,
  projectName: string,
  options: { excludeProjectId?: Id; excludeNames?: readonly string[]; limit?: number } = {},
): Suggestion[] {
  // each word of the project name with its weight, looked up once here rather than once per entry; a word the name
  // repeats counts once
  const counted = new Set<string>();
  const runs: [string, number][][] = [];
  for (const run of wordRunsOf(projectName.replace(GENERIC_WORDS, ' '))) {
    const weighted = run.map((w): [string, number] => {
      const first = !counted.has(w);
      counted.add(w);
      return [w, first ? (library.weights.get(w) ?? 0) : 0];
    });
    if (weighted.some(([, weight]) => weight > 0)) runs.push(weighted);
  }
  const exclude = new Set((options.excludeNames ?? []).map((n) => n.trim()));
  const scored: Suggestion[] = [];
  for (const entry of library.byLevel2.get(level2) ?? []) {
    if (options.excludeProjectId && entry.projectId === options.excludeProjectId) continue;
    if (exclude.has(entry.name)) continue;
    const words = wordsOfEntry(entry);
    let score = 0;
    for (const run of runs) {
      // Pairs next to each other share a character, so a phrase in common (服务项目: 服务, 务项, 项目) would count its
      // middle too, and that pair across two words is rarer, so weighs more, than either word. Count each character of
      // the project name at most once: the best set of shared pairs no two of which touch (a running maximum along
      // the run). Same shared words, same sums in the same order: equal scores stay exactly equal.
      let before = 0;
      let best = 0;
      for (const [w, weight] of run) {
        const next = words.has(w) ? Math.max(best, before + weight) : best;
        before = best;
        best = next;
      }
      score += best;
    }
    scored.push({ entry, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (a.entry.origin === b.entry.origin ? 0 : a.entry.origin === 'own' ? -1 : 1) ||
      collator.compare(a.entry.name, b.entry.name),
  );
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const s of scored) {
    if (seen.has(s.entry.name)) continue;
    seen.add(s.entry.name);
    out.push(s);
    if (out.length >= (options.limit ?? 12)) break;
  }
  return out;
}

/** Library entries from a unit's own projects. */
export function entriesFromProject(project: { id: Id; name: string; year: number; indicators: readonly Indicator[] }): LibraryEntry[] {
  return project.indicators
    .filter((i) => i.name.trim() !== '')
    .map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name.trim(),
      direction: i.direction,
      target: i.target,
      ...(i.targetMax !== undefined ? { targetMax: i.targetMax } : {}),
      unit: i.unit,
      ...(i.targetText ? { targetText: i.targetText } : {}),
      origin: 'own' as const,
      source: `${project.year}年度`,
      projectName: project.name,
      projectId: project.id,
    }));
}
