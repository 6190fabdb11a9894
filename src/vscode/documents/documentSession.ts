import * as vscode from 'vscode';
import { isPlaced, liveAnnotations, moveLiveAnnotations, placeAnnotations, type LiveAnnotation, type MovingAnnotation } from '../../core/editing/liveAnnotations';
import type { TextChange } from '../../core/editing/shiftSpan';
import { problem, type Problem } from '../../core/problem';
import type { DecodedText } from '../../core/text/decodeText';
import { describeEncoding, type EncodingCheck } from '../../core/text/detectEncoding';
import type { Sidecar } from '../../core/sidecar/model';
import type { UpdateResult } from '../../core/store/sidecarStore';
import { CodePointIndex } from '../../core/text/codePoints';
import { reanchorAll } from '../../core/anchoring/reanchorAll';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import { pathOfUri } from '../uriPaths';

/**
 * One corpus text file's annotations while VS Code has it open: the sidecar as last read or
 * written, each annotation's span in the editor's current text, and the problems to show.
 * Store operations for the file run one at a time, in order, through `enqueue`.
 */
export class DocumentSession {
  sidecar: Sidecar | undefined;
  /** Each annotation's span in the editor's current text; typing moves them in place. */
  private moving: MovingAnnotation[] = [];
  problems: Problem[] = [];
  /** False when the sidecar cannot be written (unparseable, conflict markers): tagging is refused. */
  writable = true;
  /** Whether the file on disk is UTF-8; tagging is refused when it is not. */
  encoding: EncodingCheck = { utf8: true };
  /** The editor's text as code points, for converting offsets. */
  text: CodePointIndex;
  /** Spans moved by typing since the sidecar was last written. */
  private pendingEdits = false;
  /** Tags moved further than the edit explains when the offsets were settled on open. */
  private settleReport: Problem[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly uri: vscode.Uri,
    private readonly workspace: AnnotationWorkspace,
    document: vscode.TextDocument,
  ) {
    this.text = new CodePointIndex(document.getText());
  }

  /** The annotations where they are in the editor's text now (read them before an await, or copy them). */
  get live(): readonly LiveAnnotation[] {
    return this.moving;
  }

  get textPath(): string {
    return pathOfUri(this.uri);
  }

  enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Reads the text file and sidecar from disk and places the annotations in the editor's text. */
  async reload(document: vscode.TextDocument): Promise<void> {
    let loaded = await this.workspace.load(this.textPath);
    // The text changed since the sidecar was written (outside VS Code, git): write the offsets
    // where the tags are now, once, so the views, exports and other tools agree with the editor.
    if (loaded.ok && !document.isDirty && loaded.decoded.text === document.getText() && loaded.sidecar.source.sha256 !== loaded.decoded.sha256) {
      const settled = await this.workspace.settle(this.textPath);
      if (settled?.written) loaded = await this.workspace.load(this.textPath);
      // Moves the edit does not explain stay in Problems for a reviewer after the write.
      this.settleReport = settled?.unexplained ?? this.settleReport;
    }
    this.text = new CodePointIndex(document.getText());
    if (!loaded.ok) {
      this.sidecar = undefined;
      this.moving = [];
      this.problems = [...loaded.problems, ...(loaded.decoded ? this.encodingProblems(loaded.decoded) : [])];
      this.writable = false;
      return;
    }
    this.sidecar = loaded.sidecar;
    this.problems = [...loaded.problems, ...this.settleReport, ...this.encodingProblems(loaded.decoded)];
    this.writable = loaded.writable;
    if (loaded.decoded.text === this.text.text) {
      this.moving = liveAnnotations(loaded.sidecar, loaded.anchors, this.text);
    } else {
      // The editor holds unsaved text (or VS Code normalised mixed line endings): find each
      // annotation again in what the editor shows.
      this.moving = liveAnnotations(loaded.sidecar, reanchorAll(this.text, loaded.sidecar.annotations), this.text);
    }
    // Offsets placed in unsaved text still have to reach the sidecar when the text is saved.
    this.pendingEdits = loaded.decoded.text !== this.text.text;
  }

  /** A text that is not UTF-8 gets offsets Python cannot reproduce: say so, with how to convert it. */
  private encodingProblems(decoded: DecodedText): Problem[] {
    this.encoding = decoded.encoding;
    if (decoded.encoding.utf8) return [];
    return [problem('text-encoding', describeEncoding(decoded.encoding, this.textPath), this.textPath, decoded.encoding.line, decoded.encoding.column)];
  }

  /** Follows an edit in the editor: spans before it shift, spans inside it stretch or are flagged. */
  applyEdit(event: vscode.TextDocumentChangeEvent): void {
    const before = this.text;
    const changes: TextChange[] = event.contentChanges.map((change) => {
      const start = before.toCodePoint(change.rangeOffset);
      const end = before.toCodePoint(change.rangeOffset + change.rangeLength);
      return { start, end, insertedLength: [...change.text].length };
    });
    moveLiveAnnotations(this.moving, changes);
    this.text = followText(before, event);
    if (changes.length > 0) this.pendingEdits = true;
  }

  /** Writes the spans the editor moved, once the text they refer to is saved. */
  async writeAfterSave(document: vscode.TextDocument): Promise<UpdateResult | undefined> {
    if (!this.pendingEdits || !this.sidecar) return undefined;
    // The spans of the text being saved: typing goes on while the store works, and moves the
    // session's own entries.
    const live = this.moving.map((item): LiveAnnotation => ({ ...item }));
    // The store need not search the changed text for the tags this editor followed.
    const placedAt = new Map(live.filter(isPlaced).map((item) => [item.annotation.id, [item.start, item.end] as const]));
    const result = await this.workspace.update(this.textPath, (sidecar, text) => placeAnnotations(sidecar, live, text), { placedAt });
    await this.reload(document);
    return result;
  }
}

/**
 * The editor's text after an edit, with its code-point index updated where the edit was rather
 * than rebuilt: reading the whole document (`getText`) and scanning 2 MB again on every keystroke
 * was most of a keystroke's cost in a long article. The changes of one event are in the
 * coordinates of the text before it, applied last first (as the extension host applies them);
 * if the result's length is not the document's, the text is read again.
 */
function followText(before: CodePointIndex, event: vscode.TextDocumentChangeEvent): CodePointIndex {
  let text = before;
  const ordered = [...event.contentChanges].sort((left, right) => right.rangeOffset - left.rangeOffset);
  for (const change of ordered) text = text.edited(change.rangeOffset, change.rangeOffset + change.rangeLength, change.text);
  const document = event.document;
  const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  return text.utf16Length === length ? text : new CodePointIndex(document.getText());
}
