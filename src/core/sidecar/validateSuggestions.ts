/**
 * Checks the suggestions against the text: a span past the end or text that does not match its
 * offsets. Only warnings: a wrong suggestion loses nothing (re-anchoring drops it, the next
 * `suggest` run makes it again) and never stops a file from being written.
 */
import type { CodePointIndex } from '../text/codePoints';
import { problem, type Problem } from '../problem';
import type { EntryPosition, Sidecar } from './model';

export function validateSuggestions(sidecar: Sidecar, positions: readonly EntryPosition[] | undefined, text: CodePointIndex | undefined, file: string): Problem[] {
  const problems: Problem[] = [];
  if (text === undefined) return problems;
  (sidecar.suggestions ?? []).forEach((suggestion, index) => {
    const position = positions?.[index];
    const at = (field: string) => position?.fields?.[field] ?? position ?? { line: 1, column: 1 };
    const where = (field: string, message: string, code: 'suggestion-range' | 'suggestion-mismatch') => {
      const found = at(field);
      problems.push(problem(code, message, file, found.line, found.column, 'warning'));
    };
    if (suggestion.end < suggestion.start || suggestion.end > text.codePointLength) {
      where('end', `The suggestion ${suggestion.id} (${suggestion.start}-${suggestion.end}) is not inside the text (${text.codePointLength} code points); it is not shown.`, 'suggestion-range');
      return;
    }
    const actual = text.slice(suggestion.start, suggestion.end);
    if (actual !== suggestion.text) {
      where('text', `The text at ${suggestion.start}-${suggestion.end} is ${JSON.stringify(actual)}, not the suggestion's ${JSON.stringify(suggestion.text)}; it is not shown.`, 'suggestion-mismatch');
    }
  });
  return problems;
}
