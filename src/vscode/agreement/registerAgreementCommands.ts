import * as vscode from 'vscode';
import type { AgreementReport, Disagreement } from '../../core/agreement/agreementReport';
import { adjudicationChange, resolutions, type Resolution } from '../../core/agreement/adjudicationChange';
import { disagreementSpan } from '../../core/agreement/settledDisagreements';
import type { AnnotationChange } from '../../core/editing/annotationChange';
import { CodePointIndex } from '../../core/text/codePoints';
import { isProblem } from '../../workspace/fileEdit';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import { commandIds } from '../commandIds';
import { describeProblem } from '../editing/fileActions';
import type { CorpusIndexService } from '../index/corpusIndexService';
import type { ProjectService } from '../project/projectService';
import { AdjudicationSession } from './adjudicationSession';
import { Comparison, type OtherSide } from './comparison';
import { DisagreementLenses } from './disagreementLenses';
import { GhostDecorations } from './ghostDecorations';
import { pickAnnotators, pickOtherSide } from './pickOtherSide';
import { ReportPanel } from './reportPanel';

export interface AgreementContext {
  readonly indexes: CorpusIndexService;
  readonly project: ProjectService;
  readonly workspace: AnnotationWorkspace;
}

/** Where a disagreement is, as the commands return it (tests read it). */
export interface DisagreementLocation {
  readonly index: number;
  readonly uri: string;
  readonly disagreement: Disagreement;
}

export interface AgreementFeature extends vscode.Disposable {
  readonly session: AdjudicationSession;
  readonly panel: ReportPanel;
  readonly ghosts: GhostDecorations;
}

interface ResolveArguments {
  readonly resolution?: Resolution;
  readonly index?: number;
}

function resolutionLabel(resolution: Resolution): string {
  switch (resolution) {
    case 'accept-theirs':
      return vscode.l10n.t('Accept theirs');
    case 'keep-mine':
      return vscode.l10n.t('Keep mine');
    case 'keep-both':
      return vscode.l10n.t('Keep both');
    case 'reject-both':
      return vscode.l10n.t('Reject both');
  }
}

function resolutionDetail(resolution: Resolution): string {
  switch (resolution) {
    case 'accept-theirs':
      return vscode.l10n.t('Remove our tag and add theirs');
    case 'keep-mine':
      return vscode.l10n.t('Change nothing; the disagreement leaves the list');
    case 'keep-both':
      return vscode.l10n.t('Add their tag beside ours');
    case 'reject-both':
      return vscode.l10n.t('Remove our tag; theirs is not added');
  }
}

/** The workspace folder compared: the active editor's, else the first one on disk. */
function folderToCompare(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  return active?.uri.scheme === 'file' ? active : vscode.workspace.workspaceFolders?.find((folder) => folder.uri.scheme === 'file');
}

/**
 * Compare Annotations (the report in a webview), Next/Previous Disagreement, and Resolve
 * Disagreement (accept theirs, keep mine, keep both, reject both: each one undo step through the
 * workspace), with the other side's spans shown beside ours while a comparison is open.
 */
