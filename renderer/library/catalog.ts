// What the library panel loads on first opening (a chunk of its own: the sector files and pinyin-pro are a few hundred
// KB the window does not need to start): the sectors, their indicators placed in a scheme, and pinyin for the search.
import { pinyin } from 'pinyin-pro';
import { placedIndicators, SECTOR_FILES, sectorFile, sectorGuidance, sectorsNamedIn, sectorSummaries, type SectorSummary } from '../../shared/library';
import type { IndicatorScheme } from '../../shared/schemes';
import { entryFromSector, type LibraryEntry, type PinyinOf } from './library';

/** Letters and digits only, lower case, ü as v (as pinyin input methods type it). */
const keep = (s: string) => s.toLowerCase().replace(/ü/g, 'v').replace(/[^a-z0-9.]/g, '');

/** Pinyin by text: a unit's history repeats its indicator names year after year, and the sectors share many. */
const pinyinByText = new Map<string, { initials: string; full: string }>();

/**
 * Pinyin of several texts. Those not met before go to pinyin-pro in one call, joined by line breaks (which end its
 * words as any other non-Chinese character does): one call over many names takes a quarter of the time of a call per
 * name.
 */
export const pinyinOf: PinyinOf = (texts) => {
  const missing = [...new Set(texts.filter((t) => !pinyinByText.has(t)))];
  if (missing.length > 0) {
    const syllables = pinyin(missing.map((t) => t.replace(/\n/g, ' ')).join('\n'), { toneType: 'none', type: 'array', v: true });
    let at = 0;
    let initials = '';
    let full = '';
    for (const s of [...syllables, '\n']) {
      if (s === '\n') {
        pinyinByText.set(missing[at++], { initials, full });
        initials = '';
        full = '';
        continue;
      }
      const k = keep(s);
      if (k === '') continue;
      initials += /^[a-z]/.test(k) ? k[0] : k;
      full += k;
    }
  }
  return texts.map((t) => pinyinByText.get(t)!);
};

const entriesByScheme = new Map<string, LibraryEntry[]>();

/** The sector entries placed in a scheme; the same objects on every call, so what is worked out per entry stays. */
export function sectorEntries(scheme: IndicatorScheme): LibraryEntry[] {
  let entries = entriesByScheme.get(scheme.id);
  if (!entries) {
    entries = placedIndicators(scheme).map(entryFromSector);
    entriesByScheme.set(scheme.id, entries);
  }
  return entries;
}

export const SECTORS: readonly SectorSummary[] = sectorSummaries();

/** The sector's advice for a 二级 code of the unit's scheme, if the unit has a sector and it has advice there. */
export function guidanceOf(sector: string | undefined, level2: string): string | undefined {
  return sector ? sectorGuidance(sectorFile(sector), level2) : undefined;
}

export { sectorsNamedIn };
