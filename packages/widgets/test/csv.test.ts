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

  it('joins rows with CRLF and ends with one', () => {
    assert.equal(toCsv([['Name', 'Tier'], ['A, B', 'gold']]), 'Name,Tier\r\n"A, B",gold\r\n');
  });
});
