import * as vscode from 'vscode';
import { isPlaced } from '../../core/editing/liveAnnotations';
import { openSuggestions } from '../../core/suggest/suggestionActions';
import { hasRightToLeft } from '../../core/text/bidiIsolate';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import { relationHintsOf } from '../relations/relationHints';
import { workspaceDocumentSelector } from '../uriPaths';
import { affectsHintLabels, labelsAsHints } from './hintLabels';

/** Whether type labels are drawn as inlay hints instead of decoration text (see hintLabels.ts). */
export function typeLabelsAsHints(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('newsAnnotator').get<boolean>('decorations.showLabels', true) && labelsAsHints(document);
}

/** Type labels, suggestions' types and relation hints as inlay hints, for editors with word wrap on (see hintLabels.ts). */
export function registerLabelInlayHints(documents: AnnotatedDocuments): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    provideInlayHints(document, range) {
      const session = documents.loadedSession(document.uri);
      if (!session || !labelsAsHints(document)) return [];
      const hints: vscode.InlayHint[] = [];
      // The editor asks for what it shows: compare code-point offsets before making positions,
      // so a long article's thousands of tags elsewhere cost a comparison each.
      const from = session.text.toCodePoint(document.offsetAt(range.start));
      const to = session.text.toCodePoint(document.offsetAt(range.end));
      const add = (end: number, label: string, tooltip: string) => {
        let position = document.positionAt(session.text.toUtf16(end));
        if (!range.contains(position)) return;
        // As with decorations: beside right-to-left words a label would reorder the line, so it
        // goes to the end of that line.
        if (hasRightToLeft(document.lineAt(position.line).text)) position = document.lineAt(position.line).range.end;
        // No isolate marks here: the editor shows them in hints as visible [U+2068] boxes, and a
        // hint is laid out apart from the line's text anyway.
        const hint = new vscode.InlayHint(position, label);
        hint.paddingLeft = true;
        hint.tooltip = tooltip;
        hints.push(hint);
      };
      if (typeLabelsAsHints(document)) {
        for (const item of session.live) {
          if (!isPlaced(item) || item.end <= item.start || item.end < from || item.end > to) continue;
          const uncertain = item.state === 'fuzzy' || item.state === 'clipped';
          add(item.end, `${item.annotation.type}${uncertain ? '?' : ''}`, item.annotation.type);
        }
      }
      // A suggestion's type is its only label, drawn whatever the label setting says.
      for (const suggestion of openSuggestions(session.sidecar, session.text)) {
        if (suggestion.end >= from && suggestion.end <= to) add(suggestion.end, `${suggestion.type}?`, vscode.l10n.t('Suggested: {0}', suggestion.type));
      }
      // After the tag's own label, as the decorations draw them.
      for (const relations of relationHintsOf(session)) {
        if (relations.end >= from && relations.end <= to) add(relations.end, relations.texts.join(' · '), relations.texts.join('\n'));
      }
      return hints;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerInlayHintsProvider(workspaceDocumentSelector(), provider),
    documents.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsHintLabels(event) || event.affectsConfiguration('newsAnnotator.decorations.showLabels')) changed.fire();
    }),
  );
}
