import assert from 'node:assert/strict';
import fc from 'fast-check';
import { annotationContext, contextLength } from '../../../src/core/text/annotationContext';
import { CodePointIndex } from '../../../src/core/text/codePoints';
import { trickyText } from './mixedText';

describe('annotationContext', () => {
  it('takes 32 code points on each side, counting astral characters as one', () => {
    const before = '\u{1F600}'.repeat(40);
    const after = '\u{20BB7}'.repeat(40);
    const index = new CodePointIndex(`${before}Obama${after}`);
    const { prefix, suffix } = annotationContext(index, 40, 45);
    assert.equal(contextLength, 32);
    assert.equal(prefix, '\u{1F600}'.repeat(32));
    assert.equal(suffix, '\u{20BB7}'.repeat(32));
  });

  it('gives shorter context at the edges of the text', () => {
    const index = new CodePointIndex('Obama said \u{1F44B}');
    assert.deepEqual(annotationContext(index, 0, 5), { prefix: '', suffix: ' said \u{1F44B}' });
    assert.deepEqual(annotationContext(index, 6, 12), { prefix: 'Obama ', suffix: '' });
  });

  it('never throws on offsets outside the text', () => {
    const index = new CodePointIndex('abc');
    assert.deepEqual(annotationContext(index, -4, 99), { prefix: '', suffix: '' });
    assert.deepEqual(annotationContext(index, 2, 1), { prefix: 'ab', suffix: 'c' });
  });

  it('matches the code points around the span for any text', () => {
    fc.assert(
      fc.property(trickyText(120), fc.nat(), fc.nat(), (text, first, second) => {
        const points = Array.from(text);
        const start = first % (points.length + 1);
        const end = start + (second % (points.length - start + 1));
        const context = annotationContext(new CodePointIndex(text), start, end);
        assert.equal(context.prefix, points.slice(Math.max(0, start - 32), start).join(''));
        assert.equal(context.suffix, points.slice(end, end + 32).join(''));
      }),
    );
  });
});
