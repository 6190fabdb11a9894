import * as vscode from 'vscode';
import type { AgreementReport } from '../../core/agreement/agreementReport';
import { reportHtml, type ReportLabels } from './reportHtml';
import { webviewNonce } from '../webviewNonce';

const viewType = 'newsAnnotator.agreementReport';

function labels(): ReportLabels {
  return {
    title: vscode.l10n.t('Annotation agreement'),
    comparing: vscode.l10n.t('{0} (ours) compared with {1} (theirs)', '{0}', '{1}'),
    overall: vscode.l10n.t('Overall'),
    exactF1: vscode.l10n.t('Exact F1'),
    overlapF1: vscode.l10n.t('Overlap F1'),
    kappa: vscode.l10n.t("Cohen's kappa (tokens)"),
    notDefined: vscode.l10n.t('not defined'),
    tokens: vscode.l10n.t('{0} tokens', '{0}'),
    counts: vscode.l10n.t('{0} matched · {1} ours · {2} theirs', '{0}', '{1}', '{2}'),
    byType: vscode.l10n.t('F1 by entity type'),
    exact: vscode.l10n.t('Exact'),
    overlap: vscode.l10n.t('Overlap'),
    byDocument: vscode.l10n.t('By document'),
    document: vscode.l10n.t('Document'),
    ours: vscode.l10n.t('Ours'),
    theirs: vscode.l10n.t('Theirs'),
    disagreements: vscode.l10n.t('Disagreements'),
    none: vscode.l10n.t('None.'),
    skipped: vscode.l10n.t('Documents not compared'),
    sortHint: vscode.l10n.t('Click a column header (or press Enter on it) to sort by it.'),
    more: vscode.l10n.t('{0} more: use Next Disagreement to reach them.', '{0}'),
    kinds: {
      'only-left': vscode.l10n.t('only ours'),
      'only-right': vscode.l10n.t('only theirs'),
      type: vscode.l10n.t('type differs'),
      boundary: vscode.l10n.t('bounds differ'),
    },
    skipReasons: {
      'missing-left': vscode.l10n.t('not in ours'),
      'missing-right': vscode.l10n.t('not in theirs'),
      'text-differs': vscode.l10n.t('the text differs'),
    },
  };
}

/**
 * The agreement report in a webview panel beside the editor: one panel, drawn again whenever the
 * report changes; a click on a disagreement is passed to `onReveal` with its index.
 */
export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The report last drawn (tests read it). */
  shown: AgreementReport | undefined;

  constructor(
    private readonly onReveal: (index: number) => void,
    private readonly onClose: () => void,
  ) {}

  get visible(): boolean {
    return this.panel !== undefined;
  }

  show(report: AgreementReport, reveal: boolean): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(viewType, vscode.l10n.t('Annotation agreement'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
        this.onClose();
      }, undefined, this.disposables);
      this.panel.webview.onDidReceiveMessage((message: unknown) => {
        if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'reveal') {
          const index = (message as { index?: unknown }).index;
          if (typeof index === 'number' && Number.isInteger(index) && index >= 0) this.onReveal(index);
        }
      }, undefined, this.disposables);
    } else if (reveal) this.panel.reveal(undefined, true);
    this.shown = undefined;
    this.update(report);
  }

  /** Draws the report again if the panel is open and the report changed (drawing resets sorting and scrolling). */
  update(report: AgreementReport | undefined): void {
    if (!this.panel || report === this.shown) return;
    if (!report) {
      this.panel.dispose();
      return;
    }
    this.shown = report;
    this.panel.webview.html = reportHtml({ report, labels: labels(), nonce: webviewNonce(), cspSource: this.panel.webview.cspSource, language: vscode.env.language });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
