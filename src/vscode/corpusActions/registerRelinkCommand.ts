import * as vscode from 'vscode';
import type { Problem } from '../../core/problem';
import { planRelink, relinkSidecars, type SidecarMove } from '../../workspace/relinkSidecars';
import type { CorpusOverFiles } from '../../workspace/openCorpusOver';
import { commandIds } from '../commandIds';
import { toDiagnostic } from '../project/projectService';
import type { CorpusAccess } from './corpusAccess';

/** For tests and keybindings: `all` moves every sidecar found without asking which. */
export interface RelinkArguments {
  all?: boolean;
}

/** What the command did: the sidecars' new paths (relative to their folder) and how many stay without a text. */
export interface RelinkOutcome {
  moved: string[];
  left: number;
}

/**
 * News Annotator: Reattach Sidecars of Moved Texts. The editor moves a sidecar along when a text
 * is renamed in it (sidecarsFollowRenames.ts); this finds the sidecars left behind by renames it
 * did not see (git, a shell, a teammate's commit) and moves each beside its text, found by
 * content (src/workspace/relinkSidecars.ts, as `news-annotator relink`). The person picks which
 * moves to make; sidecars that stay are listed in the Problems panel with the reason.
 */
export function registerRelinkCommand(access: CorpusAccess): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('news-annotator-relink');
  const relink = async (args?: RelinkArguments): Promise<RelinkOutcome | undefined> => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: open a corpus folder first.'));
      return undefined;
    }
    collection.clear();
    const found: { folder: vscode.WorkspaceFolder; corpus: CorpusOverFiles; move: SidecarMove }[] = [];
    const left: { folder: vscode.WorkspaceFolder; problem: Problem }[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for texts moved away from their sidecars') }, async (progress) => {
      for (const folder of folders) {
        const corpus = await access.open(folder);
        if ('error' in corpus) continue;
        let reported = 0;
        const plan = await planRelink(corpus, (done, total) => {
          const percent = Math.floor((100 * done) / Math.max(1, total));
          progress.report({ message: vscode.l10n.t('{0}: {1} of {2} files', folder.name, done, total), increment: (percent - reported) / folders.length });
          reported = percent;
        });
        for (const move of plan.moves) found.push({ folder, corpus, move });
        for (const problem of plan.problems) left.push({ folder, problem });
      }
    });

    let chosen = found;
    if (found.length > 0 && args?.all !== true) {
      // Named by the text that gets its tags back, beside the sidecar that holds them.
      const items = found.map((entry) => ({ label: entry.move.text, description: vscode.l10n.t('from {0}', entry.move.from), picked: true, entry }));
      const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Move these sidecars beside their texts?'), canPickMany: true });
      if (picked === undefined) return undefined;
      chosen = picked.map((item) => item.entry);
    }
    const moved: string[] = [];
    for (const { folder, corpus, move } of chosen) {
      const done = await relinkSidecars(corpus.fileSystem, [move]);
      moved.push(...done.moved.map((entry) => entry.to));
      for (const problem of done.problems) left.push({ folder, problem });
    }
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const { folder, problem } of left) {
      const uri = vscode.Uri.joinPath(folder.uri, problem.file).toString();
      byFile.set(uri, [...(byFile.get(uri) ?? []), toDiagnostic(problem)]);
    }
    for (const [uri, diagnostics] of byFile) collection.set(vscode.Uri.parse(uri), diagnostics);

    const summary =
      found.length === 0 && left.length === 0
        ? vscode.l10n.t('News Annotator: every sidecar has its text.')
        : vscode.l10n.t('News Annotator: moved {0} of {1} sidecars beside their texts; {2} without a text stay where they are.', moved.length, found.length, left.length);
    if (left.length === 0) void vscode.window.showInformationMessage(summary);
    else {
      void vscode.window.showWarningMessage(summary, vscode.l10n.t('Show Problems')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return { moved, left: left.length };
  };
  return vscode.Disposable.from(collection, vscode.commands.registerCommand(commandIds.relinkSidecars, relink));
}
