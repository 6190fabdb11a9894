import * as vscode from 'vscode';
import { isPlaced, type LiveAnnotation } from '../../core/editing/liveAnnotations';
import { livePieces } from '../../core/editing/livePieces';
import { coversVisible, paintAllUpTo, paintWindows, touchesAny, type LineWindow } from '../../core/editing/paintWindows';
import type { EntityType } from '../../core/project';
import { hasRightToLeft, isolate } from '../../core/text/bidiIsolate';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import type { DocumentSession } from '../documents/documentSession';
import type { ProjectService } from '../project/projectService';
import { affectsHintLabels } from './hintLabels';
import { typeLabelsAsHints } from './labelInlayHints';
import { PaintThrottle } from './paintThrottle';

const showLabelsSetting = 'decorations.showLabels';

/**
 * Paints annotations in the visible editors: one decoration type per entity type (created once,
 * re-created only when the project's types change), the type's name after each span unless
 * labels are switched off, repaints debounced so typing and bursts of file events stay cheap.
 * A file with thousands of tags is painted around what is on screen only, and again on scrolling
 * (see paintWindows.ts).
 */
export class DecorationController implements vscode.Disposable {
  private decorationTypes = new Map<string, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly throttle = new PaintThrottle(() => this.paintAll());
  /** How many filled ranges each editor got in the last paint, by document URI (tests read it). */
  readonly paintedRanges = new Map<string, number>();
  /** The lines painted in editors painted only around what they show. */
  private readonly paintedWindows = new WeakMap<vscode.TextEditor, LineWindow[]>();

