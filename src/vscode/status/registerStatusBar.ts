import * as vscode from 'vscode';
import { fileStatus } from '../../core/corpus/fileStatus';
import { isPlaced } from '../../core/editing/liveAnnotations';
import { commandIds } from '../commandIds';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';

const statusNames = { untouched: 'Untouched', 'in-progress': 'In progress', done: 'Done' } as const;

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
    const placed = session.live.filter(isPlaced).length;
    const problems = session.live.length - placed + (session.writable ? 0 : 1);
    const status = session.sidecar ? statusNames[fileStatus(session.sidecar.status, session.sidecar.annotations.length)] : 'Unreadable sidecar';
    item.text = `$(tag) ${placed} tag${placed === 1 ? '' : 's'} · ${status}${problems > 0 ? ` $(warning) ${problems}` : ''}`;
    item.tooltip = `News Annotator: ${placed} tags in this file, status “${status}”. Click to change the status.`;
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
