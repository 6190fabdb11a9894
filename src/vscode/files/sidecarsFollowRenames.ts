/**
 * A text renamed or moved in VS Code (the Explorer, drag and drop, `workspace.applyEdit`) takes
 * its sidecar along in the same operation, so its tags stay with it instead of being left beside
 * a name that no longer exists. A folder's sidecars move with the folder without help. Renames
 * VS Code does not make (`git mv`, a shell) are not seen: `validate` reports the sidecar left
 * behind. A sidecar is never put over another: when the new name has one already, both stay
 * where they are and a warning says so.
 */
import * as vscode from 'vscode';
import { sidecarSuffix } from '../../core/sidecar/sidecarPath';
import { orUndefined } from './workspaceFileSystem';

export function registerSidecarsFollowRenames(): vscode.Disposable {
  return vscode.workspace.onWillRenameFiles((event) => event.waitUntil(sidecarRenames(event.files)));
}

async function sidecarRenames(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
  const edit = new vscode.WorkspaceEdit();
  for (const { oldUri, newUri } of files) {
    // Nothing to do for a folder (its contents move with it) or a sidecar renamed by itself (the
    // person's choice): neither has a sidecar of its own.
    const from = oldUri.with({ path: oldUri.path + sidecarSuffix });
    const to = newUri.with({ path: newUri.path + sidecarSuffix });
    if ((await orUndefined(vscode.workspace.fs.stat(from))) === undefined) continue;
    if ((await orUndefined(vscode.workspace.fs.stat(to))) !== undefined) {
      const shown = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri);
      void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: {0} has a sidecar already; the tags of {1} stay in {2}.', shown(newUri), shown(oldUri), shown(from)));
      continue;
    }
    edit.renameFile(from, to);
  }
  return edit;
}
