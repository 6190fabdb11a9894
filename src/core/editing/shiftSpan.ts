/**
 * Keeping annotations on their words while the text is edited in the editor. A text change
 * replaces the code points [start, end) of the old text with `insertedLength` new ones.
 */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly insertedLength: number;
}

export type ShiftOutcome =
  /** The change is after the span, or touches only its end from outside. */
  | 'unchanged'
  /** The change is before the span: the span moved by the change's length difference. */
  | 'shifted'
  /** The change is inside the span: it grew or shrank, its text changed. */
  | 'resized'
  /** The change cut across one edge: the span kept what is left of it; a person should check it. */
  | 'clipped'
  /** The change replaced the whole span: nothing of it is left. */
  | 'deleted';

export interface ShiftedSpan {
  readonly start: number;
  readonly end: number;
  readonly outcome: ShiftOutcome;
}

export function shiftSpan(span: { readonly start: number; readonly end: number }, change: TextChange): ShiftedSpan {
  const delta = change.insertedLength - (change.end - change.start);
  // Typing right before or right after a span extends neither: the new text is outside the tag.
  if (change.start >= span.end) return { start: span.start, end: span.end, outcome: 'unchanged' };
  if (change.end <= span.start) return { start: span.start + delta, end: span.end + delta, outcome: 'shifted' };
  if (change.start >= span.start && change.end <= span.end) {
    return { start: span.start, end: span.end + delta, outcome: span.end + delta > span.start ? 'resized' : 'deleted' };
  }
  if (change.start <= span.start && change.end >= span.end) {
    return { start: change.start, end: change.start, outcome: 'deleted' };
  }
  if (change.start < span.start) {
    // The change covers the span's beginning: keep the tail after the change.
    const start = change.start + change.insertedLength;
    return { start, end: span.end + delta, outcome: 'clipped' };
  }
  // The change covers the span's end: keep the head before the change.
  return { start: span.start, end: change.start, outcome: 'clipped' };
}
