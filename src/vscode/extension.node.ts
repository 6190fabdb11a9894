/**
 * The desktop entry (package.json `main`, bundled to dist/extension.js): the shared composition
 * root over the local disk, with the features that need Node and git.
 */
import * as vscode from 'vscode';
import { activateShared } from './activateShared';
import { registerAgreementCommands } from './agreement/registerAgreementCommands';
import { registerGitMergeSetup } from './git/registerGitMergeSetup';
import { diskCorpusAccess } from './node/diskCorpusAccess';
import { DiskCorpusFileSource } from './node/diskCorpusFileSource';
import { diskFoldersFileSystem, openDiskFolder } from './node/diskFiles';
import type { NewsAnnotatorApi } from './testApi';

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi | undefined {
  const started = performance.now();
  const disk = diskFoldersFileSystem();
  context.subscriptions.push(disk.disposable);
  return activateShared(
    context,
    {
      host: 'node',
      fileSystem: disk.fileSystem,
      openFolderFiles: openDiskFolder,
      corpusFiles: new DiskCorpusFileSource(context.storageUri),
      corpusAccess: diskCorpusAccess,
      registerDesktopFeatures: (tagging) => {
        const agreement = registerAgreementCommands(tagging);
        return { agreement, disposable: vscode.Disposable.from(agreement, registerGitMergeSetup(context)) };
      },
    },
    started,
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
