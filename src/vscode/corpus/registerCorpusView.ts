import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import { findCorpusFiles, sidecarUri, type CorpusFile } from './corpusFiles';
import { CorpusTreeProvider } from './corpusTreeProvider';
import type { ProjectService } from '../project/projectService';

export interface CorpusView extends vscode.Disposable {
  /** The corpus files as last listed; waits for a listing in progress. */
  files(): Promise<readonly CorpusFile[]>;
}

/** The Corpus view, its refresh command, and the commands that walk the corpus. */
export function registerCorpusView(project: ProjectService): CorpusView {
  const provider = new CorpusTreeProvider();
  const treeView = vscode.window.createTreeView('newsAnnotator.corpus', { treeDataProvider: provider, showCollapseAll: true });
  let listing: Promise<readonly CorpusFile[]> = Promise.resolve([]);

  const refresh = (): Promise<readonly CorpusFile[]> => {
    listing = Promise.resolve(
      vscode.window.withProgress({ location: { viewId: 'newsAnnotator.corpus' } }, async () => {
        const files = await findCorpusFiles(project);
        provider.setFiles(files);
        treeView.message = undefined;
        return files;
      }),
    );
    return listing;
  };
  void refresh();

  // Files appear and disappear through git, other windows and the explorer: refresh the listing
  // at most every 300 ms however many events a checkout produces.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const scheduleRefresh = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void refresh(), 300);
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt', false, true, false);

  const disposables = vscode.Disposable.from(
      provider,
      treeView,
      watcher,
      watcher.onDidCreate(scheduleRefresh),
      watcher.onDidDelete(scheduleRefresh),
      vscode.workspace.onDidChangeWorkspaceFolders(scheduleRefresh),
      project.onDidChange(scheduleRefresh),
      vscode.commands.registerCommand(commandIds.refreshCorpus, refresh),
      vscode.commands.registerCommand(commandIds.openNextFile, async () => {
        const next = await firstFileWithoutSidecar(await listing);
        if (next) await vscode.window.showTextDocument(next.uri, { preview: false });
        else void vscode.window.showInformationMessage('News Annotator: every corpus file already has annotations.');
      }),
      vscode.commands.registerCommand(commandIds.showCorpusSummary, async () => {
        const files = await listing;
        const annotated = await countAnnotated(files);
        const message = `News Annotator: ${files.length} corpus files, ${annotated} with annotations.`;
        void vscode.window.showInformationMessage(message);
        return message;
      }),
    {
      dispose: () => {
        if (pending) clearTimeout(pending);
      },
    },
  );
  return {
    files: () => listing,
    dispose: () => {
      disposables.dispose();
    },
  };
}

async function hasSidecar(file: CorpusFile): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(sidecarUri(file.uri));
    return true;
  } catch {
    return false;
  }
}

async function firstFileWithoutSidecar(files: readonly CorpusFile[]): Promise<CorpusFile | undefined> {
  for (const file of files) if (!(await hasSidecar(file))) return file;
  return undefined;
}

async function countAnnotated(files: readonly CorpusFile[]): Promise<number> {
  const flags = await Promise.all(files.map(hasSidecar));
  return flags.filter(Boolean).length;
}
