import assert from 'node:assert/strict';
import { describeTypeChoice, keyLetterPauseMs, typeForKeyLetter, typeOnAccept } from '../../../src/core/editing/typeChoice';

const types = [
  { name: 'PERSON', key: 'p' },
  { name: 'ORG', key: 'o' },
  { name: 'LOCATION', key: 'l' },
  { name: 'DATE', key: 'd' },
  { name: 'EVENT', key: 'e' },
  { name: 'MISC', key: 'm' },
  { name: 'PRODUCT' },
];

describe('type picker choices', () => {
  it('a key letter alone, in any case, names its type', () => {
    assert.equal(typeForKeyLetter(types, 'p')?.name, 'PERSON');
    assert.equal(typeForKeyLetter(types, 'L')?.name, 'LOCATION');
  });

  it('the first letters of a name typed in the picker are not a key letter: typing goes on', () => {
    for (const typed of ['pe', 'per', 'person', 'PERSON', 'lo', 'loc', 'LOC']) assert.equal(typeForKeyLetter(types, typed), undefined, typed);
    assert.equal(typeForKeyLetter(types, 'x'), undefined);
    assert.equal(typeForKeyLetter(types, ''), undefined);
  });

  it('Enter takes the highlighted type for a name or part of one, and the key letter\'s type for a letter alone', () => {
    assert.equal(typeOnAccept(types, 'person', types[0])?.name, 'PERSON');
    assert.equal(typeOnAccept(types, 'is', types[5])?.name, 'MISC');
    assert.equal(typeOnAccept(types, '', types[3])?.name, 'DATE');
    assert.equal(typeOnAccept(types, 'e', types[0])?.name, 'EVENT');
  });

  it('Enter without a highlighted type takes a key letter, else the one type the typed prefix starts', () => {
    assert.equal(typeOnAccept(types, 'e', undefined)?.name, 'EVENT');
    assert.equal(typeOnAccept(types, 'loc', undefined)?.name, 'LOCATION');
    assert.equal(typeOnAccept(types, 'Perso', undefined)?.name, 'PERSON');
    assert.equal(typeOnAccept(types, 'pr', undefined)?.name, 'PRODUCT');
    assert.equal(typeOnAccept(types, 'zz', undefined), undefined);
    assert.equal(typeOnAccept(types, '', undefined), undefined);
  });

  it('waits long enough for the next letter of a name typed slowly, and not much longer', () => {
    assert.ok(keyLetterPauseMs >= 400 && keyLetterPauseMs <= 800);
  });

  it('marks the current type in its row', () => {
    assert.equal(describeTypeChoice(types[0], 'Ctrl+Alt+1', true), 'current type · key p · Ctrl+Alt+1');
    assert.equal(describeTypeChoice(types[0], 'Ctrl+Alt+1', false), 'key p · Ctrl+Alt+1');
    assert.equal(describeTypeChoice(types[6], undefined, false), '');
    // The editor passes the words in the display language.
    assert.equal(describeTypeChoice(types[0], 'Ctrl+Alt+1', true, { current: 'tipo actual', key: (letter) => `tecla ${letter}` }), 'tipo actual · tecla p · Ctrl+Alt+1');
  });
});
