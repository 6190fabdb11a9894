/**
 * Keeping a sidecar's offsets true to its text. When the text file's hash still matches
 * `source.sha256`, the text is the one the offsets were written for: every annotation whose
 * stored span holds its text is exact, and one that does not has invalid offsets (a hand edit),
 * which no search may "repair": it is an orphan until a person fixes it, and `validateSidecar`
 * reports it as an error. When the hash differs, the anchoring module finds every annotation
 * again, moving it only with evidence.
 */
import { reanchorAll } from '../anchoring/reanchorAll';
import type { AnchorResult, FoundFragments } from '../anchoring/anchorSpan';
import { annotationContext } from '../text/annotationContext';
import type { CodePointIndex } from '../text/codePoints';
import type { DecodedText } from '../text/decodeText';
import type { Annotation, Fragment, Sidecar } from '../sidecar/model';
import { fragmentShapeProblem, joinedText } from '../sidecar/fragments';
import { reanchorFragments } from './reanchorFragments';

export function anchorAnnotations(sidecar: Sidecar, text: CodePointIndex, textSha256: string): AnchorResult[] {
  const annotations = sidecar.annotations;
  if (sidecar.source.sha256 !== textSha256) {
    return annotations.some((annotation) => annotation.fragments !== undefined) ? reanchorFragments(text, annotations) : reanchorAll(text, annotations);
  }
  return annotations.map((annotation) => (holdsText(annotation, text) ? { kind: 'exact', start: annotation.start, end: annotation.end } : { kind: 'orphan' }));
}

/** Whether the annotation's offsets (each fragment's, for a discontinuous span) are inside the text and cover exactly its `text`. */
export function holdsText(annotation: Annotation, text: CodePointIndex): boolean {
  if (annotation.fragments !== undefined) {
    return fragmentShapeProblem(annotation) === undefined && annotation.end <= text.codePointLength && joinedText(text, annotation.fragments) === annotation.text;
  }
  return (
    annotation.start <= annotation.end &&
    annotation.end <= text.codePointLength &&
    text.slice(annotation.start, annotation.end) === annotation.text
  );
}

/**
 * The sidecar with exact and moved anchors applied (the quote is unchanged, only its place).
 * Fuzzy and orphan results are left as stored, for a person to confirm; `settled` says whether
 * every annotation now holds its text, i.e. whether `source.sha256` may be brought up to date.
 */
export function applyAnchors(sidecar: Sidecar, anchors: readonly AnchorResult[]): { sidecar: Sidecar; settled: boolean } {
  let settled = true;
  const annotations = sidecar.annotations.map((annotation, index) => {
    const anchor = anchors[index];
    if (anchor === undefined || anchor.kind === 'exact' || anchor.kind === 'moved') {
      if (anchor === undefined || (anchor.start === annotation.start && anchor.end === annotation.end && sameFragments(anchor.fragments, annotation.fragments))) return annotation;
      // A discontinuous span moves piece by piece: each fragment was found again on its own.
      if (anchor.fragments !== undefined) return { ...annotation, start: anchor.start, end: anchor.end, fragments: anchor.fragments.map(([start, end]): Fragment => [start, end]) };
      return { ...annotation, start: anchor.start, end: anchor.end };
    }
    settled = false;
    return annotation;
  });
  return { sidecar: { ...sidecar, annotations }, settled };
}

/**
 * Brings the source block and every annotation's context up to date with the text. Annotations
 * whose offsets do not hold their text keep their old context, which is what finds them again.
 */
export function refreshSidecar(sidecar: Sidecar, fileName: string, decoded: DecodedText, text: CodePointIndex, settled: boolean): Sidecar {
  const source = {
    ...sidecar.source,
    file: fileName,
    sha256: settled ? decoded.sha256 : sidecar.source.sha256,
    unit: 'codepoint' as const,
    encoding: 'utf-8' as const,
    bom: decoded.bom,
    newline: decoded.newline,
  };
  const annotations = sidecar.annotations.map((annotation) => {
    if (!holdsText(annotation, text)) return annotation;
    const { prefix, suffix } = annotationContext(text, annotation.start, annotation.end);
    return annotation.prefix === prefix && annotation.suffix === suffix ? annotation : { ...annotation, prefix, suffix };
  });
  return { ...sidecar, source, annotations };
}

/** Whether re-anchoring left every fragment where it was (true for plain spans). */
function sameFragments(found: FoundFragments | undefined, stored: readonly Fragment[] | undefined): boolean {
  if (found === undefined) return true;
  return stored !== undefined && found.length === stored.length && found.every(([start, end], index) => start === stored[index][0] && end === stored[index][1]);
}
