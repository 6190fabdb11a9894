import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import type { AnchorResult, StoredSpan } from '../../../src/core/anchoring/anchorSpan';
import { anchorSpan } from '../../../src/core/anchoring/anchorSpan';
import { reanchorAll } from '../../../src/core/anchoring/reanchorAll';
import { annotationContext } from '../../../src/core/text/annotationContext';
import { CodePointIndex, codePointLength } from '../../../src/core/text/codePoints';
import { trickyPieces, trickyText } from '../text/mixedText';

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** The spans' quotes plus their stored context: edits must stay outside these zones. */
function protectedZones(spans: readonly StoredSpan[]): [number, number][] {
  return spans.map((span) => [
    span.start - codePointLength(span.prefix ?? ''),
    span.end + codePointLength(span.suffix ?? ''),
  ]);
}

/** Keeps the edits that touch no zone and no earlier edit, in text order. */
function safeEdits(edits: readonly Edit[], zones: readonly [number, number][], length: number): Edit[] {
  const kept: Edit[] = [];
  for (const raw of edits) {
    const at = raw.at % (length + 1);
    const edit = { at, remove: Math.min(raw.remove, length - at), insert: raw.insert };
    const end = edit.at + edit.remove;
    const clear = zones.every(([from, to]) => end <= from || edit.at >= to);
    const apart = kept.every((other) => end < other.at || edit.at > other.at + other.remove);
    if (clear && apart) kept.push(edit);
  }
  return kept;
}

/** Applies edits given in old code-point positions; returns the new text. */
function applyEdits(points: readonly string[], edits: readonly Edit[]): string {
  const result = [...points];
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) result.splice(edit.at, edit.remove, ...Array.from(edit.insert));
  return result.join('');
}

/** How far edits before a zone shift it. */
function shift(edits: readonly Edit[], zoneStart: number): number {
  return edits
    .filter((edit) => edit.at + edit.remove <= zoneStart)
    .reduce((total, edit) => total + codePointLength(edit.insert) - edit.remove, 0);
}

/** Naive oracle: positions where quote, prefix and suffix all match, in code points. */
function perfectPositions(points: readonly string[], span: StoredSpan): number[] {
  const quote = Array.from(span.text);
  const prefix = Array.from(span.prefix ?? '');
  const suffix = Array.from(span.suffix ?? '');
  const found: number[] = [];
  for (let start = prefix.length; start + quote.length + suffix.length <= points.length; start++) {
    const window = points.slice(start - prefix.length, start + quote.length + suffix.length).join('');
    if (window === [...prefix, ...quote, ...suffix].join('')) found.push(start);
  }
  return found;
}

// Words make repeated quotes rarer than single letters would, while the tricky pieces keep
// astral characters, CRLF, combining marks and RTL text in every case.
const textPieces = [...trickyPieces, 'Merkel', 'Paris', 'said', 'on', 'Monday', '\u{1F4F0}', ', '];
// Few pieces: every quote has many copies and only the context (often a short one, near the
// start of the text) tells them apart.
const repetitivePieces = ['Paris', ' ', 'said', '\u{1F600}', '\r\n', 'e\u0301'];

/**
 * Random text, random spans with their context, random edits that avoid the spans' quotes and
 * context: every span must come back at its new place (or, among copies with the whole context
 * around them, the nearest). Returns how many spans moved, so callers can see the test bit.
 */
