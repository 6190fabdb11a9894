import * as vscode from 'vscode';
import { openSuggestions } from '../../core/suggest/suggestionActions';
import { printable } from '../../core/text/printable';
import { commandIds } from '../commandIds';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import { workspaceDocumentSelector } from '../uriPaths';

function commandLink(title: string, command: string, args: unknown): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

function escapeMarkdown(text: string): string {
  return printable(text).replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/** Hovering a suggestion shows where it came from, how sure, its link, and Accept / Reject. */
export function registerSuggestionHover(documents: AnnotatedDocuments): vscode.Disposable {
  return vscode.languages.registerHoverProvider(workspaceDocumentSelector(), {
    provideHover(document, position) {
      const session = documents.loadedSession(document.uri);
      if (!session) return undefined;
      const offset = session.text.toCodePoint(document.offsetAt(position));
      const here = openSuggestions(session.sidecar, session.text).filter((suggestion) => suggestion.start <= offset && offset <= suggestion.end);
      if (here.length === 0) return undefined;
      const markdown = new vscode.MarkdownString(undefined, true);
      markdown.isTrusted = { enabledCommands: [commandIds.acceptSuggestion, commandIds.rejectSuggestion, commandIds.acceptAllSuggestions] };
      for (const suggestion of here) {
        const args = { uri: document.uri.toString(), id: suggestion.id };
        markdown.appendMarkdown(`$(lightbulb) ${escapeMarkdown(vscode.l10n.t('Suggested: {0}', suggestion.type))} “${escapeMarkdown(suggestion.text)}”\n\n`);
        const source = suggestion.source === 'tags' ? vscode.l10n.t('from the corpus’s tags') : vscode.l10n.t('from {0}', suggestion.source.replace(/^gazetteer:/, ''));
        markdown.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('{0}, score {1}', source, suggestion.score))}\n\n`);
        if (suggestion.link) markdown.appendMarkdown(`$(link) ${escapeMarkdown(suggestion.link)}\n\n`);
        if (suggestion.overlaps) markdown.appendMarkdown(`$(warning) ${escapeMarkdown(vscode.l10n.t('Overlaps {0} tag(s).', suggestion.overlaps.length))}\n\n`);
        markdown.appendMarkdown(
          `${commandLink(vscode.l10n.t('Accept'), commandIds.acceptSuggestion, args)} · ${commandLink(vscode.l10n.t('Reject'), commandIds.rejectSuggestion, args)} · ${commandLink(vscode.l10n.t('Accept all of this name'), commandIds.acceptAllSuggestions, args)}\n\n`,
        );
      }
      return new vscode.Hover(markdown);
    },
  });
}
