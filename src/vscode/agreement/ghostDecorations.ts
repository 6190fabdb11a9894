import * as vscode from 'vscode';
import { isolate } from '../../core/text/bidiIsolate';
import { CodePointIndex } from '../../core/text/codePoints';
import type { AdjudicationSession } from './adjudicationSession';

/**
 * Shows the other side's spans of the open disagreements beside ours in the visible editors: a
 * dashed outline without fill (so our own colours stay readable underneath) and a label
 * "theirs: TYPE" after both spans (after their span alone it would split a word whenever their
 * bounds end inside ours). Two decoration types, created once, owned here.
 */
export class GhostDecorations implements vscode.Disposable {
  private readonly labelType = vscode.window.createTextEditorDecorationType({});
  private readonly decorationType = vscode.window.createTextEditorDecorationType({
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
    borderRadius: '3px',
    overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [];
  /** Per document URI, the ranges last painted (tests read them). */
  readonly painted = new Map<string, { range: vscode.Range; label: string }[]>();

  constructor(private readonly session: AdjudicationSession) {
    this.disposables.push(
      this.decorationType,
      this.labelType,
      session.onDidChange(() => this.paintAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.painted.has(event.document.uri.toString())) this.paintAll();
      }),
    );
  }

  paintAll(): void {
    this.painted.clear();
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  private paint(editor: vscode.TextEditor): void {
    const comparison = this.session.active;
    const path = comparison?.pathOf(editor.document.uri);
    const disagreements = path === undefined ? [] : (this.session.report?.disagreements ?? []).filter((item) => item.path === path && item.right !== undefined);
    if (disagreements.length === 0) {
      editor.setDecorations(this.decorationType, []);
      editor.setDecorations(this.labelType, []);
      return;
    }
    const text = new CodePointIndex(editor.document.getText());
    const spans: vscode.Range[] = [];
    const labels: vscode.DecorationOptions[] = [];
    const painted: { range: vscode.Range; label: string }[] = [];
    for (const item of disagreements) {
      const theirs = item.right!;
      const end = Math.max(theirs.end, item.left?.end ?? 0);
      if (end > text.codePointLength) continue;
      const position = (offset: number) => editor.document.positionAt(text.toUtf16(offset));
      const range = new vscode.Range(position(theirs.start), position(theirs.end));
      const label = vscode.l10n.t('theirs: {0}', theirs.type);
      spans.push(range);
      labels.push({
        range: new vscode.Range(position(end), position(end)),
        renderOptions: {
          after: {
            // Isolated so a right-to-left type name or line never reorders the label.
            contentText: isolate(label),
            color: new vscode.ThemeColor('editorInfo.foreground'),
            margin: '0 0 0 3px',
            fontStyle: 'italic',
            textDecoration: 'none; font-size: 0.72em;',
          },
        },
      });
      painted.push({ range, label });
    }
    editor.setDecorations(this.decorationType, spans);
    editor.setDecorations(this.labelType, labels);
    this.painted.set(editor.document.uri.toString(), painted);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
