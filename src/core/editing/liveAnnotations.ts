/**
 * Annotations as they sit in an open editor: each stored entry with its span in the editor's
 * current text (code points) and a state saying how sure we are of that span. The editor keeps
 * this list in step with typing; the sidecar catches up when the text is saved.
 */
import type { AnchorResult } from '../anchoring/anchorSpan';
import type { Annotation, Fragment, Sidecar } from '../sidecar/model';
import { joinedText } from '../sidecar/fragments';
import type { CodePointIndex } from '../text/codePoints';
import { shiftSpan, type TextChange } from './shiftSpan';

export type LiveState =
  /** The span holds the annotation's text. */
  | 'ok'
  /** Found again only approximately after the text changed outside the editor: check it. */
  | 'fuzzy'
  /** Not found in the text: kept in the sidecar, shown as a problem, never dropped. */
  | 'orphan'
  /** Edited inside in this editor: the span followed the edit. */
  | 'edited'
  /** An edit cut across an edge: what is left is tagged; check it. */
  | 'clipped'
  /** Its text was deleted in this editor: it becomes an orphan unless the deletion is undone. */
  | 'deleted';

export interface LiveAnnotation {
  readonly annotation: Annotation;
  readonly start: number;
  readonly end: number;
  readonly state: LiveState;
}

/** A live annotation as the editor's session keeps it: its span and state move with typing (`moveLiveAnnotations`). */
export interface MovingAnnotation extends LiveAnnotation {
  start: number;
  end: number;
  state: LiveState;
}

/** Whether the span is a place in the current text (orphans and deleted spans are not). */
export function isPlaced(live: LiveAnnotation): boolean {
  return live.state !== 'orphan' && live.state !== 'deleted';
}

export function liveAnnotations(sidecar: Sidecar, anchors: readonly AnchorResult[], text: CodePointIndex): MovingAnnotation[] {
  return sidecar.annotations.map((annotation, index) => {
    const anchor = anchors[index];
    if (anchor === undefined) {
      const holds = annotation.end <= text.codePointLength && text.slice(annotation.start, annotation.end) === annotation.text;
      return { annotation, start: annotation.start, end: annotation.end, state: holds ? 'ok' : 'orphan' };
    }
    if (anchor.kind === 'orphan') {
      const start = Math.min(annotation.start, text.codePointLength);
      return { annotation, start, end: start, state: 'orphan' };
    }
    return { annotation, start: anchor.start, end: anchor.end, state: anchor.kind === 'fuzzy' ? 'fuzzy' : 'ok' };
  });
}

const outcomeState = { resized: 'edited', clipped: 'clipped', deleted: 'deleted' } as const;

/**
 * Moves every span through text changes given in the order an editor reports them for one
 * edit (non-overlapping, each in the coordinates of the text before the edit), in place.
 *
 * This runs on every keystroke, over every tag of the file (20,000 in a long article). A new
 * object per moved tag made each keystroke there allocate about a megabyte that lived until the
 * next one, and the collections it caused were most of the slowest keystrokes; so the entries are
 * changed where they are, and the two common cases (a change after the span leaves it alone, a
 * change before it moves it by the change's length difference) are decided without a call or an
 * object. Whoever needs the spans of one moment across an await copies them (a save does).
 */
export function moveLiveAnnotations(live: readonly MovingAnnotation[], changes: readonly TextChange[]): void {
  // Applying the last change first keeps every earlier change's offsets valid.
  const ordered = changes.length > 1 ? [...changes].sort((left, right) => right.start - left.start) : changes;
  for (let index = 0; index < live.length; index++) {
    const item = live[index];
    if (item.state === 'orphan' || item.state === 'deleted') continue;
    let { start, end } = item;
    let state: LiveState = item.state;
    for (const change of ordered) {
      // The first two rules of shiftSpan, inline.
      if (change.start >= end) continue;
      if (change.end <= start) {
        const delta = change.insertedLength - (change.end - change.start);
        start += delta;
        end += delta;
        continue;
      }
      const shifted = shiftSpan({ start, end }, change);
      start = shifted.start;
      end = shifted.end;
      if (shifted.outcome in outcomeState) state = outcomeState[shifted.outcome as keyof typeof outcomeState];
      if (state === 'deleted') break;
    }
    item.start = start;
    item.end = end;
    item.state = state;
  }
}

/**
 * The sidecar change that writes the editor's spans for the saved text: every placed
 * annotation this editor tracks gets its span and exact text; entries it does not track (added
 * on disk meanwhile) and spans it lost are left as the store anchored them.
 */
export function placeAnnotations(sidecar: Sidecar, live: readonly LiveAnnotation[], text: CodePointIndex): Sidecar {
  const placed = new Map(live.filter(isPlaced).map((item) => [item.annotation.id, item]));
  const annotations = sidecar.annotations.map((annotation) => {
    const item = placed.get(annotation.id);
    if (!item || item.end > text.codePointLength) return annotation;
    if (annotation.fragments !== undefined) return placeFragments(annotation, item, text);
    return { ...annotation, start: item.start, end: item.end, text: text.slice(item.start, item.end) };
  });
  return { ...sidecar, annotations };
}

/**
 * A discontinuous span the editor tracked as its outer bounds: when the bounds only moved (same
 * length), every fragment moves with them; when an edit fell inside, it is left as stored and the
 * store finds each fragment again when it writes (the text's hash has changed).
 */
function placeFragments(annotation: Annotation, item: LiveAnnotation, text: CodePointIndex): Annotation {
  const shift = item.start - annotation.start;
  if (item.end - item.start !== annotation.end - annotation.start || shift === 0) return annotation;
  const fragments = annotation.fragments!.map(([start, end]): Fragment => [start + shift, end + shift]);
  return { ...annotation, start: item.start, end: item.end, fragments, text: joinedText(text, fragments) };
}