function checkReanchoring(pieceSet: readonly string[]): number {
  let moved = 0;
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...pieceSet), { minLength: 40, maxLength: 300 }),
      fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: trickyText(10) }), { minLength: 1, maxLength: 8 }),
      (pieces, spanPicks, rawEdits) => {
        const text = pieces.join('');
        const points = Array.from(text);
        const index = new CodePointIndex(text);
        const spans: StoredSpan[] = spanPicks.map((pick) => {
          const start = pick.at % points.length;
          const end = Math.min(points.length, start + pick.length);
          return { start, end, text: points.slice(start, end).join(''), ...annotationContext(index, start, end) };
        });
        const zones = protectedZones(spans);
        const edits = safeEdits(rawEdits, zones, points.length);
        const editedPoints = Array.from(applyEdits(points, edits));
        const editedIndex = new CodePointIndex(editedPoints.join(''));
        const results = reanchorAll(editedIndex, spans);
        assert.equal(results.length, spans.length);

        spans.forEach((span, position) => {
          const newStart = span.start + shift(edits, zones[position][0]);
          const candidates = perfectPositions(editedPoints, span);
          assert.ok(candidates.includes(newStart), 'the test itself kept the span intact');
          // The whole stored context identifies the place; among identical copies (the
          // generator makes some) the nearest to the old start wins, the later one on a tie.
          const distance = (start: number): number => Math.abs(start - span.start);
          const expected = candidates.length === 1
            ? newStart
            : [...candidates].sort((a, b) => distance(a) - distance(b) || b - a)[0];
          const kind = expected === span.start ? 'exact' : 'moved';
          const want = { kind, start: expected, end: expected + span.end - span.start };
          assert.deepEqual(results[position], want, JSON.stringify({ span, edits }));
          if (kind === 'moved') moved++;
        });
      },
    ),
    { numRuns: 300 },
  );
  return moved;
}

describe('reanchorAll', () => {
  it('re-anchors every span to its quote at its new place when edits avoid quotes and context', () => {
    const moved = checkReanchoring(textPieces);
    assert.ok(moved > 100, `only ${moved} spans moved: the generator is too timid`);
  });

  it('tells repeated quotes apart by their context when re-anchoring', () => {
    const moved = checkReanchoring(repetitivePieces);
    assert.ok(moved > 100, `only ${moved} spans moved: the generator is too timid`);
  });

  it('finds a tag whose whole context was rewritten exactly where the shift of its neighbours puts it', () => {
    let moved = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...textPieces), { minLength: 60, maxLength: 300 }),
        fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }), { minLength: 3, maxLength: 6 }),
        fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: trickyText(10) }), { minLength: 1, maxLength: 8 }),
        trickyText(10),
        (pieces, spanPicks, rawEdits, head) => {
          const points = Array.from(pieces.join(''));
          const index = new CodePointIndex(points.join(''));
          // Spans whose quote and context zones do not overlap, in text order.
          const spans: StoredSpan[] = [];
          for (const pick of [...spanPicks].sort((a, b) => (a.at % points.length) - (b.at % points.length))) {
            const start = pick.at % points.length;
            const end = Math.min(points.length, start + pick.length);
            const span = { start, end, text: points.slice(start, end).join(''), ...annotationContext(index, start, end) };
            const [from] = protectedZones([span])[0];
            const previous = spans.length > 0 ? protectedZones([spans[spans.length - 1]])[0][1] : 0;
            if (from >= previous) spans.push(span);
          }
          fc.pre(spans.length >= 3);
          const zones = protectedZones(spans);
          // Edits outside the first and last spans' zones only: every span shifts alike.
          const edits = safeEdits([{ at: 0, remove: 0, insert: head }, ...rawEdits], [[zones[0][0], zones[zones.length - 1][1]]], points.length);
          // The middle span's context is overwritten, code point for code point, on both sides.
          const middle = Math.floor(spans.length / 2);
          const rewritten = [...points];
          for (let at = zones[middle][0]; at < zones[middle][1]; at++) if (at < spans[middle].start || at >= spans[middle].end) rewritten[at] = '#';
          const editedPoints = Array.from(applyEdits(rewritten, edits));
          // A copy of its old surroundings elsewhere would be found by its context instead.
          fc.pre(perfectPositions(editedPoints, spans[middle]).length === 0);
          const results = reanchorAll(new CodePointIndex(editedPoints.join('')), spans);
          const delta = shift(edits, zones[0][0]);
          const want = { kind: delta === 0 ? 'exact' : 'moved', start: spans[middle].start + delta, end: spans[middle].end + delta };
          assert.deepEqual(results[middle], want, JSON.stringify({ spans, edits }));
          if (delta !== 0) moved++;
        },
      ),
      { numRuns: 200 },
    );
    assert.ok(moved > 50, `only ${moved} spans moved: the generator is too timid`);
  });

  it('prefers the later of two equally near copies when nothing else decides', () => {
    // Copies at 0 and 16, both with the whole stored context, the stored start 8 in between:
    // text inserted before a span pushes it forward, so the later copy is the better guess.
    const index = new CodePointIndex('Paris said 1234 Paris said');
    assert.deepEqual(anchorSpan(index, { start: 8, end: 13, text: 'Paris', prefix: '', suffix: ' said' }), { kind: 'moved', start: 16, end: 21 });
  });

  it('returns results in input order, one per span', () => {
    const text = 'Obama met Merkel. Merkel met Obama.';
    const index = new CodePointIndex(text);
    const spans: StoredSpan[] = [
      { start: 29, end: 34, text: 'Obama' },
      { start: 0, end: 5, text: 'Obama' },
      { start: 0, end: 0, text: '' },
      { start: 10, end: 16, text: 'Merkel' },
    ];
    assert.deepEqual(
      reanchorAll(index, spans).map((result) => result.kind),
      ['exact', 'exact', 'orphan', 'exact'],
    );
    assert.deepEqual(reanchorAll(index, []), []);
  });
});

