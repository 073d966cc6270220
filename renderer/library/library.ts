// The indicator library: 三级 indicators to start from. Three sources: the sector library (shared/library, one file per
// sector, the 工商联 reference documents among them), the unit's own earlier projects, and the entries a supervisor
// handed down in a package (the unit's own library too). Suggestions for a 二级 are ranked by the unit's own history
// first, then by the words a candidate shares with the project's name and goal (rarer words weigh more; Chinese has no
// spaces, so "words" are character pairs), then the unit's sector and the sectors the project's name speaks of. The
// search box matches names, explanations and sector labels, in Chinese or in pinyin (initials or full).
import type { Id, Indicator } from '../../shared/model';
import type { PlacedIndicator } from '../../shared/library';

/** The parts of an indicator a suggestion fills in (targetText: the target as the source document wrote it). */
type SuggestedIndicator = Pick<Indicator, 'level1' | 'level2' | 'name' | 'direction' | 'target' | 'targetMax' | 'unit' | 'targetText' | 'explanation'>;

/** sector: the sector library; own: the unit's earlier projects; shared: handed down in a package. */
export type EntryOrigin = 'sector' | 'own' | 'shared';

export interface LibraryEntry extends SuggestedIndicator {
  origin: EntryOrigin;
  /** the document (行业库), the year (本单位) or the package (下发) it comes from */
  source: string;
  /** the project it was used in, '' when none */
  projectName: string;
  /** the project it was taken from, for 本单位 entries */
  projectId?: Id;
  sector?: string;
  sectorLabel?: string;
  core?: boolean;
}

export interface Suggestion {
  entry: LibraryEntry;
  /** what ranked it (see rankSuggestions): shared words, sector bonuses */
  score: number;
}

/** Whether an entry belongs to the unit's own library: indicators it used, and those its supervisor handed down. */
export function isOwn(entry: LibraryEntry): boolean {
  return entry.origin !== 'sector';
}

export function entryFromSector(p: PlacedIndicator): LibraryEntry {
  return {
    level1: p.level1,
    level2: p.level2,
    name: p.name,
    direction: p.direction,
    target: p.target,
    ...(p.targetMax !== undefined ? { targetMax: p.targetMax } : {}),
    unit: p.unit,
    ...(p.targetText !== undefined ? { targetText: p.targetText } : {}),
    ...(p.explanation !== undefined ? { explanation: p.explanation } : {}),
    origin: 'sector',
    source: p.source,
    projectName: p.projectName ?? '',
    sector: p.sector,
    sectorLabel: p.sectorLabel,
    core: p.core,
  };
}

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
 * project name: all entries, the entries of each 二级 (in the given order), and the weight of each word.
 */
export interface Library {
  readonly entries: readonly LibraryEntry[];
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
  return { entries, byLevel2, weights };
}

/**
 * The words budget documents end project names with ("…项目", "…工作经费", "…专项资金"): they name no topic, yet the
 * library rarely contains them, so by rarity alone "项目" would outweigh "培训" in "会员企业培训项目". They are cut out
 * of the project name before its words are taken (as breaks, so "服务项目" leaves no pair "务项" either).
 */
const GENERIC_WORDS = /项目|经费|资金|专项|工作|支出/g;

/** What a project tells the ranking about itself. */
export interface RankContext {
  projectName: string;
  /** 年度绩效目标 (or a plan's overall goal): its words count, less than the name's */
  goal?: string;
  /** the unit's sector (Unit.sector) */
  unitSector?: string;
  /** sectors whose keywords occur in the project's name (shared/library sectorsNamedIn) */
  namedSectors?: readonly string[];
}

/**
 * The weights of the bonuses beside the shared words, which typically weigh 2–6 each (ln(N / df) over a library of
 * ~1,400 entries). The unit's sector counts about as much as one fairly rare word in common; a sector the project's
 * name speaks of, a little less; a 核心指标 breaks ties.
 */
export const RANK_WEIGHTS = { goal: 0.5, unitSector: 3, namedSector: 2, core: 0.25 } as const;

/** How many of the unit's own entries lead the list before the rest are ranked together (see rankSuggestions). */
export const OWN_FIRST = 5;

type WeightedRun = [string, number][];

/** The project's words, each with its weight, looked up once per ranking rather than once per entry. */
function weightedRuns(text: string, library: Library, counted: Set<string>, factor: number): WeightedRun[] {
  const runs: WeightedRun[] = [];
  for (const run of wordRunsOf(text.replace(GENERIC_WORDS, ' '))) {
    // a word the texts repeat counts once
    const weighted = run.map((w): [string, number] => {
      const first = !counted.has(w);
      counted.add(w);
      return [w, first ? (library.weights.get(w) ?? 0) * factor : 0];
    });
    if (weighted.some(([, weight]) => weight > 0)) runs.push(weighted);
  }
  return runs;
}

