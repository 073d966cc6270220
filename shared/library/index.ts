// The sector indicator library (issue #17): one JSON file per sector (sector.schema.json; the format and its rules in
// README.md 指标库), each indicator coded in both schemes ('a': scheme A's 二级, 'b': scheme B's). This module only
// reads the data: which 二级 an indicator sits under in a given scheme, a sector's guidance for a 二级. It is loaded
// on demand (the renderer imports it when the library panel first opens): the files together are a few hundred KB.
//
// tests/shared/library.spec.ts fails when a file in this folder is missing from SECTOR_FILES below, or the reverse.
import type { Direction } from '../model';
import { findLevel2, SCHEME_A, SCHEME_B, type IndicatorScheme } from '../schemes';
import agriculture from './agriculture.json';
import civilAffairs from './civil-affairs.json';
import commerce from './commerce.json';
import cultureTourism from './culture-tourism.json';
import education from './education.json';
import environment from './environment.json';
import federation from './federation.json';
import generalServices from './general-services.json';
import health from './health.json';
import housing from './housing.json';
import informatization from './informatization.json';
import naturalResources from './natural-resources.json';
import publicSafety from './public-safety.json';
import science from './science.json';
import socialSecurity from './social-security.json';
import transport from './transport.json';
import urbanManagement from './urban-management.json';

/** One indicator of a sector file, as written there. */
export interface SectorIndicator {
  name: string;
  /** the 二级 code in scheme A (财预〔2015〕88号 style) */
  a: string;
  /** the 二级 code in scheme B (财预〔2021〕101号 style) */
  b: string;
  direction: Direction;
  /** a decimal number as text for 定量, the wording for 定性 */
  target: string;
  /** upper end of a range, where the source gives one */
  targetMax?: string;
  /** the target as the source document wrote it, where it differs from `target` */
  targetText?: string;
  unit: string;
  /** what is counted, or the formula, in one line (every sector has them but the 工商联 one: its documents give none) */
  explanation?: string;
  core: boolean;
  /** the public document it is drawn from */
  source: string;
  /** the project of the source document it comes from (the 工商联 reference documents) */
  projectName?: string;
}

/** One sector file. */
export interface SectorFile {
  sector: string;
  label: string;
  version: number;
  /** words that, found in a project's name, suggest the project belongs to this sector */
  keywords: string[];
  /** one line of advice per 二级 code (both schemes' codes), shown under the 二级 in the editor */
  guidance: Record<string, string>;
  indicators: SectorIndicator[];
}

/** The sector files, in the order sectors are offered (roughly that of the budget's functional classification). */
export const SECTOR_FILES: readonly SectorFile[] = [
  generalServices,
  publicSafety,
  education,
  science,
  cultureTourism,
  socialSecurity,
  civilAffairs,
  health,
  environment,
  urbanManagement,
  housing,
  agriculture,
  naturalResources,
  transport,
  commerce,
  informatization,
  federation,
].map((f) => f as unknown as SectorFile);

/** A sector without its indicators: what a unit's settings and the ranking need. */
export interface SectorSummary {
  id: string;
  label: string;
  keywords: readonly string[];
  count: number;
}

export function sectorSummaries(files: readonly SectorFile[] = SECTOR_FILES): SectorSummary[] {
  return files.map((f) => ({ id: f.sector, label: f.label, keywords: f.keywords, count: f.indicators.length }));
}

export function sectorFile(id: string, files: readonly SectorFile[] = SECTOR_FILES): SectorFile | undefined {
  return files.find((f) => f.sector === id);
}

/** Which code of a sector indicator each known scheme reads. */
const COLUMNS: readonly { column: 'a' | 'b'; scheme: IndicatorScheme }[] = [
  { column: 'a', scheme: SCHEME_A },
  { column: 'b', scheme: SCHEME_B },
];

/**
 * The 二级 of an indicator in `scheme`: the code of that scheme's column; for a scheme of neither column (a later
 * release's), the first of the two codes the scheme has. Undefined when the scheme has neither.
 */
export function level2In(indicator: Pick<SectorIndicator, 'a' | 'b'>, scheme: IndicatorScheme): string | undefined {
  const own = COLUMNS.find((c) => c.scheme.id === scheme.id);
  const candidates = own ? [indicator[own.column]] : [indicator.a, indicator.b];
  return candidates.find((code) => findLevel2(scheme, code) !== undefined);
}

/** A sector indicator placed in a scheme. */
export interface PlacedIndicator extends SectorIndicator {
  sector: string;
  sectorLabel: string;
  level1: string;
  level2: string;
}

/** Every indicator of the given sector files with its 一级 and 二级 in `scheme`; those the scheme cannot place are left out. */
export function placedIndicators(scheme: IndicatorScheme, files: readonly SectorFile[] = SECTOR_FILES): PlacedIndicator[] {
  const out: PlacedIndicator[] = [];
  for (const file of files) {
    for (const ind of file.indicators) {
      const level2 = level2In(ind, scheme);
      const found = level2 === undefined ? undefined : findLevel2(scheme, level2);
      if (!found) continue;
      out.push({ ...ind, sector: file.sector, sectorLabel: file.label, level1: found.level1.code, level2: found.level2.code });
    }
  }
  return out;
}

/** The sector's one-line advice for a 二级 code of the unit's scheme, if it has one. */
export function sectorGuidance(file: SectorFile | undefined, level2: string): string | undefined {
  const text = file?.guidance[level2];
  return text && text.trim() !== '' ? text : undefined;
}

/** The sectors whose keywords occur in a text (a project's name), each once, in file order. */
export function sectorsNamedIn(text: string, files: readonly Pick<SectorFile, 'sector' | 'keywords'>[] = SECTOR_FILES): string[] {
  const plain = text.replace(/\s+/g, '');
  if (plain === '') return [];
  return files.filter((f) => f.keywords.some((k) => k !== '' && plain.includes(k))).map((f) => f.sector);
}
