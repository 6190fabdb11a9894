/**
 * compareSides: hand-computed fixtures (each number worked out in the comments) and a property
 * test against an independent Python computation (agreementReference.py).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import type { AgreementReport, Scores, Side } from '../../../src/core/agreement/agreementReport';
import { compareSides } from '../../../src/core/agreement/compareSides';
import { scanTokens } from '../../../src/core/export/tokenize';
import type { Annotation } from '../../../src/core/sidecar/model';
import { CodePointIndex } from '../../../src/core/text/codePoints';

let nextId = 0;
/** An annotation over `text`, its offsets in code points. */
function tag(text: string, type: string, start: number, end: number): Annotation {
  return { id: `a${nextId++}`, type, start, end, text: [...text].slice(start, end).join('') };
}

function side(name: string, documents: Array<{ path: string; text: string; annotations: Annotation[] }>): Side {
  return { name, documents };
}

const close = (actual: number | null, expected: number, label: string) => {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${label}: ${actual} != ${expected}`);
};

/** Counts equal, ratios equal to rounding (Python computes F1 as 2PR / (P + R)). */
function sameScores(actual: Scores, expected: Scores, context: string): void {
  assert.deepEqual([actual.matched, actual.left, actual.right], [expected.matched, expected.left, expected.right], context);
  for (const key of ['precision', 'recall', 'f1'] as const) close(actual[key], expected[key], `${key} ${context}`);
}

describe('compareSides', () => {
  // Offsets:  Gustavo 0-7, Petro 8-13, met 14-17, the 18-21, mayor 22-27, of 28-30,
  //           Bogota 31-37, in 38-40, Cartagena 41-50, "." 50-51.
  const text = 'Gustavo Petro met the mayor of Bogota in Cartagena.';
  const left = [tag(text, 'PER', 0, 13), tag(text, 'LOC', 31, 37), tag(text, 'LOC', 41, 50)];
  const right = [tag(text, 'PER', 8, 13), tag(text, 'PER', 18, 27), tag(text, 'ORG', 31, 37), tag(text, 'LOC', 41, 50)];
  const report = compareSides(side('ana', [{ path: 'a.txt', text, annotations: left }]), side('ben', [{ path: 'a.txt', text, annotations: right }]));

  it('scores exact and overlap matches overall and per type', () => {
    // Exact: only Cartagena (LOC) is the same span and type: matched 1 of left 3, right 4.
    // P = 1/4, R = 1/3, F1 = 2*1/(3+4) = 2/7.
    assert.deepEqual([report.exact.matched, report.exact.left, report.exact.right], [1, 3, 4]);
    close(report.exact.precision, 1 / 4, 'exact P');
    close(report.exact.recall, 1 / 3, 'exact R');
    close(report.exact.f1, 2 / 7, 'exact F1');
    // Overlap: "Petro" overlaps "Gustavo Petro" (both PER) and Cartagena: matched 2.
    // P = 2/4, R = 2/3, F1 = 4/7. Bogota is LOC on one side and ORG on the other: no match.
    assert.equal(report.overlap.matched, 2);
    close(report.overlap.f1, 4 / 7, 'overlap F1');
    assert.deepEqual(Object.keys(report.byType), ['LOC', 'ORG', 'PER']);
    // PER: left 1, right 2; exact 0, overlap 1 => P 1/2, R 1, F1 2/3.
    assert.equal(report.byType.PER.exact.f1, 0);
    close(report.byType.PER.overlap.f1, 2 / 3, 'PER overlap F1');
    // LOC: left 2, right 1; matched 1 => P 1, R 1/2, F1 2/3 (both ways).
    close(report.byType.LOC.exact.f1, 2 / 3, 'LOC exact F1');
    // ORG: only on the right: P 0, R 0 (nothing to find), F1 0.
    assert.deepEqual(report.byType.ORG.exact, { matched: 0, left: 0, right: 1, precision: 0, recall: 0, f1: 0 });
    assert.equal(report.byDocument.length, 1);
    assert.deepEqual(report.byDocument[0].exact, report.exact);
  });

  it('computes token kappa by hand', () => {
    // 10 tokens:
    //   Gustavo Petro met the mayor of Bogota in Cartagena .
    //   left:  PER PER O O   O   O LOC O LOC O
    //   right: O   PER O PER PER O ORG O LOC O
    // Agreeing: Petro, met, of, in, Cartagena, "." => po = 6/10.
    // Left counts PER 2, LOC 2, O 6; right PER 3, ORG 1, LOC 1, O 5.
    // pe = (2*3 + 2*1 + 6*5) / 100 = 0.38; kappa = (0.6 - 0.38) / (1 - 0.38) = 0.22 / 0.62.
    assert.equal(report.tokens, 10);
    close(report.kappa, 0.22 / 0.62, 'kappa');
  });

  it('lists disagreements with their kind and position, sorted', () => {
    assert.deepEqual(
      report.disagreements.map((item) => [item.path, item.line, item.column, item.kind, item.left?.text, item.right?.text]),
      [
        ['a.txt', 1, 1, 'boundary', 'Gustavo Petro', 'Petro'],
        ['a.txt', 1, 19, 'only-right', undefined, 'the mayor'],
        ['a.txt', 1, 32, 'type', 'Bogota', 'Bogota'],
      ],
    );
  });

  it('finds a maximum overlap matching where greedy would stop short', () => {
    // Left LOC 0-10 and 0-3; right LOC 0-10 and 8-12. Greedy takes the exact pair 0-10/0-10 and
    // nothing else fits (0-3 only overlaps the right 0-10; 8-12 only the left 0-10). The maximum
    // matching pairs left 0-3 with right 0-10 and left 0-10 with right 8-12: 2 pairs.
    const letters = 'abcdefghijklmnop';
    const result = compareSides(
      side('l', [{ path: 'x.txt', text: letters, annotations: [tag(letters, 'LOC', 0, 10), tag(letters, 'LOC', 0, 3)] }]),
      side('r', [{ path: 'x.txt', text: letters, annotations: [tag(letters, 'LOC', 0, 10), tag(letters, 'LOC', 8, 12)] }]),
    );
    assert.equal(result.exact.matched, 1);
    assert.equal(result.overlap.matched, 2);
    assert.deepEqual(
      result.disagreements.map((item) => [item.kind, item.left?.start, item.left?.end, item.right?.start, item.right?.end]),
      [
        ['boundary', 0, 3, 0, 10],
        ['boundary', 0, 10, 8, 12],
      ],
    );
  });

  it('breaks ties in overlap by the earlier start', () => {
    // Left PER 0-4 overlaps right PER 0-2 and 2-6 by 2 code points each: the earlier right wins.
    const letters = 'abcdefgh';
    const result = compareSides(
      side('l', [{ path: 'x.txt', text: letters, annotations: [tag(letters, 'PER', 0, 4)] }]),
      side('r', [{ path: 'x.txt', text: letters, annotations: [tag(letters, 'PER', 2, 6), tag(letters, 'PER', 0, 2)] }]),
    );
    assert.deepEqual(
      result.disagreements.map((item) => [item.kind, item.right?.start]),
      [
        ['boundary', 0],
        ['only-right', 2],
      ],
    );
  });

  it('labels nested tokens by the first, then longest tag', () => {
    // "New York City Council": left ORG 0-21 with LOC 0-13 inside: every token is ORG.
    // Right LOC 0-13: LOC LOC LOC O. po = 0; left ORG 4; right LOC 3, O 1; pe = 0 => kappa 0.
    const council = 'New York City Council';
    const result = compareSides(
      side('l', [{ path: 'c.txt', text: council, annotations: [tag(council, 'LOC', 0, 13), tag(council, 'ORG', 0, 21)] }]),
      side('r', [{ path: 'c.txt', text: council, annotations: [tag(council, 'LOC', 0, 13)] }]),
    );
    assert.equal(result.tokens, 4);
    assert.equal(result.kappa, 0);
    assert.equal(result.exact.matched, 1);
  });

  it('gives 1 when both sides are empty, and no kappa when every token is O', () => {
    const result = compareSides(side('l', [{ path: 'e.txt', text: 'No names here.', annotations: [] }]), side('r', [{ path: 'e.txt', text: 'No names here.', annotations: [] }]));
    assert.deepEqual(result.exact, { matched: 0, left: 0, right: 0, precision: 1, recall: 1, f1: 1 });
    assert.equal(result.overlap.f1, 1);
    assert.equal(result.kappa, null);
    assert.equal(result.tokens, 4);
    assert.deepEqual(result.byType, {});
  });

  it('keeps a type named __proto__ as an ordinary entry', () => {
    const result = compareSides(side('l', [{ path: 'p.txt', text: 'abc', annotations: [tag('abc', '__proto__', 0, 3)] }]), side('r', [{ path: 'p.txt', text: 'abc', annotations: [] }]));
    assert.deepEqual(Object.keys(result.byType), ['__proto__']);
    const parsed = JSON.parse(JSON.stringify(result)) as AgreementReport;
    assert.equal(parsed.byType.__proto__.exact.left, 1);
  });

  it('skips documents missing on a side or with another text', () => {
    const result = compareSides(
      side('l', [
        { path: 'b.txt', text: 'same', annotations: [] },
        { path: 'only-left.txt', text: 'x', annotations: [] },
        { path: 'changed.txt', text: 'one', annotations: [] },
      ]),
      side('r', [
        { path: 'changed.txt', text: 'two', annotations: [] },
        { path: 'b.txt', text: 'same', annotations: [] },
        { path: 'a/only-right.txt', text: 'y', annotations: [] },
      ]),
    );
    assert.deepEqual(result.skipped, [
      { path: 'a/only-right.txt', reason: 'missing-left' },
      { path: 'changed.txt', reason: 'text-differs' },
      { path: 'only-left.txt', reason: 'missing-right' },
    ]);
    assert.deepEqual(
      result.byDocument.map((document) => document.path),
      ['b.txt'],
    );
  });

  it('places disagreements by line and code-point column', () => {
    // Line 2 starts after "🇨🇴 flag\r\n" (the flag is two code points, four UTF-16 units); on line
    // 2, "Bogotá " is 7 code points, so "Petro" is at column 8. The text's offset of "Petro" is
    // 2 + 1 + 4 + 2 + 7 = 16 code points.
    const flagText = '🇨🇴 flag\r\nBogotá Petro';
    const result = compareSides(side('l', [{ path: 'f.txt', text: flagText, annotations: [tag(flagText, 'PER', 16, 21)] }]), side('r', [{ path: 'f.txt', text: flagText, annotations: [] }]));
    assert.deepEqual(
      result.disagreements.map((item) => [item.line, item.column, item.kind, item.left?.text]),
      [[2, 8, 'only-left', 'Petro']],
    );
  });

  it('agrees with an independent Python computation on generated sides', function () {
    const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
    if (probe.error !== undefined || probe.status !== 0) {
      console.warn('\n!!! PYTHON3 NOT FOUND: agreement was NOT checked against the Python reference !!!\n');
      this.skip();
    }
    const pieces = ['Petro', ' ', ' ', 'Bogotá', '.', ',', "don't", 'APC-Colombia', '3.5', '北京', '👩‍👩‍👧', '🇨🇴', '\n', 'e\u0301', '—'];
    const caseArbitrary = fc
      .array(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 3 })
      .chain((texts) => {
        const documentArbitrary = (text: string) => {
          const length = [...text].length;
          const annotation = fc
            .tuple(fc.constantFrom('PER', 'ORG', 'LOC'), fc.nat(length), fc.nat(length))
            .map(([type, a, b]) => tag(text, type, Math.min(a, b), Math.max(a, b)));
          return fc.tuple(fc.array(annotation, { maxLength: 6 }), fc.array(annotation, { maxLength: 6 }));
        };
        return fc.tuple(fc.constant(texts), fc.tuple(...texts.map(documentArbitrary)));
      });
    const cases = fc.sample(caseArbitrary, { numRuns: 300, seed: 13 });
    const input = cases.map(([texts, sides]) => ({
      documents: texts.map((text, index) => ({
        length: [...text].length,
        tokens: [...scanTokens(new CodePointIndex(text))].map((token) => [token.start, token.end]),
        left: sides[index][0].map(({ type, start, end }) => ({ type, start, end })),
        right: sides[index][1].map(({ type, start, end }) => ({ type, start, end })),
      })),
    }));
    const script = path.resolve(__dirname, '../../../../test/unit/agreement/agreementReference.py');
    const run = spawnSync('python3', [script], { input: JSON.stringify({ cases: input }), encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(run.status, 0, run.stderr);
    const expected = JSON.parse(run.stdout) as Array<Pick<AgreementReport, 'exact' | 'overlap' | 'byType' | 'tokens' | 'kappa'>>;
    cases.forEach(([texts, sides], caseIndex) => {
      const report = compareSides(
        side('l', texts.map((text, index) => ({ path: `d${index}.txt`, text, annotations: sides[index][0] }))),
        side('r', texts.map((text, index) => ({ path: `d${index}.txt`, text, annotations: sides[index][1] }))),
      );
      const want = expected[caseIndex];
      const context = `case ${caseIndex}: ${JSON.stringify(input[caseIndex])}`;
      sameScores(report.exact, want.exact, context);
      sameScores(report.overlap, want.overlap, context);
      assert.deepEqual(Object.keys(report.byType), Object.keys(want.byType), context);
      for (const [type, scores] of Object.entries(want.byType)) {
        sameScores(report.byType[type].exact, scores.exact, `${type} ${context}`);
        sameScores(report.byType[type].overlap, scores.overlap, `${type} ${context}`);
      }
      assert.equal(report.tokens, want.tokens, context);
      if (want.kappa === null) assert.equal(report.kappa, null, context);
      else close(report.kappa, want.kappa, context);
    });
  });
});

describe('compareSides on hostile input', () => {
  it('stays fast with thousands of tags of one type all overlapping', () => {
    // 4,000 nested tags a side, every one overlapping every other: 16 million candidate pairs.
    const text = 'x'.repeat(8_000);
    const nested = (shift: number) => Array.from({ length: 4_000 }, (_, index) => tag(text, 'PER', index, 8_000 - index + shift));
    const started = Date.now();
    const report = compareSides(side('l', [{ path: 'h.txt', text, annotations: nested(0) }]), side('r', [{ path: 'h.txt', text, annotations: nested(-1) }]));
    assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
    // Still one to one: no more pairs than tags on a side.
    assert.ok(report.overlap.matched <= 4_000);
    assert.equal(report.exact.matched, 0);
  });
});
