/**
 * Discontinuous spans. An annotation with `fragments` covers several pieces of the text; its
 * `start`/`end` are the outer bounds and its `text` the pieces' texts joined by one space (what
 * brat writes too), so Python checks one with `' '.join(text[s:e] for s, e in fragments)`.
 */
import type { CodePointIndex } from '../text/codePoints';
import { fragmentSeparator, type Annotation, type Fragment } from './model';

/** The pieces of a span: its fragments, or the one piece `[start, end]`. */
export function piecesOf(annotation: Pick<Annotation, 'start' | 'end' | 'fragments'>): readonly Fragment[] {
  return annotation.fragments ?? [[annotation.start, annotation.end]];
}

/** The text an annotation with these pieces must hold. */
export function joinedText(text: CodePointIndex, pieces: readonly Fragment[]): string {
  return pieces.map(([start, end]) => text.slice(start, end)).join(fragmentSeparator);
}

/**
 * What is wrong with an annotation's fragments as a shape (before looking at the text), or
 * undefined when they are fine: at least two, each `start < end`, in order, apart (a gap of at
 * least one code point: touching pieces are one piece), and framed by `start` and `end`.
 */
export function fragmentShapeProblem(annotation: Pick<Annotation, 'start' | 'end' | 'fragments'>): string | undefined {
  const fragments = annotation.fragments;
  if (fragments === undefined) return undefined;
  if (fragments.length < 2) return `fragments must list at least two pieces (found ${fragments.length}); a single piece is written with start and end alone.`;
  for (let index = 0; index < fragments.length; index++) {
    const [start, end] = fragments[index];
    if (end <= start) return `fragment ${index + 1} ([${start}, ${end}]) is empty or runs backwards.`;
    if (index > 0 && start <= fragments[index - 1][1]) {
      return `fragment ${index + 1} ([${start}, ${end}]) does not start after fragment ${index} ends (${fragments[index - 1][1]}): fragments must be in order, apart and not overlapping.`;
    }
  }
  const first = fragments[0][0];
  const last = fragments[fragments.length - 1][1];
  if (first !== annotation.start || last !== annotation.end) return `the fragments run from ${first} to ${last}, but start and end say ${annotation.start}-${annotation.end}; they must be the outer bounds.`;
  return undefined;
}

/**
 * The text of each fragment, cut from the annotation's own `text` by the fragments' lengths
 * (what re-anchoring searches for), or undefined when the text does not split that way.
 */
export function storedPieceTexts(annotation: Annotation): string[] | undefined {
  const fragments = annotation.fragments;
  if (fragments === undefined) return [annotation.text];
  const characters = Array.from(annotation.text);
  const pieces: string[] = [];
  let at = 0;
  for (let index = 0; index < fragments.length; index++) {
    const length = fragments[index][1] - fragments[index][0];
    if (index > 0) {
      if (characters[at] !== fragmentSeparator) return undefined;
      at++;
    }
    if (length < 0 || at + length > characters.length) return undefined;
    pieces.push(characters.slice(at, at + length).join(''));
    at += length;
  }
  return at === characters.length ? pieces : undefined;
}
