import assert from 'node:assert/strict';
import type { StoredSpan } from '../../../src/core/anchoring/anchorSpan';
import { annotationContext } from '../../../src/core/text/annotationContext';
import { CodePointIndex, codePointLength } from '../../../src/core/text/codePoints';

/** A span over `text` as the editor stores it: code-point offsets, quote and its context. */
export function storedSpan(text: string, quote: string, occurrence = 0): StoredSpan {
  const index = new CodePointIndex(text);
  let utf16 = -1;
  for (let count = 0; count <= occurrence; count++) utf16 = text.indexOf(quote, utf16 + 1);
  assert.ok(utf16 >= 0, `${quote} occurs ${occurrence + 1} times`);
  const start = index.toCodePoint(utf16);
  const end = start + codePointLength(quote);
  return { start, end, text: quote, ...annotationContext(index, start, end) };
}

/** Where `quote` is in `text`, in code points. */
export function position(text: string, quote: string, occurrence = 0): { start: number; end: number } {
  const { start, end } = storedSpan(text, quote, occurrence);
  return { start, end };
}