  constructor(
    private readonly documents: AnnotatedDocuments,
    private readonly project: ProjectService,
  ) {
    this.createTypes();
    this.disposables.push(
      documents.onDidChange(() => this.schedule()),
      project.onDidChange(() => {
        this.createTypes();
        this.schedule();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        const painted = this.paintedWindows.get(event.textEditor);
        if (painted && !coversVisible(painted, event.visibleRanges.map(linesOf), event.textEditor.document.lineCount)) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`newsAnnotator.${showLabelsSetting}`) || affectsHintLabels(event)) this.schedule();
      }),
    );
  }

  private createTypes(): void {
    for (const type of this.decorationTypes.values()) type.dispose();
    this.decorationTypes = new Map(this.project.allTypes().map((type) => [type.name, createDecorationType(type)]));
  }

  /** Repaints at most every 30 ms. */
  schedule(): void {
    this.throttle.request();
  }

  paintAll(): void {
    const showLabels = vscode.workspace.getConfiguration('newsAnnotator').get<boolean>(showLabelsSetting, true);
    for (const editor of vscode.window.visibleTextEditors) {
      const session = this.documents.loadedSession(editor.document.uri);
      // With word wrap on, labels are inlay hints (labelInlayHints.ts) so wrapped rows keep them.
      this.paint(editor, session, showLabels && !typeLabelsAsHints(editor.document));
    }
  }

  private paint(editor: vscode.TextEditor, session: DocumentSession | undefined, showLabels: boolean): void {
    const byType = new Map<string, vscode.DecorationOptions[]>();
    const colours = new Map(this.project.allTypes().map((type) => [type.name, type.color]));
    // Tags come in the order of the text, so the last line looked at is nearly always the next
    // one asked about (a map of every line grew on every repaint).
    let lastLine = -1;
    let lastLineRightToLeft = false;
    const isRightToLeftLine = (line: number) => {
      if (line !== lastLine) {
        lastLine = line;
        lastLineRightToLeft = hasRightToLeft(editor.document.lineAt(line).text);
      }
      return lastLineRightToLeft;
    };
    const live = session?.live ?? [];
    // Around the screen only, in a file with many tags: code-point ranges of the painted lines.
    const windows = live.length > paintAllUpTo ? paintWindows(editor.visibleRanges.map(linesOf), editor.document.lineCount) : undefined;
    const ranges = windows?.map((window): [number, number] => [
      session!.text.toCodePoint(editor.document.offsetAt(new vscode.Position(window.first, 0))),
      session!.text.toCodePoint(editor.document.offsetAt(editor.document.lineAt(window.last).range.end)),
    ]);
    if (windows) this.paintedWindows.set(editor, windows);
    else this.paintedWindows.delete(editor);
    // Tags of one type and certainty share their label's options (thousands of tags, six types).
    const labels = new Map<string, [vscode.DecorationInstanceRenderOptions | undefined, vscode.DecorationInstanceRenderOptions | undefined]>();
    const label = (item: LiveAnnotation, colour: EntityType['color']) => {
      const uncertain = item.state === 'fuzzy' || item.state === 'clipped' ? 1 : 0;
      let pair = labels.get(item.annotation.type);
      if (!pair) labels.set(item.annotation.type, (pair = [undefined, undefined]));
      return (pair[uncertain] ??= labelOptions(item, colour));
    };
    // This loop runs over every tag on every repaint, which in a long file is every keystroke:
    // whatever it allocates per tag makes garbage collections, which were the slowest keystrokes.
    let filled = 0;
    for (let index = 0; index < live.length; index++) {
      const item = live[index];
      if (ranges && !touchesAny(item.start, item.end, ranges)) continue;
      if (!isPlaced(item) || item.end <= item.start) continue;
      let list = byType.get(item.annotation.type);
      if (!list) byType.set(item.annotation.type, (list = []));
      const colour = showLabels ? colours.get(item.annotation.type) : undefined;
      let range: vscode.Range;
      if (item.annotation.fragments === undefined) {
        range = pieceRange(editor.document, session!, item.start, item.end);
      } else {
        // A discontinuous tag fills each of its pieces; its label follows the last one.
        const pieces = livePieces(item).map(([start, end]) => pieceRange(editor.document, session!, start, end));
        range = pieces.pop()!;
        for (const piece of pieces) {
          list.push({ range: piece });
          if (!piece.isEmpty) filled++;
        }
      }
      if (!range.isEmpty) filled++;
      if (colour && isRightToLeftLine(range.end.line)) {
        // On a line with right-to-left text the editor lays out each piece between decorations
        // on its own, left to right: a label beside the words would redraw the line in another
        // order. The words keep their fill and underline; the label goes to the end of the line.
        const lineEnd = editor.document.lineAt(range.end.line).range.end;
        list.push({ range }, { range: new vscode.Range(lineEnd, lineEnd), renderOptions: label(item, colour) });
      } else {
        list.push(colour ? { range, renderOptions: label(item, colour) } : { range });
      }
    }
    for (const [name, decorationType] of this.decorationTypes) editor.setDecorations(decorationType, byType.get(name) ?? []);
    this.paintedRanges.set(editor.document.uri.toString(), filled);
  }

  dispose(): void {
    this.throttle.dispose();
    for (const type of this.decorationTypes.values()) type.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function createDecorationType(type: EntityType): vscode.TextEditorDecorationType {
  // Translucent fill so nested and overlapping spans show through each other, plus a solid
  // underline in the type's colour that keeps each span's extent visible in every theme.
  return vscode.window.createTextEditorDecorationType({
    borderWidth: '0 0 2px 0',
    borderStyle: 'solid',
    borderRadius: '2px',
    light: { backgroundColor: `${type.color.light}22`, borderColor: type.color.light },
    dark: { backgroundColor: `${type.color.dark}33`, borderColor: type.color.dark },
    overviewRulerColor: type.color.dark,
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

function linesOf(range: vscode.Range): LineWindow {
  return { first: range.start.line, last: range.end.line };
}

function pieceRange(document: vscode.TextDocument, session: DocumentSession, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(session.text.toUtf16(start)), document.positionAt(session.text.toUtf16(end)));
}

function labelOptions(item: LiveAnnotation, labelColour: EntityType['color']): vscode.DecorationInstanceRenderOptions {
  const uncertain = item.state === 'fuzzy' || item.state === 'clipped';
  const label = (colour: string): vscode.ThemableDecorationInstanceRenderOptions => ({
    after: {
      // Isolated (U+2068 ... U+2069), so the label's own direction never mixes with the text's.
      contentText: isolate(`${item.annotation.type}${uncertain ? '?' : ''}`),
      color: colour,
      margin: '0 0 0 2px',
      fontWeight: '600',
      // Smaller than the text so labels read as annotations, not as words of the article.
      textDecoration: 'none; font-size: 0.72em; letter-spacing: 0.02em;',
    },
  });
  return { light: label(labelColour.light), dark: label(labelColour.dark) };
}
