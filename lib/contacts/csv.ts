// CSV as spreadsheets read it (RFC 4180: commas, quotes doubled, CRLF), with
// cells that a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM")
// defused by a leading apostrophe. Phone numbers ("+55 11 ...") stay as they are.
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  const looksLikeFormula = /^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !/^[+-][\d\s().-]*$/.test(text));
  if (looksLikeFormula) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
