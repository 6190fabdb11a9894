/**
 * Selections made by hand often take a space or a line break with the name (a double-click on
 * a word and a drag to the next one, a triple-click on a line). A tag never starts or ends with
 * white space: the export formats could not keep it (tokens hold none), so they would trim it
 * anyway, and the Tags view would count " Beijing " apart from "Beijing". White space here is
 * what the exporters trim (`\s` with Unicode semantics: spaces, tabs, line breaks, NBSP, ...).
 */
import { codePointLength, type CodePointIndex } from '../text/codePoints';
import { isWhiteSpace } from '../text/whiteSpace';
import type { Span } from './findOccurrences';

const leadingWhitespace = /^\s+/u;
const trailingWhitespace = /\s+$/u;

const noEdges = Object.freeze({ leading: 0, trailing: 0, blank: false });

/** How many code points of white space `text` starts and ends with; `blank` when it is nothing else. */
export function whitespaceEdges(text: string): { readonly leading: number; readonly trailing: number; readonly blank: boolean } {
  // Nearly every tag starts and ends with a letter: two code units settle it. (The expressions
  // below scan the whole text, and `\s+$` tries from every position; `validate` asks this of
  // every tag.) Every white-space character is in the BMP, so one unit is enough.
  if (text.length > 0 && !isWhiteSpace(text.charCodeAt(0)) && !isWhiteSpace(text.charCodeAt(text.length - 1))) return noEdges;
  const leading = codePointLength(leadingWhitespace.exec(text)?.[0] ?? '');
  const length = codePointLength(text);
  if (leading === length) return { leading, trailing: 0, blank: true };
  return { leading, trailing: codePointLength(trailingWhitespace.exec(text)?.[0] ?? ''), blank: false };
}

/** The span without its leading and trailing white space; undefined when it holds nothing else. */
export function trimSpan(text: CodePointIndex, span: Span): Span | undefined {
  const edges = whitespaceEdges(text.slice(span.start, span.end));
  if (edges.blank) return undefined;
  return { start: span.start + edges.leading, end: span.end - edges.trailing };
}