export function registerAgreementCommands(context: AgreementContext): AgreementFeature {
  const session = new AdjudicationSession(context.workspace);
  // Closing the report ends the comparison: the other side's spans go with it.
  const panel = new ReportPanel((index) => void reveal(index), () => session.stop());
  const ghosts = new GhostDecorations(session);
  const lenses = new DisagreementLenses(session);

  const reveal = async (index: number): Promise<DisagreementLocation | undefined> => {
    const comparison = session.active;
    const item = session.disagreement(index);
    if (!comparison || !item) return undefined;
    session.setCurrent(index);
    const uri = comparison.uriOf(item.path);
    // The article opens where articles are (not over the report).
    const column = vscode.window.visibleTextEditors.find((editor) => comparison.pathOf(editor.document.uri) !== undefined)?.viewColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preview: false });
    const text = new CodePointIndex(editor.document.getText());
    const span = disagreementSpan(item);
    const range = new vscode.Range(editor.document.positionAt(text.toUtf16(span.start)), editor.document.positionAt(text.toUtf16(span.end)));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return { index, uri: uri.toString(), disagreement: item };
  };

  const compare = async (other?: OtherSide): Promise<AgreementReport | undefined> => {
    const folder = folderToCompare();
    if (!folder) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: open a corpus folder first.'));
      return undefined;
    }
    const chosen = other ?? (await pickOtherSide(folder));
    if (!chosen) return undefined;
    let comparison: Comparison | undefined;
    try {
      comparison = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the annotations to compare'), cancellable: true },
        (progress, token) =>
          // Our files and then theirs are read: the count is shown for each, without one bar for both.
          Comparison.load(context, folder, chosen === 'annotators' ? 'annotators-later' : chosen, {
            get cancelled() {
              return token.isCancellationRequested;
            },
            report: (done, total) => progress.report({ message: vscode.l10n.t('{0} of {1} files', done, total) }),
          }),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: the annotations to compare could not be read: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    if (!comparison) return undefined;
    if (chosen === 'annotators') {
      const pair = await pickAnnotators(comparison.annotators());
      if (!pair) return undefined;
      comparison = comparison.withAnnotators(pair);
    }
    const report = session.start(comparison);
    panel.show(report, true);
    if (report.byDocument.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: no document is on both sides with the same text, so nothing was compared.'));
    return report;
  };

  const move = async (step: 1 | -1): Promise<DisagreementLocation | undefined> => {
    const count = session.report?.disagreements.length ?? 0;
    if (!session.active) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: compare annotations first (News Annotator: Compare Annotations…).'));
      return undefined;
    }
    if (count === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: no disagreements left.'));
      return undefined;
    }
    const current = session.current;
    return reveal(current === undefined ? (step === 1 ? 0 : count - 1) : (current + step + count) % count);
  };

  /** The disagreement named, else the current one, else the one under the cursor. */
  const target = (index: number | undefined): number | undefined => {
    if (index !== undefined) return index;
    if (session.current !== undefined) return session.current;
    const editor = vscode.window.activeTextEditor;
    const path = editor && session.active?.pathOf(editor.document.uri);
    if (!editor || path === undefined) return undefined;
    const cursor = new CodePointIndex(editor.document.getText()).toCodePoint(editor.document.offsetAt(editor.selection.active));
    const found = session.report?.disagreements.findIndex((item) => {
      const span = disagreementSpan(item);
      return item.path === path && span.start <= cursor && cursor <= span.end;
    });
    return found === undefined || found < 0 ? undefined : found;
  };

  const resolve = async (args?: ResolveArguments): Promise<boolean> => {
    const comparison = session.active;
    const index = target(args?.index);
    const item = index === undefined ? undefined : session.disagreement(index);
    if (!comparison || index === undefined || !item) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: go to a disagreement first (Next Disagreement).'));
      return false;
    }
    const resolution =
      args?.resolution ??
      (await vscode.window.showQuickPick(resolutions.map((value) => ({ label: resolutionLabel(value), detail: resolutionDetail(value), value })), { title: vscode.l10n.t('Settle this disagreement') }))?.value;
    if (!resolution) return false;
    const textPath = comparison.uriOf(item.path).fsPath;
    let change: AnnotationChange = { removed: [], added: [] };
    if (resolution !== 'keep-mine') {
      const outcome = await context.workspace.edit(resolutionLabel(resolution), [
        {
          textPath,
          factory: (sidecar, text) => {
            const made = adjudicationChange(sidecar, text, item, resolution);
            if (!isProblem(made)) change = made;
            return made;
          },
        },
      ]);
      const failure = outcome.failures[0];
      if (failure) {
        void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: the disagreement was not settled, nothing was written. {0}', describeProblem(failure)));
        return false;
      }
    }
    // The answer covers ours, theirs and what it added; the next disagreement takes this index.
    session.current = index;
    const ids = [item.left?.id, item.right?.id, ...change.added.map((annotation) => annotation.id)].filter((id): id is string => id !== undefined);
    session.settle({ path: item.path, ids, removed: change.removed, added: change.added });
    await session.ourFilesChanged([textPath]);
    if (session.current !== undefined) await reveal(session.current);
    return true;
  };

  const disposable = vscode.Disposable.from(
    session,
    panel,
    ghosts,
    lenses,
    session.onDidChange(() => panel.update(session.report)),
    vscode.commands.registerCommand(commandIds.compareAnnotations, (other?: OtherSide) => compare(other)),
    vscode.commands.registerCommand(commandIds.nextDisagreement, () => move(1)),
    vscode.commands.registerCommand(commandIds.previousDisagreement, () => move(-1)),
    vscode.commands.registerCommand(commandIds.resolveDisagreement, (args?: ResolveArguments) => resolve(args)),
  );
  return {
    session,
    panel,
    ghosts,
    dispose: () => {
      disposable.dispose();
    },
  };
}
