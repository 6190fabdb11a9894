import * as vscode from 'vscode';
import { fileStates, type FileState } from '../../core/index';
import { commandIds } from '../commandIds';
import type { CorpusIndexService } from '../index/corpusIndexService';
import { CorpusTreeProvider, stateLabels } from './corpusTreeProvider';

export interface CorpusView extends vscode.Disposable {
  /** Corpus files as the view lists them (relative paths; prefixed by the folder name in multi-root workspaces). */
  files(): Promise<readonly string[]>;
  /** The view's rows, as a person reads them: label and description, depth first. */
  rows(): Promise<readonly string[]>;
}

/** The Corpus view with its badge, status filter and the commands that walk the corpus. */
export function registerCorpusView(indexes: CorpusIndexService): CorpusView {
  const provider = new CorpusTreeProvider(indexes);
  const treeView = vscode.window.createTreeView('newsAnnotator.corpus', { treeDataProvider: provider, showCollapseAll: true });

  const refresh = () => {
    provider.refresh();
    const notDone = indexes.all().reduce((sum, folderIndex) => sum + folderIndex.index.summary().notDone, 0);
    treeView.badge = notDone > 0 ? { value: notDone, tooltip: `${notDone} corpus file${notDone === 1 ? '' : 's'} not done yet` } : undefined;
    treeView.description = provider.filter ? `showing ${provider.filter.map((state) => stateLabels[state]).join(', ')}` : undefined;
  };
  refresh();

  const allFiles = async () => {
    await indexes.whenReady();
    const multiRoot = indexes.all().length > 1;
    return indexes.all().flatMap((folderIndex) => folderIndex.index.paths().map((file) => (multiRoot ? `${folderIndex.folder.name}/${file}` : file)));
  };

  const rows = async (): Promise<string[]> => {
    await indexes.whenReady();
    const lines: string[] = [];
    const walk = async (node?: Parameters<CorpusTreeProvider['getChildren']>[0], depth = 0): Promise<void> => {
      for (const child of provider.getChildren(node)) {
        const item = provider.getTreeItem(child);
        lines.push(`${'  '.repeat(depth)}${typeof item.label === 'string' ? item.label : (item.label?.label ?? '')} | ${String(item.description ?? '')}`);
        await walk(child, depth + 1);
      }
    };
    await walk();
    return lines;
  };

  const openNext = async () => {
    await indexes.whenReady();
    const active = vscode.window.activeTextEditor?.document.uri;
    const located = active && indexes.locate(active);
    const ordered = located ? [located.folderIndex, ...indexes.all().filter((folderIndex) => folderIndex !== located.folderIndex)] : indexes.all();
    for (const folderIndex of ordered) {
      const next = folderIndex.index.nextFile(located?.folderIndex === folderIndex ? located.relative : undefined, ['untouched']);
      if (next) {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(folderIndex.folder.uri, next), { preview: false });
        return;
      }
    }
    void vscode.window.showInformationMessage('News Annotator: every corpus file already has annotations.');
  };

  const disposables = vscode.Disposable.from(
    provider,
    treeView,
    indexes.onDidChange(refresh),
    // Showing the view checks that every workspace folder is indexed (see whenReady).
    treeView.onDidChangeVisibility((event) => {
      if (event.visible) void indexes.whenReady();
    }),
    vscode.commands.registerCommand(commandIds.refreshCorpus, refresh),
    vscode.commands.registerCommand(commandIds.openNextFile, openNext),
    vscode.commands.registerCommand(commandIds.filterCorpus, async (states?: FileState[]) => {
      const chosen =
        states ??
        (
          await vscode.window.showQuickPick(
            fileStates.map((state) => ({ label: stateLabels[state], state, picked: provider.filter?.includes(state) ?? false })),
            { title: 'Show corpus files that are…', canPickMany: true },
          )
        )?.map((item) => item.state);
      if (!chosen) return;
      provider.filter = chosen.length === 0 || chosen.length === fileStates.length ? undefined : chosen;
      refresh();
    }),
    vscode.commands.registerCommand(commandIds.showCorpusSummary, async () => {
      await indexes.whenReady();
      const files = indexes.all().reduce((sum, folderIndex) => sum + folderIndex.index.size, 0);
      const annotated = indexes.all().reduce((sum, folderIndex) => sum + folderIndex.index.files().filter((file) => file.hasSidecar).length, 0);
      const message = `News Annotator: ${files} corpus files, ${annotated} with annotations.`;
      void vscode.window.showInformationMessage(message);
      return message;
    }),
  );
  return {
    files: allFiles,
    rows,
    dispose: () => {
      disposables.dispose();
    },
  };
}
