// Cells copied from Excel or WPS arrive as text: cells separated by tabs, rows by line ends; a cell holding a line
// break, a tab or a quote is wrapped in quotes, its quotes doubled. This turns that text back into rows of cells for
// importRows.

/** The rows of pasted cells; trailing empty rows dropped, every row as long as the longest. */
export function pastedRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/^\uFEFF/, '');
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"' && cell === '') {
      // a quoted cell: up to the quote not doubled, which must end the cell
      let j = i + 1;
      let quoted = '';
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) {
          quoted = '';
          j = -1;
          break;
        }
        if (s[q + 1] === '"') {
          quoted += s.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        quoted += s.slice(j, q);
        j = q + 1;
        break;
      }
      const next = j < 0 ? '' : s[j] ?? '';
      if (j >= 0 && (next === '' || next === '\t' || next === '\n' || next === '\r')) {
        cell = quoted;
        i = j;
        continue;
      }
      // not a quoted cell after all (a quote starting the text): read as it is
    }
    if (ch === '\t') endCell();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && s[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) endRow();
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...new Array<string>(width - r.length).fill('')] : r));
}
