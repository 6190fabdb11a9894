import * as vscode from 'vscode';
import { fileStatus } from '../../core/corpus/fileStatus';
import { isPlaced } from '../../core/editing/liveAnnotations';
import { commandIds } from '../commandIds';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import { statusLabel } from './statusLabel';

/**
 * The current file's tag count and status in the status bar, and the `newsAnnotator.isCorpusFile`
 * context key that keybindings and menus use.
 */
export function registerStatusBar(documents: AnnotatedDocuments): vscode.Disposable & { readonly item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('newsAnnotator.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'News Annotator';
  item.command = commandIds.markStatus;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const session = editor && documents.loadedSession(editor.document.uri);
    const isCorpus = Boolean(editor && documents.isCorpusDocument(editor.document));
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.isCorpusFile', isCorpus);
    if (!session) {
      item.hide();
      return;
    }
    // Counted without a copy of the list: this runs on every keystroke.
    let placed = 0;
    for (const live of session.live) if (isPlaced(live)) placed++;
    const problems = session.live.length - placed + (session.writable ? 0 : 1);
    const status = session.sidecar ? statusLabel(fileStatus(session.sidecar.status, session.sidecar.annotations.length)) : vscode.l10n.t('Unreadable sidecar');
    const count = placed === 1 ? vscode.l10n.t('$(tag) 1 tag · {0}', status) : vscode.l10n.t('$(tag) {0} tags · {1}', placed, status);
    item.text = `${count}${problems > 0 ? ` $(warning) ${problems}` : ''}`;
    item.tooltip = vscode.l10n.t('News Annotator: {0} tags in this file, status “{1}”. Click to change the status.', placed, status);
    item.show();
  };
  update();
  const disposable = vscode.Disposable.from(item, documents.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update));
  return {
    item,
    dispose: () => {
      disposable.dispose();
    },
  };
}
