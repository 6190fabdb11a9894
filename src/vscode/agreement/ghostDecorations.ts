import * as vscode from 'vscode';
import { hasRightToLeft, isolate } from '../../core/text/bidiIsolate';
import { CodePointIndex } from '../../core/text/codePoints';
import { affectsHintLabels, labelsAsHints } from '../decorations/hintLabels';
import { workspaceDocumentSelector } from '../uriPaths';
import type { AdjudicationSession } from './adjudicationSession';

/**
 * Shows the other side's spans of the open disagreements beside ours in the visible editors: a
 * dashed outline without fill (so our own colours stay readable underneath) and a label
 * "theirs: TYPE" after both spans (after their span alone it would split a word whenever their
 * bounds end inside ours). Two decoration types, created once, owned here. With word wrap on the
 * labels are inlay hints instead, which the editor wraps with the text (see hintLabels.ts).
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
  /** Per document URI, the ranges last painted, and how many labels were drawn as decoration text (tests read them). */
  readonly painted = new Map<string, { range: vscode.Range; label: string }[]>();
  readonly labelled = new Map<string, number>();
  private readonly hintsChanged = new vscode.EventEmitter<void>();
  /** The labels' inlay-hint provider, registered when the first comparison starts (see paintAll). */
  private hintProvider: vscode.Disposable | undefined;

  constructor(private readonly session: AdjudicationSession) {
    this.disposables.push(
      this.decorationType,
      this.labelType,
      this.hintsChanged,
      session.onDidChange(() => this.paintAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.painted.has(event.document.uri.toString())) this.paintAll();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsHintLabels(event)) this.paintAll();
      }),
    );
  }

  paintAll(): void {
    // Registered late on purpose: the editor lists the hints of providers registered later after
    // those of earlier ones, so at a span where ours and theirs both end, our type label comes
    // first and "theirs: TYPE" after it.
    if (this.session.active !== undefined) this.hintProvider ??= this.registerHints();
    this.painted.clear();
    this.labelled.clear();
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
    this.hintsChanged.fire();
  }

  private registerHints(): vscode.Disposable {
    return vscode.languages.registerInlayHintsProvider(workspaceDocumentSelector(), {
      onDidChangeInlayHints: this.hintsChanged.event,
      provideInlayHints: (document, range) =>
        !labelsAsHints(document)
          ? []
          : this.ghostsOf(document)
              .filter((ghost) => range.contains(ghost.labelAt))
              .map((ghost) => {
                // Beside right-to-left words a hint would reorder the line: it goes to the line's end (as type labels do).
                const line = document.lineAt(ghost.labelAt.line);
                const hint = new vscode.InlayHint(hasRightToLeft(line.text) ? line.range.end : ghost.labelAt, ghost.label);
                hint.paddingLeft = true;
                return hint;
              }),
    });
  }

  /** The other side's spans of the open disagreements in `document`, each with its label and where the label goes. */
  private ghostsOf(document: vscode.TextDocument): { range: vscode.Range; label: string; labelAt: vscode.Position }[] {
    const path = this.session.active?.pathOf(document.uri);
    const disagreements = path === undefined ? [] : (this.session.report?.disagreements ?? []).filter((item) => item.path === path && item.right !== undefined);
    if (disagreements.length === 0) return [];
    const text = new CodePointIndex(document.getText());
    const position = (offset: number) => document.positionAt(text.toUtf16(offset));
    const ghosts: { range: vscode.Range; label: string; labelAt: vscode.Position }[] = [];
    for (const item of disagreements) {
      const theirs = item.right!;
      const end = Math.max(theirs.end, item.left?.end ?? 0);
      if (end > text.codePointLength) continue;
      ghosts.push({ range: new vscode.Range(position(theirs.start), position(theirs.end)), label: vscode.l10n.t('theirs: {0}', theirs.type), labelAt: position(end) });
    }
    return ghosts;
  }

  private paint(editor: vscode.TextEditor): void {
    const ghosts = this.ghostsOf(editor.document);
    // With word wrap on, the inlay-hint provider above draws the labels.
    const labels = labelsAsHints(editor.document) ? [] : ghosts.map((ghost) => labelAfter(ghost.labelAt, ghost.label));
    editor.setDecorations(this.decorationType, ghosts.map((ghost) => ghost.range));
    editor.setDecorations(this.labelType, labels);
    if (ghosts.length === 0) return;
    this.painted.set(editor.document.uri.toString(), ghosts.map(({ range, label }) => ({ range, label })));
    this.labelled.set(editor.document.uri.toString(), labels.length);
  }

  dispose(): void {
    this.hintProvider?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** `theirs: TYPE` after the spans, small, in italics and in the editor's information colour. */
function labelAfter(at: vscode.Position, label: string): vscode.DecorationOptions {
  return {
    range: new vscode.Range(at, at),
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
  };
}
