// The indicator library: 三级 indicators to start from, for the 二级 being filled in. Two sources: the indicators of the
// reference documents (reference-indicators.json, taken from tests/fixtures) and the unit's own earlier projects.
// Ranked by the words a candidate shares with the project name; Chinese has no spaces, so "words" are character pairs.
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
  /** number of words shared with the project name */
  score: number;
}

type ReferenceRecord = SuggestedIndicator & Pick<LibraryEntry, 'source' | 'projectName'>;

export const REFERENCE_ENTRIES: readonly LibraryEntry[] = (referenceData as ReferenceRecord[]).map((r) => ({ ...r, origin: 'reference' }));

const NOISE = /[\s\p{P}\p{S}]+/u;
const CJK = /\p{Script=Han}/u;

/** The words of a text: pairs of adjacent Chinese characters, and whole runs of letters or digits. */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const chunk of text.split(NOISE)) {
    let run = '';
    const flush = () => {
      if (run.length >= 2) for (let i = 0; i + 1 < run.length; i++) words.add(run.slice(i, i + 2));
      run = '';
    };
    let latin = '';
    for (const ch of chunk) {
      if (CJK.test(ch)) {
        if (latin) words.add(latin.toLowerCase());
        latin = '';
        run += ch;
      } else {
        flush();
        latin += ch;
      }
    }
    flush();
    if (latin) words.add(latin.toLowerCase());
  }
  return words;
}

export function sharedWordCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
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
 * Candidates for one 二级, best first: most words shared with the project name (a candidate speaks through its own
 * name and the name of the project it came from); on a tie the unit's own indicators first, then by name.
 * One entry per indicator name.
 */
export function rankSuggestions(
  entries: readonly LibraryEntry[],
  level2: string,
  projectName: string,
  options: { excludeProjectId?: Id; excludeNames?: readonly string[]; limit?: number } = {},
): Suggestion[] {
  const words = wordsOf(projectName);
  const exclude = new Set((options.excludeNames ?? []).map((n) => n.trim()));
  const scored: Suggestion[] = [];
  for (const entry of entries) {
    if (entry.level2 !== level2) continue;
    if (options.excludeProjectId && entry.projectId === options.excludeProjectId) continue;
    if (exclude.has(entry.name)) continue;
    const score = sharedWordCount(words, wordsOfEntry(entry));
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
