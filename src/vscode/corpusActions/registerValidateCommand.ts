import * as vscode from 'vscode';
import { loadCorpus } from '../../core/corpus/loadCorpus';
import type { Problem } from '../../core/problem';
import { validateCorpus } from '../../workspace/validateCorpus';
import { commandIds } from '../commandIds';
import { toDiagnostic } from '../project/projectService';
import type { CorpusAccess } from './corpusAccess';

export interface ValidationSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * News Annotator: Validate Corpus. Checks the project file and every sidecar of every workspace
 * folder (the same checks as `news-annotator validate`) and lists the problems in the Problems
 * panel. It reads only.
 */
export function registerValidateCommand(access: CorpusAccess): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('news-annotator-validate');
  const validate = async (): Promise<ValidationSummary> => {
    collection.clear();
    let files = 0;
    let errors = 0;
    let warnings = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Validating the corpus'), cancellable: true }, async (progress, token) => {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const corpus = await access.open(folder);
        if ('error' in corpus) continue;
        let reported = 0;
        const load = await loadCorpus(corpus.store, corpus.files, {
          onProgress: (done, total) => {
            if (token.isCancellationRequested) throw new vscode.CancellationError();
            const percent = Math.floor((100 * done) / Math.max(1, total));
            progress.report({ message: vscode.l10n.t('{0}: {1} of {2} files', folder.name, done, total), increment: percent - reported });
            reported = percent;
          },
        });
        files += corpus.files.length;
        const byFile = new Map<string, vscode.Diagnostic[]>();
        for (const item of validateCorpus(corpus, load, (relative) => access.fullPath(corpus, relative))) {
          if (item.severity === 'error') errors++;
          else if (item.severity === 'warning') warnings++;
          byFile.set(item.file, [...(byFile.get(item.file) ?? []), toDiagnostic(withRelinkHint(item))]);
        }
        for (const [file, diagnostics] of byFile) collection.set(vscode.Uri.joinPath(folder.uri, file), diagnostics);
      }
    });
    const errorCount = errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', errors);
    const warningCount = warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', warnings);
    const summary = vscode.l10n.t('News Annotator: checked {0} corpus files: {1}, {2}.', files, errorCount, warningCount);
    if (errors + warnings === 0) void vscode.window.showInformationMessage(summary);
    else {
      void vscode.window.showWarningMessage(summary, vscode.l10n.t('Show Problems')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return { files, errors, warnings };
  };
  return vscode.Disposable.from(
    collection,
    vscode.commands.registerCommand(commandIds.validateCorpus, async () => {
      try {
        return await validate();
      } catch (error) {
        if (error instanceof vscode.CancellationError) return undefined;
        throw error;
      }
    }),
  );
}

/** A sidecar left behind is most often a text renamed outside the editor: say which command puts it back. */
function withRelinkHint(item: Problem): Problem {
  if (item.code !== 'sidecar-without-text') return item;
  return { ...item, message: `${item.message} ${vscode.l10n.t('If the text was renamed or moved, News Annotator: Reattach Sidecars of Moved Texts finds it by its content.')}` };
}
