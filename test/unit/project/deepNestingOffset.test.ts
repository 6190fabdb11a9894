import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { deepNestingOffset } from '../../../src/core/project/deepNestingOffset';

/** Nesting depth of a JSON-like value, counting the top collection as 1. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('deepNestingOffset', () => {
  it('counts each open flow bracket once', () => {
    // The block mapping at column 0 counts two, then one per bracket.
    assert.equal(deepNestingOffset('a: [[[1]]]', 5), undefined);
    assert.equal(deepNestingOffset('a: [[[1]]]', 4), 5);
    assert.equal(deepNestingOffset('a: {b: {c: 1}}', 3), 7);
  });

  it('counts compact "- - -" and each deeper indentation', () => {
    assert.equal(deepNestingOffset('- - - - x', 10), undefined);
    assert.equal(deepNestingOffset('- - - - x', 9), 6);
    const stairs = Array.from({ length: 10 }, (_, level) => ' '.repeat(level) + 'k:').join('\n');
    assert.equal(deepNestingOffset(stairs, 20), undefined);
    assert.notEqual(deepNestingOffset(stairs, 19), undefined);
  });

  it('closes block levels when the indentation comes back', () => {
    const text = ['a:', '  b:', '    c: 1', 'd:', '  e: 1'].join('\n');
    assert.equal(deepNestingOffset(text, 6), undefined);
    assert.equal(deepNestingOffset(text, 5), text.indexOf('c'));
  });

  it('ignores brackets inside quotes, comments, plain text and block scalars', () => {
    const text = [
      'a: "[[[[[[" # [[[[[[',
      "b: '[[[[[[''[[['",
      'c: see [1 and {2',
      'd: |',
      '  [[[[[[[[[[',
      '      {{{{{{{{{',
      'e: "multi-line [[[[',
      '  still [[[[ quoted"',
      'f: 1',
    ].join('\n');
    assert.equal(deepNestingOffset(text, 2), undefined);
  });

  it('keeps counting across lines inside a flow collection', () => {
    assert.equal(deepNestingOffset('a: [\n  [\n    [1]]]', 4), 13);
  });

  it('is not fooled by a quote that only continues a plain scalar', () => {
    // The second line continues the plain scalar "x", so no quoted string hides the brackets.
    const text = 'a: x\n  "\nb: ' + '['.repeat(100) + ']'.repeat(100) + '\n';
    assert.notEqual(deepNestingOffset(text, 64), undefined);
  });

  it('is an upper bound of the real depth, and a loose one only by a small factor (property)', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.oneof(fc.integer(), fc.string(), fc.constant(null)), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 3 }),
      object: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), tie('value'), { maxKeys: 3 }),
    })).value;
    fc.assert(
      fc.property(json, fc.boolean(), (value, flow) => {
        const depth = depthOf(value);
        fc.pre(depth > 0);
        const text = stringify(value, flow ? { collectionStyle: 'flow' } : {});
        // Reaching the true depth must trip a limit one below it...
        assert.notEqual(deepNestingOffset(text, depth - 1), undefined, text);
        // ...and ordinary files must not be refused for a loose estimate.
        assert.equal(deepNestingOffset(text, 4 * depth + 2), undefined, text);
      }),
      { numRuns: 500 },
    );
  });
});
