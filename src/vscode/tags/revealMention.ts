import * as vscode from 'vscode';
import { isPlaced } from '../../core/editing/liveAnnotations';
import { CodePointIndex } from '../../core/text/codePoints';
import { commandIds } from '../commandIds';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';

/** A tag as the index knows it: where it was stored, and what it must select. */
export interface MentionTarget {
  readonly uri: vscode.Uri;
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly text: string;
}

function select(editor: vscode.TextEditor, start: number, end: number): void {
  const text = new CodePointIndex(editor.document.getText());
  const range = new vscode.Range(editor.document.positionAt(text.toUtf16(start)), editor.document.positionAt(text.toUtf16(end)));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Opens a tag's file and selects the tag. The index may hold offsets from before the text
 * changed (until they are settled on disk), so the stored span is trusted only when it holds the
 * tag's text; otherwise the open file's session, which re-anchors, says where the tag is now.
 * A tag that is nowhere in the text is reported, never shown on other words.
 */
export async function revealMention(documents: AnnotatedDocuments, target: MentionTarget): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(target.uri, { preview: true });
  const text = new CodePointIndex(editor.document.getText());
  if (target.end <= text.codePointLength && text.slice(target.start, target.end) === target.text) {
    select(editor, target.start, target.end);
    return editor;
  }
  const session = await documents.sessionFor(editor.document);
  await session?.enqueue(() => Promise.resolve());
  const live = session?.live.find((item) => item.annotation.id === target.id);
  if (live && isPlaced(live) && live.state !== 'fuzzy') select(editor, live.start, live.end);
  else void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: {0} is no longer found in {1}; see the Problems panel.', target.text, vscode.workspace.asRelativePath(target.uri)));
  return editor;
}

export function registerRevealMention(documents: AnnotatedDocuments): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.revealMention, (args: { uri: string; start: number; end: number; id: string; text: string }) =>
    revealMention(documents, { ...args, uri: vscode.Uri.parse(args.uri) }),
  );
}