/**
 * Pairs next to each other share a character, so a phrase in common (服务项目: 服务, 务项, 项目) would count its middle
 * too, and that pair across two words is rarer, so weighs more, than either word. Each character of the project's
 * texts counts at most once: the best set of shared pairs no two of which touch (a running maximum along each run).
 * Same shared words, same sums in the same order: equal scores stay exactly equal.
 */
function sharedWordScore(runs: readonly WeightedRun[], words: ReadonlySet<string>): number {
  let score = 0;
  for (const run of runs) {
    let before = 0;
    let best = 0;
    for (const [w, weight] of run) {
      const next = words.has(w) ? Math.max(best, before + weight) : best;
      before = best;
      best = next;
    }
    score += best;
  }
  return score;
}

/** Scores every candidate by the project's context; `candidates` in any order. */
function scoreAll(library: Library, candidates: Iterable<LibraryEntry>, context: RankContext): Suggestion[] {
  const counted = new Set<string>();
  const runs = [...weightedRuns(context.projectName, library, counted, 1), ...weightedRuns(context.goal ?? '', library, counted, RANK_WEIGHTS.goal)];
  const named = new Set(context.namedSectors ?? []);
  const out: Suggestion[] = [];
  for (const entry of candidates) {
    let score = sharedWordScore(runs, wordsOfEntry(entry));
    if (entry.sector !== undefined) {
      if (entry.sector === context.unitSector) score += RANK_WEIGHTS.unitSector;
      if (named.has(entry.sector)) score += RANK_WEIGHTS.namedSector;
    }
    if (entry.core) score += RANK_WEIGHTS.core;
    out.push({ entry, score });
  }
  return out;
}

const byScore = (a: Suggestion, b: Suggestion) =>
  b.score - a.score || (isOwn(a.entry) === isOwn(b.entry) ? 0 : isOwn(a.entry) ? -1 : 1) || collator.compare(a.entry.name, b.entry.name);

/**
 * Candidates for one 二级, best first. The unit's own entries (indicators it used, those its supervisor handed down)
 * lead: the best OWN_FIRST of them by score, then everything else, own or not, by score (shared words, the unit's
 * sector, the sectors the name speaks of, core); on a tie own first, then by name. One entry per indicator name.
 * Costs one pass over the 二级's entries, a set lookup per word of the project's texts.
 */
export function rankSuggestions(
  library: Library,
  level2: string,
  context: RankContext,
  options: { excludeProjectId?: Id; excludeNames?: readonly string[]; limit?: number } = {},
): Suggestion[] {
  const exclude = new Set((options.excludeNames ?? []).map((n) => n.trim()));
  const candidates = (library.byLevel2.get(level2) ?? []).filter(
    (entry) => !(options.excludeProjectId && entry.projectId === options.excludeProjectId) && !exclude.has(entry.name),
  );
  const scored = scoreAll(library, candidates, context).sort(byScore);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const limit = options.limit ?? 12;
  const take = (s: Suggestion) => {
    if (seen.has(s.entry.name) || out.length >= limit) return;
    seen.add(s.entry.name);
    out.push(s);
  };
  for (const s of scored) if (isOwn(s.entry) && seen.size < Math.min(OWN_FIRST, limit)) take(s);
  for (const s of scored) take(s);
  return out;
}

// ---------------------------------------------------------------- search

/** Pinyin of texts, initials and full syllables, in their order (pinyin-pro, loaded with the sector library). */
export type PinyinOf = (texts: readonly string[]) => { initials: string; full: string }[];

interface SearchKeys {
  name: string;
  /** sector label and explanation, matched in Chinese */
  other: string;
  nameInitials: string;
  nameFull: string;
  labelInitials: string;
  labelFull: string;
}

/**
 * The text and pinyin a search matches an entry on: worked out once per entry, at its first search (or beforehand,
 * while the search box has the focus: warmSearchKeys), never per keystroke. Pinyin is taken of the name and the
 * sector label only: explanations are long (a pinyin of every one would take several times as long) and are looked
 * for in Chinese.
 */
const searchKeys = new WeakMap<LibraryEntry, SearchKeys>();

/** Works out the keys of entries that have none, with one call for the pinyin of them all. */
function computeKeys(entries: readonly LibraryEntry[], pinyinOf: PinyinOf): void {
  const pinyin = pinyinOf(entries.flatMap((e) => [e.name, e.sectorLabel ?? '']));
  entries.forEach((entry, i) => {
    const label = entry.sectorLabel ?? '';
    const name = pinyin[2 * i];
    const labelPinyin = pinyin[2 * i + 1];
    searchKeys.set(entry, {
      name: entry.name.toLowerCase(),
      other: `${label} ${entry.explanation ?? ''}`.toLowerCase(),
      nameInitials: name.initials,
      nameFull: name.full,
      labelInitials: labelPinyin.initials,
      labelFull: labelPinyin.full,
    });
  });
}

