// The light of a project's latest monitoring round, kept on its row at every write as the error count is, so the
// supervisor's overview counts a city's lights without reading or scoring 30,000 indicators. It carries the
// fingerprint of the rule set it was worked out by: after the unit's rule set has changed it no longer matches, and
// the light is worked out again from the project.
import type { Project, RuleSet, Unit } from '../../shared/model';
import { latestRound, monitorRound, type Light } from '../../shared/monitoring';
import { ruleSetOf } from '../../shared/rule-sets';

export interface StoredLight {
  month: number;
  light: Light | null;
  /** "执行：红灯；指标：红灯 1 个；项目：红灯" */
  explanation: string;
  /** the rule set's fingerprint (ruleSetFingerprint) */
  rules: string;
}

/** Bumped when the lights' rules in shared/monitoring.ts change, so lights stored by an earlier release are redone. */
const LIGHTS_VERSION = 1;

/** FNV-1a, 32 bits: a short fingerprint, not a secret. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** What a stored light depends on besides the project: the rule set (id, version, parameters) and this code. */
export function ruleSetFingerprint(set: RuleSet): string {
  return `${LIGHTS_VERSION}:${set.id}@${set.version}:${hash(JSON.stringify(set.parameters))}`;
}

/** The light of the project's latest round by its unit's rule set for its year; undefined without a round. */
export function lightOfProject(project: Project, unit: Pick<Unit, 'ruleSets'> | undefined): StoredLight | undefined {
  const round = latestRound(project);
  if (!round) return undefined;
  const set = ruleSetOf(unit, project.year);
  const r = monitorRound(project, round, set);
  return { month: r.month, light: r.light, explanation: r.explanation, rules: ruleSetFingerprint(set) };
}
