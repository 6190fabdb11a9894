import * as vscode from 'vscode';
import { localBranches } from '../../node/localBranches';
import type { OtherSide } from './comparison';

type Choice = vscode.QuickPickItem & { other?: OtherSide; action?: 'folder' | 'annotators' };

/**
 * Asks what to compare our corpus with: a local branch of the folder's repository, another
 * folder, or two annotators within our own sidecars (the annotators are asked for once our
 * files are read, through `pickAnnotators`). Undefined when the user cancels.
 */
export async function pickOtherSide(folder: vscode.WorkspaceFolder): Promise<OtherSide | 'annotators' | undefined> {
  const branches = await localBranches(folder.uri.fsPath).catch(() => [] as string[]);
  const items: Choice[] = [
    ...(branches.length > 0 ? [{ label: vscode.l10n.t('Branches'), kind: vscode.QuickPickItemKind.Separator } as Choice] : []),
    ...branches.map((branch): Choice => ({ label: `$(git-branch) ${branch}`, description: vscode.l10n.t('git branch (read without a checkout)'), other: { git: branch } })),
    { label: vscode.l10n.t('Other sources'), kind: vscode.QuickPickItemKind.Separator },
    { label: `$(folder) ${vscode.l10n.t('Another folder…')}`, description: vscode.l10n.t('a copy of the corpus with its own sidecars'), action: 'folder' },
    { label: `$(person) ${vscode.l10n.t('Two annotators in these files…')}`, description: vscode.l10n.t('the tags of one annotator against another'), action: 'annotators' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Compare the annotations of {0} with…', folder.name), matchOnDescription: true });
  if (!picked) return undefined;
  if (picked.other) return picked.other;
  if (picked.action === 'annotators') return 'annotators';
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Compare with This Folder') });
  return chosen?.[0] ? { folder: chosen[0].fsPath } : undefined;
}

/** Asks for "ours" and then "theirs" among the annotators named in our sidecars. */
export async function pickAnnotators(names: readonly string[]): Promise<readonly [string, string] | undefined> {
  if (names.length < 2) {
    void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: the sidecars name fewer than two annotators, so there is nothing to compare.'));
    return undefined;
  }
  const ours = await vscode.window.showQuickPick(names.map((name) => ({ label: name })), { title: vscode.l10n.t('Whose tags are ours?') });
  if (!ours) return undefined;
  const theirs = await vscode.window.showQuickPick(names.filter((name) => name !== ours.label).map((name) => ({ label: name })), { title: vscode.l10n.t('Compare {0} with whose tags?', ours.label) });
  return theirs ? [ours.label, theirs.label] : undefined;
}
