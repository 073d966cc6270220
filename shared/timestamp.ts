// The one timestamp form that packages and the database hold: what Date.prototype.toISOString writes for years
// 1900–9999. Anything else (an expanded year such as +275760-…, 2025-02-30, a local time) is refused at the border,
// because comparing or re-stamping it later fails far from the file it came from.
import type { Timestamp } from './model';

export const TIMESTAMP_MIN_YEAR = 1900;
export const TIMESTAMP_MAX_YEAR = 9999;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{3})?Z$/;

/** YYYY-MM-DDTHH:mm:ss(.sss)Z, UTC, a real calendar date in years 1900–9999. */
export function isSaneTimestamp(value: unknown): value is Timestamp {
  if (typeof value !== 'string') return false;
  const m = ISO_INSTANT.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (year < TIMESTAMP_MIN_YEAR || year > TIMESTAMP_MAX_YEAR || hour > 23 || minute > 59 || second > 59) return false;
  // Date.UTC rolls 02-30 over to 03-02: a date that does not come back unchanged does not exist
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A possibly huge or non-string value, shortened for a message. */
export function timestampForMessage(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
