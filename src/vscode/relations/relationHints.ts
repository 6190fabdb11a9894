import * as vscode from 'vscode';
import { isPlaced } from '../../core/editing/liveAnnotations';
import { isolate } from '../../core/text/bidiIsolate';
import { printable } from '../../core/text/printable';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import type { DocumentSession } from '../documents/documentSession';
import { affectsHintLabels, labelsAsHints } from '../decorations/hintLabels';
import { PaintThrottle } from '../decorations/paintThrottle';

/** Longest target text a hint shows before it is cut with an ellipsis. */
const hintTextLength = 32;

/** `→ meets: Gustavo Petro`: one hint per relation leaving a tag (the target's text, cut short). */
export function relationHintText(type: string, targetText: string): string {
  const characters = Array.from(printable(targetText));
  const shown = characters.length > hintTextLength ? `${characters.slice(0, hintTextLength - 1).join('')}…` : characters.join('');
  return `→ ${type}: ${shown}`;
}

/** The hints of each placed tag that relations leave, with where the tag ends (a code-point offset). */
export function relationHintsOf(session: DocumentSession): { end: number; texts: string[] }[] {
  const relations = session.sidecar?.relations ?? [];
  if (relations.length === 0) return [];
  const placed = new Map(session.live.filter(isPlaced).map((item) => [item.annotation.id, item]));
  const bySource = new Map<string, { end: number; texts: string[] }>();
  for (const relation of relations) {
    const source = placed.get(relation.from);
    const target = placed.get(relation.to);
    if (!source || !target) continue;
    let hints = bySource.get(relation.from);
    if (hints === undefined) bySource.set(relation.from, (hints = { end: source.end, texts: [] }));
    hints.texts.push(relationHintText(relation.type, target.annotation.text));
  }
  return [...bySource.values()];
}

/**
 * Draws each tag's outgoing relations after it, as decoration text in the editor's inlay-hint
 * colours (one decoration type, owned here; repaints debounced like the tags' own decorations).
 * Decoration text needs no provider round trip and repaints with the tags, but the editor does
 * not count it when it wraps lines: with word wrap on, the hints are inlay hints instead
 * (labelInlayHints.ts).
 */
export class RelationHints implements vscode.Disposable {
  private readonly decorationType = vscode.window.createTextEditorDecorationType({
    after: {
      color: new vscode.ThemeColor('editorInlayHint.foreground'),
      backgroundColor: new vscode.ThemeColor('editorInlayHint.background'),
      margin: '0 0 0 4px',
      textDecoration: 'none; font-size: 0.85em; border-radius: 3px; padding: 0 3px;',
    },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [];
  private readonly throttle = new PaintThrottle(() => this.paintAll());
  /** The hint texts each editor got in the last paint, by document URI (tests read them). */
  readonly painted = new Map<string, string[]>();

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

  private schedule(): void {
    this.throttle.request();
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  private paint(editor: vscode.TextEditor): void {
    const session = this.documents.loadedSession(editor.document.uri);
    const options: vscode.DecorationOptions[] = [];
    const texts: string[] = [];
    if (session && !labelsAsHints(editor.document)) {
      for (const hints of relationHintsOf(session)) {
        const end = editor.document.positionAt(session.text.toUtf16(hints.end));
        texts.push(...hints.texts);
        // Isolated, so the hint's own direction never reorders a right-to-left line around it.
        options.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: isolate(hints.texts.join(' · ')) } } });
      }
    }
    editor.setDecorations(this.decorationType, options);
    this.painted.set(editor.document.uri.toString(), texts);
  }

  dispose(): void {
    this.throttle.dispose();
    this.decorationType.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
