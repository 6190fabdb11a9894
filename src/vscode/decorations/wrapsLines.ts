import * as vscode from 'vscode';

/**
 * Whether the editor wraps the document's lines. VS Code does not count decoration text (CSS
 * `::after` content) when it wraps a line, so text drawn after a span pushes the end of each row
 * under the minimap and out of sight; inlay hints are text the editor lays out, so wrapped rows
 * keep them visible. They lose the colours and styles decorations have, so they are used only
 * where wrapping needs them: for type labels, the `TYPE?` of suggestions and relation hints.
 */
export function wrapsLines(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('editor', document).get<string>('wordWrap', 'off') !== 'off';
}
