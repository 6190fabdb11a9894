import * as vscode from 'vscode';
import { isSidecarPath, sidecarPathFor, textPathFor } from '../../core/sidecar/sidecarPath';
import { commandIds } from '../commandIds';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import { describeProblem } from '../editing/fileActions';
import { choiceLabel, type ResolveArguments } from './conflictChoices';
import { ConflictLenses, ConflictQuickFixes, hunksOf, sidecarSelector } from './conflictLenses';
import { pathOfUri, uriOfPath } from '../uriPaths';

/** The sidecar of a text, or the sidecar itself. */
function sidecarUriOf(uri: vscode.Uri): vscode.Uri {
  return isSidecarPath(uri.path) ? uri : uriOfPath(sidecarPathFor(pathOfUri(uri)));
}

/** Opens the sidecar of a text (or the active editor's) at its first conflict. */
async function openConflictedSidecar(args?: { uri?: string }): Promise<boolean> {
  const source = args?.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
  if (!source) return false;
  const editor = await vscode.window.showTextDocument(sidecarUriOf(source), { preview: false });
  const [first] = hunksOf(editor.document);
  if (first) {
    const position = new vscode.Position(first.startLine - 1, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  }
  return true;
}

/**
 * Shows an error; when it is about conflict markers it offers "Resolve…", which opens the
 * sidecar at its first conflict (where the Keep Ours / Theirs / Both actions are).
 */
export async function showErrorOfferingResolve(message: string, problem: { code?: string; file: string } | undefined): Promise<void> {
  if (problem?.code !== 'conflict-markers') {
    await vscode.window.showErrorMessage(message);
    return;
  }
  const resolve = vscode.l10n.t('Resolve…');
  if ((await vscode.window.showErrorMessage(message, resolve)) === resolve) await openConflictedSidecar({ uri: uriOfPath(problem.file).toString() });
}

/**
 * Resolving a sidecar with git conflict markers in the editor: CodeLens above each conflict and
 * the same choices as quick fixes, written through the workspace (one undo step); opening an
 * article whose sidecar is conflicted says so once and offers to open the sidecar.
 */
export function registerConflictResolution(documents: AnnotatedDocuments): vscode.Disposable {
  const resolve = async (args: ResolveArguments): Promise<boolean> => {
    const sidecarUri = vscode.Uri.parse(args.uri);
    const textPath = textPathFor(pathOfUri(sidecarUri));
    if (!textPath) return false;
    const document = await vscode.workspace.openTextDocument(sidecarUri);
    if (document.isDirty) {
      void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: save or revert the sidecar first; the conflict is resolved in the file on disk.'));
      return false;
    }
    const choices = args.hunk === undefined ? args.choice : new Map([[args.hunk, args.choice]]);
    const outcome = await documents.workspace.resolveConflict(textPath, document.getText(), choices, choiceLabel(args));
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: the conflict was not resolved: {0}', describeProblem(outcome.problem)));
      return false;
    }
    const [problem] = outcome.problems;
    if (problem) void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: the markers are gone, but the sidecar does not read yet: {0}', describeProblem(problem)));
    else if (outcome.remaining === 0) vscode.window.setStatusBarMessage(vscode.l10n.t('News Annotator: conflict resolved; the tags of {0} show again.', vscode.workspace.asRelativePath(textPath)), 5000);
    return true;
  };

  // Said once per conflicted file until it is resolved, so reopening the article does not nag.
  const told = new Set<string>();
  const noticeConflict = (uri: vscode.Uri) => {
    const session = documents.loadedSession(uri);
    const conflicted = session?.problems.some((item) => item.code === 'conflict-markers') ?? false;
    const key = uri.toString();
    if (!conflicted) {
      told.delete(key);
      return;
    }
    if (told.has(key)) return;
    told.add(key);
    const message = vscode.l10n.t('News Annotator: the sidecar of {0} has unresolved git merge conflicts, so its tags are not shown and tagging is refused until they are resolved.', vscode.workspace.asRelativePath(uri));
    void showErrorOfferingResolve(message, { code: 'conflict-markers', file: sidecarPathFor(pathOfUri(uri)) });
  };

  return vscode.Disposable.from(
    vscode.languages.registerCodeLensProvider(sidecarSelector(), new ConflictLenses()),
    vscode.languages.registerCodeActionsProvider(sidecarSelector(), new ConflictQuickFixes(), { providedCodeActionKinds: ConflictQuickFixes.kinds }),
    vscode.commands.registerCommand(commandIds.resolveConflict, resolve),
    vscode.commands.registerCommand(commandIds.openConflictedSidecar, openConflictedSidecar),
    documents.onDidChange(noticeConflict),
  );
}
