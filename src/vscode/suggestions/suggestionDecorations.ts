import * as vscode from 'vscode';
import { openSuggestions } from '../../core/suggest/suggestionActions';
import { isolate } from '../../core/text/bidiIsolate';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import { affectsHintLabels, labelsAsHints } from '../decorations/hintLabels';
import { PaintThrottle } from '../decorations/paintThrottle';

/**
 * Paints open suggestions in the visible editors in their own style, clearly not yet tags: a
 * dashed border, no fill, and the type with a question mark after the span (`PERSON?`). One
 * decoration type, created once; repaints debounced like the tags' own. With word wrap on, the
 * type is an inlay hint instead (labelInlayHints.ts), which the editor wraps with the text.
 */
export class SuggestionDecorations implements vscode.Disposable {
  private readonly decorationType = vscode.window.createTextEditorDecorationType({
    borderWidth: '1px',
    borderStyle: 'dashed',
    borderRadius: '2px',
    light: { borderColor: '#6b6b6b' },
    dark: { borderColor: '#b0b0b0' },
    overviewRulerColor: '#9a9a9a',
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [];
  private readonly throttle = new PaintThrottle(() => this.paintAll());
  /** How many suggestions each visible editor shows, and how many of them with their type after them (for tests). */
  readonly painted = new Map<string, number>();
  readonly labelled = new Map<string, number>();

  constructor(private readonly documents: AnnotatedDocuments) {
    this.disposables.push(
      documents.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsHintLabels(event)) this.schedule();
      }),
    );
    this.schedule();
  }

  schedule(): void {
    this.throttle.request();
  }

  paintAll(): void {
    this.painted.clear();
    this.labelled.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      const session = this.documents.loadedSession(editor.document.uri);
      const suggestions = session ? openSuggestions(session.sidecar, session.text) : [];
      const withLabel = !labelsAsHints(editor.document);
      const options = session
        ? suggestions.map((suggestion): vscode.DecorationOptions => ({
            range: new vscode.Range(editor.document.positionAt(session.text.toUtf16(suggestion.start)), editor.document.positionAt(session.text.toUtf16(suggestion.end))),
            renderOptions: withLabel ? typeAfter(suggestion.type) : undefined,
          }))
        : [];
      editor.setDecorations(this.decorationType, options);
      this.painted.set(editor.document.uri.toString(), options.length);
      this.labelled.set(editor.document.uri.toString(), withLabel ? options.length : 0);
    }
  }

  dispose(): void {
    this.throttle.dispose();
    this.decorationType.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** `PERSON?` after a suggested span, small and in italics. */
function typeAfter(type: string): vscode.DecorationInstanceRenderOptions {
  return {
    after: {
      contentText: isolate(`${type}?`),
      margin: '0 0 0 2px',
      fontStyle: 'italic',
      color: new vscode.ThemeColor('editorCodeLens.foreground'),
      textDecoration: 'none; font-size: 0.72em;',
    },
  };
}
