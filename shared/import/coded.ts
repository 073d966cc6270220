// The huadu system's coded indicator strings (F5, domain.md §3):
//   "1、1-产出指标；11-数量指标；宣讲、培训次数；实施周期指标值：大于7-8次；年度指标值：大于7-8次。2、…"
// Each item: number、 一级 code-label； 二级 code-label； name； [实施周期指标值：text；] 年度指标值：text。 The source
// mixes ':' and '：', '；' and ';'. An item ends at "。" followed by the next item's "N、" or by the end, so a value
// may itself end in "。" ("≧20场次。").

export interface CodedIndicator {
  /** "1-产出指标" as written */
  level1: string;
  /** "11-数量指标" as written */
  level2: string;
  name: string;
  /** 实施周期指标值, when the item has one */
  period?: string;
  /** 年度指标值 */
  annual: string;
}

const ITEM =
  /(?:^|(?<=。))\s*\d+\s*[、．]\s*(\d+\s*[-－—]\s*[^；;]*?)\s*[；;]\s*(\d+\s*[-－—]\s*[^；;]*?)\s*[；;]\s*((?:(?!。\s*\d+\s*[、．]).)*?)\s*(?:[；;]\s*实施周期指标值\s*[:：]\s*((?:(?!。\s*\d+\s*[、．]).)*?)\s*)?[；;]\s*年度指标值\s*[:：]\s*(.*?)\s*。(?=\s*\d+\s*[、．]|\s*$)/gs;

/** Whether a cell's text reads as coded indicators. */
export function looksCoded(text: string): boolean {
  return /^\s*1\s*[、.．]\s*\d+\s*[-－—][^；;]*[；;]\s*\d+\s*[-－—]/.test(text) && /年度指标值\s*[:：]/.test(text);
}

/**
 * The items of a coded string, in order, and the parts of the text no item could be read from. A string that does
 * not end in "。" is read as if it did.
 */
export function parseCoded(text: string): { items: CodedIndicator[]; unread: string[] } {
  const source = /。\s*$/.test(text) ? text.trim() : `${text.trim()}。`;
  const items: CodedIndicator[] = [];
  const unread: string[] = [];
  let at = 0;
  for (const match of source.matchAll(ITEM)) {
    const start = match.index ?? 0;
    const gap = source.slice(at, start).trim();
    if (gap !== '') unread.push(gap);
    at = start + match[0].length;
    const [, level1, level2, name, period, annual] = match;
    items.push({ level1: level1.trim(), level2: level2.trim(), name: name.trim(), ...(period !== undefined ? { period: period.trim() } : {}), annual: annual.trim() });
  }
  const rest = source.slice(at).trim();
  if (rest !== '' && rest !== '。') unread.push(rest);
  return { items, unread };
}
