// CSV files for spreadsheet users: RFC 4180 quoting, a guard against formula injection, and a download through a
// Blob URL (no server round trip, no `data:` URL length limits).

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"); tab and CR count too. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV: text a spreadsheet would run as a formula gets a leading `'` (so `=HYPERLINK(…)` stays text),
 * and a cell with a comma, quote or line break is quoted with its quotes doubled.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // Numbers are data we wrote ourselves; only text from elsewhere can carry a formula.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows (the first usually the header) as CSV text with CRLF line ends, as RFC 4180 has them. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Offers `text` as a file download. The byte order mark makes Excel read the file as UTF-8 (names with umlauts);
 * the Blob URL is revoked once the browser has taken the file.
 */
export function downloadCsv(text: string, fileName: string): Blob {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return blob;
}
