import * as vscode from 'vscode';

/**
 * Whether text drawn after spans (type labels, suggestions' `TYPE?`, relation hints, adjudication's
 * `theirs: TYPE`) is drawn as inlay hints rather than decoration text. VS Code does not count
 * decoration text (CSS `::after` content) when it wraps a line, so with word wrap on it pushes
 * the end of each row under the minimap and out of sight; inlay hints are text the editor lays
 * out, so wrapped rows keep them visible. They lose the colours and styles decorations have, so
 * they are used only where wrapping needs them, and only where the editor shows inlay hints at
 * all: with `editor.inlayHints.enabled` off a label cut at the edge beats no label.
 */
export function labelsAsHints(document: vscode.TextDocument): boolean {
  const editor = vscode.workspace.getConfiguration('editor', document);
  const hintsShown = editor.get<string>('inlayHints.enabled', 'on');
  return editor.get<string>('wordWrap', 'off') !== 'off' && (hintsShown === 'on' || hintsShown === 'onUnlessPressed');
}

/** Whether a settings change can change what labelsAsHints answers. */
export function affectsHintLabels(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('editor.wordWrap') || event.affectsConfiguration('editor.inlayHints.enabled');
}