/** Works out the search keys of up to `budget` entries that have none yet; returns whether all have them now. */
export function warmSearchKeys(library: Library, pinyinOf: PinyinOf, budget = Infinity): boolean {
  const todo: LibraryEntry[] = [];
  let more = false;
  for (const entry of library.entries) {
    if (searchKeys.has(entry)) continue;
    if (todo.length >= budget) {
      more = true;
      break;
    }
    todo.push(entry);
  }
  if (todo.length > 0) computeKeys(todo, pinyinOf);
  return !more;
}

/**
 * Points of a term found in the name (more at its start), in the sector label or explanation. In pinyin a term
 * inside a name counts less than one at its end: names end with what they measure (…满意度, …合格率), and initials
 * also meet by chance across words (全民阅读 qmyd holds "myd").
 */
const MATCH = { nameStart: 4, name: 3, pinyinInside: 2, other: 1 } as const;

/** Where `term` is in `key`: its start, its end, inside it, or nowhere. */
function placeIn(key: string, term: string): 'start' | 'end' | 'inside' | null {
  const at = key.indexOf(term);
  if (at < 0) return null;
  if (at === 0) return 'start';
  return key.endsWith(term) ? 'end' : 'inside';
}

/** How well one search term matches an entry: 0 when it does not. Han terms match the text, others the pinyin too. */
function termScore(term: string, keys: SearchKeys): number {
  if (keys.name.startsWith(term)) return MATCH.nameStart;
  if (keys.name.includes(term)) return MATCH.name;
  if (!CJK.test(term)) {
    let best = 0;
    for (const key of [keys.nameInitials, keys.nameFull]) {
      const place = placeIn(key, term);
      const points = place === 'start' ? MATCH.nameStart : place === 'end' ? MATCH.name : place === 'inside' ? MATCH.pinyinInside : 0;
      best = Math.max(best, points);
    }
    if (best > 0) return best;
    if (keys.labelInitials.includes(term) || keys.labelFull.includes(term)) return MATCH.other;
  }
  return keys.other.includes(term) ? MATCH.other : 0;
}

/** The terms of a query: split at spaces, lower case, ü typed as v. */
export function searchTerms(query: string): string[] {
  return query
    .toLowerCase()
    .replace(/ü/g, 'v')
    .split(/[\s,，、]+/)
    .filter((t) => t !== '');
}

/**
 * Entries matching every term of the query, across all 二级, best first: how well the terms match (name before
 * sector label and explanation; the entries of `level2`, the row being filled, a little before the others), then the
 * unit's own entries, then by the project's context (the scores of rankSuggestions). One entry per name and 二级.
 */
export function searchLibrary(
  library: Library,
  query: string,
  pinyinOf: PinyinOf,
  context: RankContext,
  options: { level2?: string; limit?: number } = {},
): Suggestion[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  warmSearchKeys(library, pinyinOf);
  const matched: { entry: LibraryEntry; match: number }[] = [];
  for (const entry of library.entries) {
    const keys = searchKeys.get(entry)!;
    let match = 0;
    for (const term of terms) {
      const s = termScore(term, keys);
      if (s === 0) {
        match = 0;
        break;
      }
      match += s;
    }
    if (match > 0) matched.push({ entry, match: match + (entry.level2 === options.level2 ? 0.5 : 0) });
  }
  const matchOf = new Map(matched.map((m) => [m.entry, m.match]));
  const scored = scoreAll(library, matched.map((m) => m.entry), context);
  // A short term matches thousands of entries, and comparing Chinese names by the collator is slow: sort by the
  // numbers first, then by the full order only the part the list can show (and everything tied with its last).
  const byNumbers = (a: Suggestion, b: Suggestion) =>
    matchOf.get(b.entry)! - matchOf.get(a.entry)! || (isOwn(a.entry) === isOwn(b.entry) ? 0 : isOwn(a.entry) ? -1 : 1) || b.score - a.score;
  scored.sort(byNumbers);
  const limit = options.limit ?? 30;
  // room for entries the list drops as repeats of a name under the same 二级
  let end = Math.min(scored.length, limit * 3);
  while (end < scored.length && byNumbers(scored[end - 1], scored[end]) === 0) end++;
  const head = scored.slice(0, end).sort((a, b) => byNumbers(a, b) || collator.compare(a.entry.name, b.entry.name));
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const s of head) {
    const key = `${s.entry.level2}\u0000${s.entry.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
    if (out.length >= limit) break;
  }
  return out;
}

// ---------------------------------------------------------------- the unit's own entries

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
      ...(i.explanation?.trim() ? { explanation: i.explanation.trim() } : {}),
      origin: 'own' as const,
      source: `${project.year}年度`,
      projectName: project.name,
      projectId: project.id,
    }));
}
