import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldName, foldText } from '../../../src/core/suggest/foldedText';
import { NameAutomaton } from '../../../src/core/suggest/nameAutomaton';

/** Every (end, length, key) the automaton reports for `text`. */
function hits(automaton: NameAutomaton, text: string): string[] {
  const codes = Int32Array.from([...text].map((character) => character.codePointAt(0)!));
  const found: string[] = [];
  automaton.search(codes, codes.length, (end, length, key) => found.push(`${end}:${length}:${key}`));
  return found;
}

describe('suggestions: the name automaton and text folding', () => {
  it('grows past its first size and still finds every name, also below nodes with many children', () => {
    const automaton = new NameAutomaton(1);
    const names = Array.from({ length: 3_000 }, (_, index) => `n${index.toString(36)}é`);
    names.forEach((name, key) => assert.equal(automaton.add([...name].map((character) => character.codePointAt(0)!), key), key));
    // The same name again answers with the key it already has.
    assert.equal(automaton.add([...names[7]].map((character) => character.codePointAt(0)!), 99_999), 7);
    automaton.build();
    assert.ok(automaton.size > 1024);
    for (const key of [0, 1_500, 2_999]) assert.ok(hits(automaton, ` ${names[key]} `).includes(`${names[key].length}:${names[key].length}:${key}`));
  });

  it('agrees with a plain scan for every name ending at each position', () => {
    const letters = fc.stringMatching(/^[abé中]{1,4}$/);
    fc.assert(
      fc.property(fc.uniqueArray(letters, { minLength: 1, maxLength: 6 }), fc.stringMatching(/^[abé中 ]{0,30}$/), (names, text) => {
        const automaton = new NameAutomaton();
        names.forEach((name, key) => automaton.add([...name].map((character) => character.codePointAt(0)!), key));
        const expected: string[] = [];
        const characters = [...text];
        characters.forEach((_, end) => {
          // Longest first at each position, as the automaton reports them.
          const ending = names.map((name, key) => ({ name, key })).filter(({ name }) => [...name].length <= end + 1 && characters.slice(end + 1 - [...name].length, end + 1).join('') === name);
          ending.sort((left, right) => [...right.name].length - [...left.name].length);
          for (const { name, key } of ending) expected.push(`${end}:${[...name].length}:${key}`);
        });
        assert.deepEqual(hits(automaton, text), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('folds a text as it folds names, with the ASCII shortcut and without (marks, astral, capitals)', () => {
    const piece = fc.constantFrom('a', 'B', 'é', 'e\u0301', 'É', 'A\u0301', '中', '😀', ' ', '\u0301', 'ß', 'İ', 'x\u0323\u0301');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.boolean(), (pieces, ignoreCase) => {
        const text = pieces.join('');
        const folded = foldText(text, ignoreCase);
        assert.deepEqual([...folded.codes.subarray(0, folded.length)], foldName(text, ignoreCase));
        // Clusters are a character and the combining marks after it, wherever the shortcut applies.
        const clusterStarts = [...text.matchAll(/[^\p{M}]\p{M}*|\p{M}+/gu)].map((match) => match.index);
        assert.deepEqual([...new Set(folded.clusterStartUtf16.subarray(0, folded.length))], clusterStarts);
        // Each folded code point maps back to a cluster that slices the text's own form.
        for (let index = 0; index < folded.length; index++) {
          const cluster = text.slice(folded.clusterStartUtf16[index], folded.clusterEndUtf16[index]);
          assert.equal([...cluster].length, folded.clusterEnd[index] - folded.clusterStart[index]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
