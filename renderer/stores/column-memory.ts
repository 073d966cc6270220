// Column mappings the user chose, remembered per table shape (the key is the table's header texts, shared/import
// mappingKey) in the settings, so the next file or paste with the same headers is read the same way.
import type { ChosenMappings, Field } from '../../shared/import/columns';
import type { SettingsRepository } from '../db/settings';

const SETTINGS_KEY = 'import.columnMappings';

export type ChosenFields = Partial<Record<Field, number>>;

/** A stored value as mappings: anything malformed (an older or edited record) is left out. */
function asMappings(value: unknown): Record<string, ChosenFields> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, ChosenFields> = {};
  for (const [key, fields] of Object.entries(value as Record<string, unknown>)) {
    if (typeof fields !== 'object' || fields === null) continue;
    const entries = Object.entries(fields as Record<string, unknown>).filter((e): e is [Field, number] => Number.isInteger(e[1]) && (e[1] as number) >= 0);
    out[key] = Object.fromEntries(entries) as ChosenFields;
  }
  return out;
}

/** Two mappings name the same columns for the same fields. */
export function sameFields(a: ChosenFields, b: ChosenFields): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Field[]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

export class ColumnMemory {
  constructor(private readonly settings: Pick<SettingsRepository, 'get' | 'set'>) {}

  async all(): Promise<ChosenMappings> {
    return asMappings(await this.settings.get(SETTINGS_KEY));
  }

  /** Remembers the fields chosen for a shape; null forgets it (the shape is read as recognised again). */
  async remember(key: string, fields: ChosenFields | null): Promise<void> {
    const all = asMappings(await this.settings.get(SETTINGS_KEY));
    if (fields === null) {
      if (!(key in all)) return;
      delete all[key];
    } else if (all[key] && sameFields(all[key], fields)) return;
    else all[key] = { ...fields };
    await this.settings.set(SETTINGS_KEY, all);
  }
}
