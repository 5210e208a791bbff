// Amounts as people type them in de, de-CH, en-GB and en-US: read through Intl's separators, refused when ambiguous.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { echoAmount, farFromListPrice, readAmount, separatorsOf } from '../src/internal/money-input.js';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const amount = (value: number) => ({ kind: 'amount', value });
const ambiguous = { kind: 'ambiguous' };

describe('readAmount', () => {
  it('takes Intl’s separators of the language and region', () => {
    assert.deepEqual(separatorsOf('de'), { group: '.', decimal: ',' });
    // ICU versions differ in the Swiss apostrophe (’ or '); either is read.
    assert.match(separatorsOf('de-CH').group, /^['’]$/);
    assert.equal(separatorsOf('de-CH').decimal, '.');
    assert.deepEqual(separatorsOf('en-GB'), { group: ',', decimal: '.' });
  });

  it('de: "38.500" is thirty-eight thousand five hundred, never 38.50', () => {
    assert.deepEqual(readAmount('38.500', 'de'), amount(38500));
    assert.deepEqual(readAmount('38.500,00', 'de'), amount(38500));
    assert.deepEqual(readAmount('38500,5', 'de'), amount(38500.5));
    assert.deepEqual(readAmount('1.234.567,89 €', 'de'), amount(1234567.89));
    assert.deepEqual(readAmount("38'500", 'de'), amount(38500));
    assert.deepEqual(readAmount('38 500', 'de'), amount(38500));
  });

  it('de: English-style input is refused, not guessed', () => {
    assert.deepEqual(readAmount('38,500.00', 'de'), ambiguous);
    assert.deepEqual(readAmount('38,500', 'de'), ambiguous);
    assert.deepEqual(readAmount('1.5', 'de'), ambiguous);
  });

  it('de-CH: apostrophe grouping (typed or typographic) and a decimal point', () => {
    assert.deepEqual(readAmount("38'500", 'de-CH'), amount(38500));
    assert.deepEqual(readAmount('38’500.50', 'de-CH'), amount(38500.5));
    assert.deepEqual(readAmount("CHF 1'250'000", 'de-CH'), amount(1250000));
    assert.deepEqual(readAmount('38.500', 'de-CH'), ambiguous);
    assert.deepEqual(readAmount('38.500,00', 'de-CH'), ambiguous);
    assert.deepEqual(readAmount('38,500.00', 'de-CH'), ambiguous);
  });

  for (const lang of ['en-GB', 'en-US']) {
    it(`${lang}: comma grouping and a decimal point; "38.500" is refused`, () => {
      assert.deepEqual(readAmount('38,500.00', lang), amount(38500));
      assert.deepEqual(readAmount('38500', lang), amount(38500));
      assert.deepEqual(readAmount('£38,500', lang), amount(38500));
      assert.deepEqual(readAmount("38'500", lang), amount(38500));
      assert.deepEqual(readAmount('38.5', lang), amount(38.5));
      assert.deepEqual(readAmount('38.500', lang), ambiguous);
      assert.deepEqual(readAmount('38.500,00', lang), ambiguous);
      assert.deepEqual(readAmount('3,85', lang), ambiguous);
    });
  }

  it('empty and non-numbers', () => {
    assert.deepEqual(readAmount('  ', 'de'), { kind: 'empty' });
    assert.deepEqual(readAmount('-500', 'de'), { kind: 'invalid' });
    assert.deepEqual(readAmount('zwölf', 'de'), { kind: 'invalid' });
    assert.deepEqual(readAmount('1,2,3', 'de'), ambiguous);
    assert.deepEqual(readAmount('12.3456', 'en-US'), { kind: 'invalid' });
  });
});

describe('echoAmount and farFromListPrice', () => {
  it('echoes with the currency and cents in the language', () => {
    assert.equal(plain(echoAmount(38500, 'EUR', 'de')), '38.500,00 €');
    assert.match(plain(echoAmount(38500, 'CHF', 'de-CH')), /^CHF 38['’]500\.00$/);
    assert.equal(echoAmount(38500, 'GBP', 'en-GB'), '£38,500.00');
    assert.equal(echoAmount(38500, 'USD', 'en-US'), '$38,500.00');
  });

  it('flags amounts below a fifth or above five times the list total', () => {
    assert.equal(farFromListPrice(38.5, 38_000), true);
    assert.equal(farFromListPrice(300_000, 38_000), true);
    assert.equal(farFromListPrice(30_000, 38_000), false);
    assert.equal(farFromListPrice(30_000, 0), false);
  });
});
