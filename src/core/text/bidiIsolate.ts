/**
 * Right-to-left text (Arabic, Persian, Hebrew...) shown beside other text is laid out by the
 * Unicode bidirectional algorithm together with its neighbours: a count after a Persian name
 * ("بت فوروارد" then "1 in 1 file") joins the right-to-left run and is drawn on the wrong side,
 * a type label after a tagged Arabic word splits its line into runs drawn in another order. A
 * first-strong isolate (U+2068 ... U+2069) around the piece lays it out on its own and makes it
 * one neutral character to its neighbours, so neither reorders the other.
 *
 * Apply it AFTER `printable()`: `printable` escapes isolates found in file text (they could
 * reorder what follows), and the isolate added here must survive.
 */
const firstStrongIsolate = '\u2068';
const popDirectionalIsolate = '\u2069';

// Blocks of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic,
// their presentation forms, and the right-to-left blocks of the supplementary planes).
const rightToLeft = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether the text holds a right-to-left letter. */
export function hasRightToLeft(text: string): boolean {
  return rightToLeft.test(text);
}

/** The text as one isolated piece, whatever its direction. */
export function isolate(text: string): string {
  return `${firstStrongIsolate}${text}${popDirectionalIsolate}`;
}

/**
 * Isolates the text only when it holds right-to-left letters: other text cannot be reordered by
 * its neighbours in a left-to-right label, and stays free of invisible characters (which would
 * surprise a search or a copy).
 */
export function isolateRightToLeft(text: string): string {
  return hasRightToLeft(text) ? isolate(text) : text;
}
