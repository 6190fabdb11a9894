/**
 * Settling one disagreement of an agreement report in our sidecar: the four answers an
 * adjudicator gives, as pure changes from the sidecar's current state. The editor applies the
 * change through the one write path (one undo step). "Ours" is the report's left side, "theirs"
 * its right side; theirs may already be in our sidecar (two annotators in the same files), in
 * which case it is not added twice.
 */
import type { AnnotationChange } from '../editing/annotationChange';
import { noChange } from '../editing/annotationChange';
import { problem, type Problem } from '../problem';
import { newAnnotation } from '../sidecar/createSidecar';
import type { Annotation, Sidecar } from '../sidecar/model';
import type { CodePointIndex } from '../text/codePoints';
import type { Disagreement } from './agreementReport';

export const resolutions = ['accept-theirs', 'keep-mine', 'keep-both', 'reject-both'] as const;
export type Resolution = (typeof resolutions)[number];

function sameSpanAndType(left: Annotation, right: Annotation): boolean {
  return left.type === right.type && left.start === right.start && left.end === right.end;
}

/**
 * accept-theirs: our annotation goes, theirs comes; keep-mine: nothing changes; keep-both: theirs
 * is added beside ours; reject-both: ours goes (and theirs, when it is in our sidecar too).
 * Theirs gets a fresh id when its id is taken by an annotation that stays. A problem when the
 * text no longer holds their span's words (the file changed since the comparison).
 */
export function adjudicationChange(sidecar: Sidecar, text: CodePointIndex, disagreement: Disagreement, resolution: Resolution): AnnotationChange | Problem {
  if (resolution === 'keep-mine') return noChange;
  const theirs = disagreement.right;
  const ours = disagreement.left && sidecar.annotations.find((annotation) => annotation.id === disagreement.left?.id);
  const theirsHere = theirs && sidecar.annotations.find((annotation) => annotation.id === theirs.id && sameSpanAndType(annotation, theirs));
  if (resolution === 'reject-both') return { removed: [ours, theirsHere].filter((annotation): annotation is Annotation => annotation !== undefined), added: [] };
  const removed = resolution === 'accept-theirs' && ours ? [ours] : [];
  if (!theirs || theirsHere) return { removed, added: [] };
  if (text.slice(theirs.start, theirs.end) !== theirs.text) {
    return problem('text-changed', `The text at ${theirs.start}-${theirs.end} is no longer “${theirs.text}”; compare again.`, disagreement.path);
  }
  const staying = sidecar.annotations.filter((annotation) => !removed.includes(annotation));
  const clash = staying.some((annotation) => annotation.id === theirs.id);
  const added = clash ? { ...theirs, id: newAnnotation(sidecar, text, { type: theirs.type, start: theirs.start, end: theirs.end }).id } : theirs;
  return { removed, added: [added] };
}