/** A deterministic news-like text of about `size` UTF-16 units, with astral characters. */
function newsText(size: number, seed: number): string {
  const words = ['the', 'minister', 'said', 'on', 'Monday', 'Paris', 'Merkel', 'Obama', 'economy', 'talks',
    '\u{1F4F0}', 'Zo\u00eb', '\u{20BB7}\u91ce\u5bb6', 'Bogota\u0301', '\u0645\u062d\u0645\u062f', 'growth', 'of', 'in'];
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const word = words[Math.floor(random() * words.length)];
    const separator = random() < 0.05 ? '.\r\n' : ' ';
    parts.push(word, separator);
    length += word.length + separator.length;
  }
  return parts.join('');
}

function randomSpans(text: string, count: number): StoredSpan[] {
  const index = new CodePointIndex(text);
  const spans: StoredSpan[] = [];
  for (let item = 0; item < count; item++) {
    const start = Math.floor(((item * 7919) % count) * (index.codePointLength - 40) / count);
    const end = start + 3 + (item % 18);
    spans.push({ start, end, text: index.slice(start, end), ...annotationContext(index, start, end) });
  }
  return spans;
}

function medianMilliseconds(runs: number, work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const begin = performance.now();
    work();
    times.push(performance.now() - begin);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

describe('reanchorAll speed', () => {
  const text = newsText(100_000, 7);
  const spans = randomSpans(text, 2000);

  it('anchors 2,000 spans over an unchanged 100 KB text in a few ms', () => {
    const index = new CodePointIndex(text);
    let results: AnchorResult[] = [];
    const time = medianMilliseconds(7, () => {
      results = reanchorAll(index, spans);
    });
    assert.ok(results.every((result) => result.kind === 'exact'));
    assert.ok(time < 25, `took ${time.toFixed(1)} ms`);
  });

  it('moves 2,000 spans after an insertion at the top quickly', () => {
    const edited = `UPDATE \u{1F6A8}: corrected.\r\n${text}`;
    const index = new CodePointIndex(edited);
    let results: AnchorResult[] = [];
    const time = medianMilliseconds(3, () => {
      results = reanchorAll(index, spans);
    });
    results.forEach((result, position) => {
      assert.deepEqual(result, { kind: 'moved', start: spans[position].start + 22, end: spans[position].end + 22 });
    });
    assert.ok(time < 250, `took ${time.toFixed(1)} ms`);
  });

  it('gives up on hopeless spans within a bounded time instead of hanging', () => {
    const index = new CodePointIndex(text);
    // Long quotes in a script the text never uses: every span goes through the fuzzy search.
    const hopeless: StoredSpan[] = Array.from({ length: 400 }, (_, item) => {
      const quote = '\u03b1\u03b2\u03b3\u03b4\u03b5 '.repeat(5 + (item % 60));
      const start = (item * 241) % 90_000;
      return { start, end: start + codePointLength(quote), text: quote, prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) };
    });
    const begin = performance.now();
    const results = reanchorAll(index, hopeless);
    const time = performance.now() - begin;
    assert.ok(results.every((result) => result.kind === 'orphan'));
    assert.ok(time < 3000, `took ${time.toFixed(0)} ms`);
  });
});
