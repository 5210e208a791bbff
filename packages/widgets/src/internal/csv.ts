// CSV files for spreadsheet users: RFC 4180 quoting, a guard against formula injection, and a download through a
// Blob URL (no server round trip, no `data:` URL length limits).

/**
 * Where a spreadsheet may start a field, followed by a character that makes it read the field as a formula (OWASP
 * "CSV injection": = + - @ and tab). A field starts at the cell's start, but also wherever the reader splits the
 * line: we write `,`, yet Excel set to German, Austrian or Swiss regional settings splits at `;`, ignoring our
 * quotes, and then `Acme GmbH;=1+1;` holds a formula in its second field. A line break inside a cell starts a row
 * for such a reader (so CR and LF are where fields start rather than triggers). Spaces and quotes before the trigger do not stop it (`; "=1+1"` is still a formula).
 */
const FORMULA_AT_FIELD_START = /(^|[,;\r\n])([ "]*)(?=[=+\-@\t])/g;

/**
 * One cell as CSV: wherever a field may begin with a formula, read with `,` or `;`, a `'` goes before it (so
 * `=HYPERLINK(…)` stays text), and a cell with a separator, quote or line break is quoted with its quotes doubled.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // Numbers are data we wrote ourselves; only text from elsewhere can carry a formula.
  if (typeof value === 'string') text = text.replace(FORMULA_AT_FIELD_START, "$1$2'");
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
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
