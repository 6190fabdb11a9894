import assert from 'node:assert/strict';
import { anchorSpan, type StoredSpan } from '../../../src/core/anchoring/anchorSpan';
import { reanchorAll } from '../../../src/core/anchoring/reanchorAll';
import { position, storedSpan } from './storedSpan';
import { CodePointIndex } from '../../../src/core/text/codePoints';

const article =
  'Paris Hilton arrived in Paris on Monday \u{1F1EB}\u{1F1F7}. Barack Obama met Angela Merkel, and ' +
  '\u{20BB7}\u91ce\u5bb6 opened a shop.\r\nThe mayor of Paris said the city welcomes Zo\u00eb Smith.\n';



describe('anchorSpan', () => {
  it('keeps every span exact when the text did not change', () => {
    const spans = ['Paris', 'Barack Obama', '\u{20BB7}\u91ce\u5bb6', 'Zo\u00eb Smith', '\u{1F1EB}\u{1F1F7}'].map((quote) =>
      storedSpan(article, quote),
    );
    const results = reanchorAll(new CodePointIndex(article), spans);
    assert.deepEqual(
      results,
      spans.map((span) => ({ kind: 'exact', start: span.start, end: span.end })),
    );
  });

  it('moves spans by the code points of text inserted before them', () => {
    const spans = ['Barack Obama', '\u{20BB7}\u91ce\u5bb6', 'Zo\u00eb Smith'].map((quote) => storedSpan(article, quote));
    const edited = `BREAKING \u{1F4F0}\u{1F4F0}\r\n${article}`;
    const results = reanchorAll(new CodePointIndex(edited), spans);
    assert.deepEqual(results, [
      // 'BREAKING ' is 9 code points, each emoji 1, CRLF 2.
      { kind: 'moved', start: spans[0].start + 13, end: spans[0].end + 13 },
      { kind: 'moved', ...position(edited, '\u{20BB7}\u91ce\u5bb6') },
      { kind: 'moved', ...position(edited, 'Zo\u00eb Smith') },
    ]);
    assert.equal(new CodePointIndex(edited).slice(spans[1].start + 13, spans[1].end + 13), '\u{20BB7}\u91ce\u5bb6');
  });

  it('lets the context pick the right copy of a repeated quote, even when another is nearer', () => {
    // "Paris" the city, second occurrence; after the edit the person "Paris" sits nearer.
    // Text inserted before it pushes it 29 code points on; the person stays 24 away.
    const span = storedSpan(article, 'Paris', 1);
    const edited = article.replace('Paris Hilton arrived in ', 'Paris Hilton, the heiress, wrote that she arrived in ');
    const result = anchorSpan(new CodePointIndex(edited), span);
    // Most of its context is there (the end of the prefix changed): moved, flagged for a reviewer.
    assert.deepEqual(result, { kind: 'moved', ...position(edited, 'Paris', 1), unexplained: true });
    assert.equal(span.start + 29, position(edited, 'Paris', 1).start);
    // Without context the nearest copy would win: the context really decided.
    const bare = anchorSpan(new CodePointIndex(edited), { start: span.start, end: span.end, text: 'Paris' });
    assert.notDeepEqual(bare, result);
  });

  it('finds a quote whose spelling was fixed as a fuzzy match covering the new spelling', () => {
    const stored = storedSpan(article.replace('Barack', 'Barak'), 'Barak Obama');
    const result = anchorSpan(new CodePointIndex(article), stored);
    assert.equal(result.kind, 'fuzzy');
    assert.deepEqual({ start: result.start, end: result.end }, position(article, 'Barack Obama'));
    assert.ok(result.score > 0.9 && result.score < 1, `score ${result.score}`);
  });

  it('finds a short name with a spelling fix when its context is intact', () => {
    const before = 'Reporting from the capital, Jon Smith wrote that Kiev was calm on Tuesday evening.';
    const after = before.replace('Jon', 'John').replace('Kiev', 'Kyiv');
    const index = new CodePointIndex(after);
    const jon = anchorSpan(index, storedSpan(before, 'Jon'));
    const kiev = anchorSpan(index, storedSpan(before, 'Kiev'));
    assert.equal(jon.kind, 'fuzzy');
    assert.deepEqual({ start: jon.start, end: jon.end }, position(after, 'John'));
    assert.equal(kiev.kind, 'fuzzy');
    assert.deepEqual({ start: kiev.start, end: kiev.end }, position(after, 'Kyiv'));
  });

  it('does not accept a short look-alike whose surroundings differ', () => {
    const span = storedSpan('Reporting from the capital, Jon Smith wrote that it was calm.', 'Jon');
    const other = 'A completely different article where John appears in some other sentence entirely.';
    assert.deepEqual(anchorSpan(new CodePointIndex(other), span), { kind: 'orphan' });
  });

  it('does not count half an astral character as matching context', () => {
    // U+10600 and U+1F600 share their low surrogate: a UTF-16 comparison would see half a match.
    const index = new CodePointIndex('\u{10600}X and X');
    const span: StoredSpan = { start: 7, end: 8, text: 'X', prefix: '\u{1F600}', suffix: '' };
    assert.deepEqual(anchorSpan(index, span), { kind: 'exact', start: 7, end: 8 });
  });

  it('orphans a span whose quote was deleted', () => {
    const span = storedSpan(article, 'Angela Merkel');
    const edited = article.replace('Barack Obama met Angela Merkel, and ', '');
    assert.deepEqual(anchorSpan(new CodePointIndex(edited), span), { kind: 'orphan' });
  });

  it('orphans malformed spans instead of throwing', () => {
    const index = new CodePointIndex(article);
    const bad: StoredSpan[] = [
      { start: 0, end: 5, text: '' },
      { start: 5, end: 0, text: 'Paris' },
      { start: Number.NaN, end: 5, text: 'Paris' },
      { start: -1, end: 4, text: 'Paris' },
      { start: 0.5, end: 5, text: 'Paris' },
      { start: 0, end: 5, text: 42 as unknown as string },
    ];
    for (const span of bad) assert.deepEqual(anchorSpan(index, span), { kind: 'orphan' }, JSON.stringify(span));
  });

  it('repairs an end offset that does not fit the quote', () => {
    const result = anchorSpan(new CodePointIndex(article), { start: 0, end: 3, text: 'Paris Hilton' });
    assert.deepEqual(result, { kind: 'moved', start: 0, end: 12 });
  });

  it('handles offsets past the end of a shortened text', () => {
    const span = storedSpan(article, 'Zo\u00eb Smith');
    const short = 'Paris said the city welcomes Zo\u00eb Smith.\n';
    assert.deepEqual(anchorSpan(new CodePointIndex(short), span), { kind: 'moved', start: 29, end: 38, unexplained: true });
    assert.deepEqual(anchorSpan(new CodePointIndex(''), span), { kind: 'orphan' });
    // The name alone, with none of its context: no evidence that this is the tagged mention.
    assert.deepEqual(anchorSpan(new CodePointIndex('Zo\u00eb Smith.'), span), { kind: 'orphan' });
  });
});
