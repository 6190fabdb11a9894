/**
 * A text renamed or moved in VS Code (the Explorer, drag and drop, `workspace.applyEdit`) takes
 * its sidecar along in the same operation, so its tags stay with it instead of being left beside
 * a name that no longer exists. A folder's sidecars move with the folder without help. Renames
 * VS Code does not make (`git mv`, a shell) are not seen: `validate` reports the sidecar left
 * behind, and Reattach Sidecars of Moved Texts puts it back (registerRelinkCommand.ts). A sidecar
 * is never put over another: when the new name has one already, both stay where they are and a
 * warning says so.
 *
 * The sidecar's write lock is held from before the rename until it is done, so a tag being written
 * at that moment lands in the sidecar that moves, and one asked for meanwhile waits and then
 * finds the text gone (and says so), instead of writing a second sidecar under the old name.
 */
import * as vscode from 'vscode';
import { sidecarSuffix } from '../../core/sidecar/sidecarPath';
import type { FileSystem, LockResult } from '../../core/store/fileSystem';
import { pathOfUri } from '../uriPaths';
import { orUndefined } from './workspaceFileSystem';

/** Longest wait for a tag being written before the rename goes ahead without its sidecar. */
const lockWaitMs = 5_000;
/** A rename VS Code abandoned never reports back: its locks are let go after this. */
const lockHoldMs = 30_000;

type HeldLock = Extract<LockResult, { ok: true }>;

export function registerSidecarsFollowRenames(fileSystem: FileSystem): vscode.Disposable {
  /** Locks taken for renames under way, by the old text's URI. */
  const held = new Map<string, { lock: HeldLock; timer: ReturnType<typeof setTimeout> }>();
  const release = (key: string) => {
    const entry = held.get(key);
    if (entry === undefined) return;
    held.delete(key);
    clearTimeout(entry.timer);
    void entry.lock.release().catch(() => undefined);
  };
  const sidecarRenames = async (files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> => {
    const edit = new vscode.WorkspaceEdit();
    const shown = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri);
    for (const { oldUri, newUri } of files) {
      // Nothing to do for a folder (its contents move with it) or a sidecar renamed by itself (the
      // person's choice): neither has a sidecar of its own.
      const from = oldUri.with({ path: oldUri.path + sidecarSuffix });
      const to = newUri.with({ path: newUri.path + sidecarSuffix });
      if ((await orUndefined(vscode.workspace.fs.stat(from))) === undefined) continue;
      if ((await orUndefined(vscode.workspace.fs.stat(to))) !== undefined) {
        void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: {0} has a sidecar already; the tags of {1} stay in {2}.', shown(newUri), shown(oldUri), shown(from)));
        continue;
      }
      const lock = await fileSystem.lock(pathOfUri(from), { waitMs: lockWaitMs }).catch(() => undefined);
      if (lock?.ok !== true) {
        void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: the sidecar of {0} was busy being written, so it stays as {1}; run Reattach Sidecars of Moved Texts to move it.', shown(oldUri), shown(from)));
        continue;
      }
      const key = oldUri.toString();
      release(key);
      held.set(key, { lock, timer: setTimeout(() => release(key), lockHoldMs) });
      edit.renameFile(from, to);
    }
    return edit;
  };
  return vscode.Disposable.from(
    vscode.workspace.onWillRenameFiles((event) => event.waitUntil(sidecarRenames(event.files))),
    vscode.workspace.onDidRenameFiles((event) => {
      for (const { oldUri } of event.files) release(oldUri.toString());
    }),
    { dispose: () => [...held.keys()].forEach(release) },
  );
}
