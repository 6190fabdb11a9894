import { LinePositions } from '../text/linePositions';

/** Where two texts first differ, as "first difference at line L, column C" of `corpus`. */
export function textDifference(corpus: string, other: string): string {
  let index = 0;
  const length = Math.min(corpus.length, other.length);
  while (index < length && corpus.charCodeAt(index) === other.charCodeAt(index)) index++;
  if (index === length && corpus.length === other.length) return 'no difference';
  const where = new LinePositions(corpus).at(index);
  return `first difference at line ${where.line}, column ${where.column}`;
}
