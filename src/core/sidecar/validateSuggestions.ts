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
  const suggestions = sidecar.suggestions ?? [];
  // A file may hold thousands of suggestions and is checked on every save: nothing is made for
  // one that is fine.
  const where = (index: number, field: string, message: string, code: 'suggestion-range' | 'suggestion-mismatch') => {
    const position = positions?.[index];
    const found = position?.fields?.[field] ?? position ?? { line: 1, column: 1 };
    problems.push(problem(code, message, file, found.line, found.column, 'warning'));
  };
  for (let index = 0; index < suggestions.length; index++) {
    const suggestion = suggestions[index];
    if (suggestion.end < suggestion.start || suggestion.end > text.codePointLength) {
      where(index, 'end', `The suggestion ${suggestion.id} (${suggestion.start}-${suggestion.end}) is not inside the text (${text.codePointLength} code points); it is not shown.`, 'suggestion-range');
      continue;
    }
    const actual = text.slice(suggestion.start, suggestion.end);
    if (actual !== suggestion.text) {
      where(index, 'text', `The text at ${suggestion.start}-${suggestion.end} is ${JSON.stringify(actual)}, not the suggestion's ${JSON.stringify(suggestion.text)}; it is not shown.`, 'suggestion-mismatch');
    }
  }
  return problems;
}
