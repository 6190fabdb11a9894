import * as vscode from 'vscode';
import { CodePointIndex } from '../../core/text/codePoints';
import { commandIds } from '../commandIds';

/** Opens a file and selects a span given in code points (what the index and sidecars store). */
export async function revealSpan(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { preview: true });
  const text = new CodePointIndex(editor.document.getText());
  const range = new vscode.Range(editor.document.positionAt(text.toUtf16(start)), editor.document.positionAt(text.toUtf16(end)));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerRevealMention(): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.revealMention, (args: { uri: string; start: number; end: number }) => revealSpan(vscode.Uri.parse(args.uri), args.start, args.end));
}
