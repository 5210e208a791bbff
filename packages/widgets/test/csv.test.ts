// The CSV writer of the member export: quoting and the formula-injection guard, as a spreadsheet would read them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, toCsv } from '../src/internal/csv.js';

describe('csv', () => {
  it('quotes cells with commas, quotes and line breaks, doubling quotes', () => {
    assert.equal(csvCell('Müller, Schmidt & Co'), '"Müller, Schmidt & Co"');
    assert.equal(csvCell('The "Best" GmbH'), '"The ""Best"" GmbH"');
    assert.equal(csvCell('line one\nline two'), '"line one\nline two"');
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(null), '');
  });

  it('turns text that a spreadsheet would run as a formula into text', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example","x")'), `"'=HYPERLINK(""http://evil.example"",""x"")"`);
    assert.equal(csvCell('+49 30 123'), "'+49 30 123");
    assert.equal(csvCell('-1+2'), "'-1+2");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tcmd'), "'\tcmd");
    // Numbers we write ourselves stay numbers, negative ones included.
    assert.equal(csvCell(-0.5), '-0.5');
    assert.equal(csvCell('a=b'), 'a=b');
  });

  it('leaves no field that starts a formula, read with "," or with ";" (German, Austrian, Swiss Excel)', (t) => {
    const leads = ['', 'Acme GmbH', 'x ', '"quoted"'];
    const splits = [',', ';', ', ', '; ', ';"', ',"', '; "', '\n', '\r\n', '\r', ';;'];
    const formulas = ['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://evil.example","x")', '"=1+1"'];
    const tails = ['', ';', ',', ';"'];
    const names: string[] = [];
    for (const lead of leads) for (const split of splits) for (const formula of formulas) for (const tail of tails) names.push(`${lead}${split}${formula}${tail}`);
    names.push(...formulas);
    const csv = toCsv([['Partner ID', 'Name', 'Revenue', 'Country'], ...names.map((name, index) => [`ptr_${index}`, name, -index, name])]);
    let cells = 0;
    const failures: string[] = [];
    for (const separator of [',', ';']) {
      for (const row of readLikeASpreadsheet(csv, separator)) {
        for (const cell of row) {
          cells++;
          // Leading white space (tab and CR included) does not stop a formula; our own negative numbers are data.
          if (/^\s*[=+\-@]/.test(cell) && !/^-\d+$/.test(cell)) failures.push(`${JSON.stringify(separator)}: ${JSON.stringify(cell)}`);
        }
      }
    }
    t.diagnostic(`CSV cells checked: ${cells} (${names.length} hostile names, read with "," and with ";")`);
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} formula fields`);
    // Read as written (with ","), every name is one cell again, changed only by the marks that keep it text.
    const rows = readLikeASpreadsheet(csv, ',');
    rows.slice(1).forEach((row, index) => {
      assert.equal(row.length, 4);
      assert.equal(row[1]!.replaceAll("'", ''), names[index]!.replaceAll("'", ''));
    });
    assert.equal(csvCell('Acme GmbH; Berlin'), '"Acme GmbH; Berlin"', 'a ";" is quoted, so a ";" reader keeps the cell whole');
  });

  it('joins rows with CRLF and ends with one', () => {
    assert.equal(toCsv([['Name', 'Tier'], ['A, B', 'gold']]), 'Name,Tier\r\n"A, B",gold\r\n');
  });
});

/**
 * Splits CSV as a spreadsheet does: quotes count only at the start of a field (a doubled quote inside is one quote;
 * after the closing quote the rest of the field is read as it is), a line break outside quotes ends the row.
 */
function readLikeASpreadsheet(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  while (index < text.length) {
    let cell = '';
    if (text[index] === '"') {
      index++;
      while (index < text.length) {
        if (text[index] === '"' && text[index + 1] === '"') {
          cell += '"';
          index += 2;
        } else if (text[index] === '"') {
          index++;
          break;
        } else cell += text[index++];
      }
    }
    while (index < text.length && text[index] !== separator && text[index] !== '\r' && text[index] !== '\n') cell += text[index++];
    row.push(cell);
    if (text[index] === separator) {
      index++;
      continue;
    }
    if (text[index] === '\r') index++;
    if (text[index] === '\n') index++;
    rows.push(row);
    row = [];
  }
  return rows;
}
