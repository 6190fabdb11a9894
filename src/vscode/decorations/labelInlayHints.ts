import * as vscode from 'vscode';
import { isPlaced } from '../../core/editing/liveAnnotations';
import { hasRightToLeft } from '../../core/text/bidiIsolate';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import { workspaceDocumentSelector } from '../uriPaths';

/**
 * Whether type labels are drawn as inlay hints instead of decoration text. With word wrap on,
 * VS Code does not count decoration text (CSS `::after` content) when it wraps a line, so labels
 * push the end of each row under the minimap and out of sight; inlay hints are text the editor
 * lays out, so wrapped rows keep them visible. They lose the type's colour, so they are used
 * only where wrapping needs them.
 */
export function labelsAsInlayHints(document: vscode.TextDocument): boolean {
  const showLabels = vscode.workspace.getConfiguration('newsAnnotator').get<boolean>('decorations.showLabels', true);
  return showLabels && vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap', 'off') !== 'off';
}

/** Type labels as inlay hints, for editors with word wrap on (see labelsAsInlayHints). */
export function registerLabelInlayHints(documents: AnnotatedDocuments): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    provideInlayHints(document, range) {
      const session = documents.loadedSession(document.uri);
      if (!session || !labelsAsInlayHints(document)) return [];
      const hints: vscode.InlayHint[] = [];
      // The editor asks for what it shows: compare code-point offsets before making positions,
      // so a long article's thousands of tags elsewhere cost a comparison each.
      const from = session.text.toCodePoint(document.offsetAt(range.start));
      const to = session.text.toCodePoint(document.offsetAt(range.end));
      for (const item of session.live) {
        if (!isPlaced(item) || item.end <= item.start || item.end < from || item.end > to) continue;
        let position = document.positionAt(session.text.toUtf16(item.end));
        if (!range.contains(position)) continue;
        // As with decorations: beside right-to-left words a label would reorder the line, so it
        // goes to the end of that line.
        if (hasRightToLeft(document.lineAt(position.line).text)) position = document.lineAt(position.line).range.end;
        const uncertain = item.state === 'fuzzy' || item.state === 'clipped';
        // No isolate marks here: the editor shows them in hints as visible [U+2068] boxes, and a
        // hint is laid out apart from the line's text anyway.
        const hint = new vscode.InlayHint(position, `${item.annotation.type}${uncertain ? '?' : ''}`);
        hint.paddingLeft = true;
        hint.tooltip = item.annotation.type;
        hints.push(hint);
      }
      return hints;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerInlayHintsProvider(workspaceDocumentSelector(), provider),
    documents.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('editor.wordWrap') || event.affectsConfiguration('newsAnnotator.decorations.showLabels')) changed.fire();
    }),
  );
}
