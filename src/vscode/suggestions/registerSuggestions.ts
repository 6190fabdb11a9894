import * as vscode from 'vscode';
import type { TaggingContext } from '../editing/registerTaggingCommands';
import { registerSuggestionCommands } from './registerSuggestionCommands';
import { SuggestionDecorations } from './suggestionDecorations';
import { registerSuggestionHover } from './suggestionHover';

/** Suggestions in the editor: their decorations, hover and commands, as one Disposable. */
export function registerSuggestions(context: TaggingContext): { disposable: vscode.Disposable; decorations: SuggestionDecorations } {
  const decorations = new SuggestionDecorations(context.documents);
  return { disposable: vscode.Disposable.from(decorations, registerSuggestionHover(context.documents), registerSuggestionCommands(context)), decorations };
}
