import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { GazetteerEntry } from '../../../src/core/suggest/gazetteerEntry';
import { matcherData, matcherFromData } from '../../../src/core/suggest/matcherData';
import { NameMatcher } from '../../../src/core/suggest/nameMatcher';

function entry(name: string, type = 'PERSON', kbId?: string): GazetteerEntry {
  return { name, type, ...(kbId ? { kbId } : {}), source: 'test.tsv', line: 1 };
}

/** What a reader slicing by code points (Python's text[start:end]) gets for each match. */
function found(matcher: NameMatcher, text: string): string[] {
  const codePoints = [...text];
  return matcher.find(text).map((match) => codePoints.slice(match.start, match.end).join(''));
}

describe('suggestions: finding gazetteer names in text', () => {
  it('finds Petro as a word, never inside Petroleum or Ecopetrol', () => {
    const matcher = new NameMatcher([entry('Petro')], { ignoreCase: true });
    const text = 'Petroleum prices fell; Ecopetrol said Petro, the president, and PETRO agree.';
    assert.deepEqual(found(matcher, text), ['Petro', 'PETRO']);
    const exact = new NameMatcher([entry('Petro')], { ignoreCase: false });
    assert.deepEqual(found(exact, text), ['Petro']);
  });

  it('prefers the longest name where names overlap, and keeps every type of a name', () => {
    const matcher = new NameMatcher([entry('Petro'), entry('Gustavo Petro'), entry('New York', 'LOCATION'), entry('New York Times', 'ORG'), entry('Colombia', 'LOCATION'), entry('Colombia', 'ORG')], { ignoreCase: false });
    const text = 'Gustavo Petro told the New York Times that Petro loves Colombia.';
    const matches = matcher.find(text);
    assert.deepEqual(found(matcher, text), ['Gustavo Petro', 'New York Times', 'Petro', 'Colombia']);
    assert.deepEqual(matches[3].entries.map((item) => item.type).sort(), ['LOCATION', 'ORG']);
  });

  it('finds names inside Chinese and Japanese text without spaces', () => {
    const matcher = new NameMatcher([entry('习近平'), entry('北京', 'LOCATION'), entry('東京', 'LOCATION')], { ignoreCase: false });
    assert.deepEqual(found(matcher, '国家主席习近平在北京会见了客人。'), ['习近平', '北京']);
    assert.deepEqual(found(matcher, '東京都の知事は'), ['東京']);
  });

  it('is blind to normalisation: a precomposed name finds decomposed text and slices the text own form', () => {
    const decomposed = 'Llegó a Bogota\u0301 ayer.';
    const matcher = new NameMatcher([entry('Bogotá', 'LOCATION')], { ignoreCase: false });
    const [match] = matcher.find(decomposed);
    assert.deepEqual([...decomposed].slice(match.start, match.end).join(''), 'Bogota\u0301');
    assert.equal(match.end - match.start, 7);
    const fromDecomposed = new NameMatcher([entry('Bogota\u0301', 'LOCATION')], { ignoreCase: false });
    assert.deepEqual(found(fromDecomposed, 'Llegó a Bogotá ayer.'), ['Bogotá']);
  });

  it('never finds a name that stops inside an accented letter', () => {
    const matcher = new NameMatcher([entry('Bogota', 'LOCATION')], { ignoreCase: false });
    assert.deepEqual(found(matcher, 'Bogota\u0301 y Bogotá'), []);
    assert.deepEqual(found(matcher, 'Bogota y Bogotá'), ['Bogota']);
  });

  it('counts offsets in code points after emoji and other astral characters', () => {
    const matcher = new NameMatcher([entry('Petro')], { ignoreCase: false });
    const text = '🇨🇴😀 Petro 𝐁 Petro';
    const matches = matcher.find(text);
    assert.deepEqual(matches.map((match) => [match.start, match.end]), [[4, 9], [12, 17]]);
  });

  it('folds case per character, so a name in capitals with accents is found on request', () => {
    const matcher = new NameMatcher([entry('José Martí')], { ignoreCase: true });
    assert.deepEqual(found(matcher, 'JOSÉ MARTÍ y josé martí'), ['JOSÉ MARTÍ', 'josé martí']);
  });

  it('agrees with a plain scan on random texts: every whole-word occurrence is covered, every match is a name', () => {
    const word = fc.stringMatching(/^[ab]{1,3}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.array(fc.oneof(word, fc.constant(' ')), { maxLength: 30 }), (names, pieces) => {
        const text = pieces.join('');
        const matcher = new NameMatcher(names.map((name) => entry(name)), { ignoreCase: false });
        const matches = matcher.find(text);
        for (const match of matches) assert.ok(names.includes(text.slice(match.start, match.end)));
        for (let index = 1; index < matches.length; index++) assert.ok(matches[index - 1].end <= matches[index].start);
        for (const name of names) {
          for (let start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + 1)) {
            const end = start + name.length;
            const whole = (start === 0 || text[start - 1] === ' ') && (end === text.length || text[end] === ' ');
            if (!whole) continue;
            assert.ok(matches.some((match) => match.start < end && start < match.end), `"${name}" at ${start} in "${text}"`);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('takes a 100,000-name gazetteer and still finds each name once', () => {
    const entries: GazetteerEntry[] = [];
    for (let index = 0; index < 100_000; index++) entries.push(entry(`Person${index.toString(36)} Surname${(index * 7919).toString(36)}`));
    entries.push(entry('Gustavo Petro'));
    const matcher = new NameMatcher(entries, { ignoreCase: false });
    assert.equal(matcher.names, 100_001);
    const text = `Today Person${(4242).toString(36)} Surname${(4242 * 7919).toString(36)} met Gustavo Petro and Person${(99_999).toString(36)} Surname${(99_999 * 7919).toString(36)}.`;
    assert.equal(matcher.find(text).length, 3);
  });

  it('finds the same, with the same entries, once handed to another thread as data', () => {
    // Names from a small alphabet so they overlap, repeat and meet across types; entries with and
    // without knowledge-base ids and scores, from two sources.
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'á', '\u0301', ' '), minLength: 1, maxLength: 6 });
    const gazetteerEntry = fc
      .record({ name, type: fc.constantFrom('PERSON', 'ORG'), kbId: fc.option(fc.constantFrom('Q1', 'Q2', ''), { nil: undefined }), source: fc.constantFrom('gazetteer:a.tsv', 'tags'), line: fc.nat(100), score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }) })
      // As the gazetteer reader makes them: an absent id or score is no key at all.
      .map(({ kbId, score, ...rest }): GazetteerEntry => ({ ...rest, ...(kbId === undefined ? {} : { kbId }), ...(score === undefined ? {} : { score }) }));
    fc.assert(
      fc.property(fc.array(gazetteerEntry, { minLength: 1, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', 'á', 'A', 'B', '\u0301', ' ', '.'), maxLength: 40 }), fc.boolean(), (entries, text, ignoreCase) => {
        const matcher = new NameMatcher(entries, { ignoreCase });
        // Through structured cloning, as a worker receives it.
        const copy = matcherFromData(structuredClone(matcherData(matcher)));
        assert.equal(copy.names, matcher.names);
        assert.deepEqual(copy.find(text), matcher.find(text));
      }),
      { numRuns: 400 },
    );
  });
});
