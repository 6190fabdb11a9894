import * as vscode from 'vscode';
import { fileStates, type FileState } from '../../core/index';
import { commandIds } from '../commandIds';
import type { CorpusIndexService } from '../index/corpusIndexService';
import { CorpusTreeProvider } from './corpusTreeProvider';
import { filterArgument, stateSymbols } from './corpusRowText';
import { fileStateLabel } from './fileStateLabel';

async function askForStates(current: readonly FileState[] | undefined): Promise<FileState[] | undefined> {
  const items = fileStates.map((state) => ({ label: `${stateSymbols[state]} ${fileStateLabel(state)}`, state, picked: current?.includes(state) ?? false }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show corpus files that are…'), canPickMany: true });
  return picked?.map((item) => item.state);
}

export interface CorpusView extends vscode.Disposable {
  readonly provider: CorpusTreeProvider;
}

/** The Corpus view with its badge, status filter and the commands that walk the corpus. */
export function registerCorpusView(indexes: CorpusIndexService): CorpusView {
  const provider = new CorpusTreeProvider(indexes);
  const treeView = vscode.window.createTreeView('newsAnnotator.corpus', { treeDataProvider: provider, showCollapseAll: true });

  const refresh = () => {
    provider.refresh();
    const building = indexes.building;
    // The badge waits for the whole count: a number growing while files are read would mislead.
    if (!building) {
      const notDone = indexes.all().reduce((sum, folderIndex) => sum + folderIndex.index.summary().notDone, 0);
      treeView.badge = notDone > 0 ? { value: notDone, tooltip: notDone === 1 ? vscode.l10n.t('1 corpus file not done yet') : vscode.l10n.t('{0} corpus files not done yet', notDone) } : undefined;
    }
    treeView.message = building ? vscode.l10n.t('Indexing the corpus: {0} of {1} files read…', building.done, building.total) : undefined;
    treeView.description = provider.filter ? vscode.l10n.t('showing {0}', provider.filter.map(fileStateLabel).join(', ')) : undefined;
  };
  refresh();

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
    void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: every corpus file already has annotations.'));
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
    // From the view's title bar VS Code passes the focused row as the first argument, from the
    // palette nothing: both ask. Tests and keybindings pass a list of states.
    vscode.commands.registerCommand(commandIds.filterCorpus, async (argument?: unknown) => {
      const given = filterArgument(argument);
      const chosen = given !== 'ask' ? given : await askForStates(provider.filter);
      if (!chosen) return;
      provider.filter = chosen.length === 0 || chosen.length === fileStates.length ? undefined : chosen;
      refresh();
    }),
    vscode.commands.registerCommand(commandIds.showCorpusSummary, async () => {
      await indexes.whenReady();
      const files = indexes.all().reduce((sum, folderIndex) => sum + folderIndex.index.size, 0);
      const annotated = indexes.all().reduce((sum, folderIndex) => sum + folderIndex.index.files().filter((file) => file.hasSidecar).length, 0);
      const message = vscode.l10n.t('News Annotator: {0} corpus files, {1} with annotations.', files, annotated);
      void vscode.window.showInformationMessage(message);
      return message;
    }),
  );
  return {
    provider,
    dispose: () => {
      disposables.dispose();
    },
  };
}
