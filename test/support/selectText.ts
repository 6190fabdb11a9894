/**
 * Editor helpers shared by the desktop integration suite and the web worker suite: only the
 * vscode API, no Node built-ins, so the browser test bundle can take it too.
 */
import * as vscode from 'vscode';

/** Selects the n-th occurrence (0-based) of `text` in the editor; throws when there is none. */
export function select(editor: vscode.TextEditor, text: string, occurrence = 0): vscode.Selection {
  const content = editor.document.getText();
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = content.indexOf(text, index + 1);
    if (index < 0) throw new Error(`“${text}” (occurrence ${occurrence}) is not in ${editor.document.uri.path}`);
  }
  return new vscode.Selection(editor.document.positionAt(index), editor.document.positionAt(index + text.length));
}
