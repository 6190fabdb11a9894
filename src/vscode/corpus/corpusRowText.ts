/**
 * What the Corpus view's rows show, and what its filter command accepts. No `vscode` import, so
 * the unit tests check it in plain Node; the words (tooltips, filter) are translated, in
 * fileStateLabel.ts and corpusTreeProvider.ts.
 */
import { fileStates, type FileState, type FileSummary } from '../../core/index';

/**
 * One character per state, for the row: "0 tags · untouched" after a long file name is cut to
 * "0 tags ·…" at the default sidebar width; "0 · ○" fits. The words are in the tooltip.
 */
export const stateSymbols: Record<FileState, string> = { untouched: '○', 'in-progress': '◐', done: '✓', problem: '⚠' };

/**
 * The file row's description: tag count and state symbol, then open suggestions, when there are
 * any, as "3?" (tags not yet decided; the tooltip says it in words).
 */
export function fileRowDescription(summary: Pick<FileSummary, 'annotations' | 'state'> & { suggestions?: number }): string {
  const suggestions = summary.suggestions ?? 0;
  return `${summary.annotations} · ${stateSymbols[summary.state]}${suggestions > 0 ? ` · ${suggestions}?` : ''}`;
}

/**
 * The states Filter Corpus by Status was given, or 'ask' to ask for them. A command on a view's
 * title bar receives the view's focused element (a row the user clicked) as its first argument,
 * and the palette gives none: only a list of known states is a list of states.
 */
export function filterArgument(argument: unknown): readonly FileState[] | 'ask' {
  if (!Array.isArray(argument)) return 'ask';
  const known = new Set<unknown>(fileStates);
  return argument.every((state) => known.has(state)) ? (argument as FileState[]) : 'ask';
}
