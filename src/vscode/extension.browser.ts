/**
 * The browser entry (package.json `browser`, bundled to dist/web/extension.js): the shared
 * composition root over `vscode.workspace.fs`, for vscode.dev, github.dev and code-server's web
 * worker. No Node here: scripts/browserBundle.mjs swaps in the `.browser.ts` variants of the few
 * modules that differ (hashing, paths, the annotator's name) and fails on any Node built-in.
 */
import * as vscode from 'vscode';
import { activateShared } from './activateShared';
import { workspaceCorpusAccess } from './corpusActions/workspaceCorpusAccess';
import { registerDesktopOnlyNotices } from './desktopOnlyCommands';
import { WorkspaceFileSystem } from './files/workspaceFileSystem';
import { WorkspaceCorpusFileSource } from './index/workspaceCorpusFileSource';
import type { NewsAnnotatorApi } from './testApi';
import { uriOfPath } from './uriPaths';

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi | undefined {
  const started = performance.now();
  const insideFolder = (path: string) => {
    const uri = uriOfPath(path);
    return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
  };
  context.subscriptions.push(registerDesktopOnlyNotices());
  return activateShared(
    context,
    {
      host: 'browser',
      fileSystem: new WorkspaceFileSystem(insideFolder),
      openFolderFiles: () => Promise.resolve(undefined),
      corpusFiles: new WorkspaceCorpusFileSource(),
      corpusAccess: workspaceCorpusAccess,
    },
    started,
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
