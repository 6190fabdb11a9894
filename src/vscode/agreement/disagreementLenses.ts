import * as vscode from 'vscode';
import { resolutions, type Resolution } from '../../core/agreement/adjudicationChange';
import { disagreementSpan } from '../../core/agreement/settledDisagreements';
import { CodePointIndex } from '../../core/text/codePoints';
import { commandIds } from '../commandIds';
import type { AdjudicationSession } from './adjudicationSession';

function title(resolution: Resolution): string {
  switch (resolution) {
    case 'accept-theirs':
      return vscode.l10n.t('$(check) Accept theirs');
    case 'keep-mine':
      return vscode.l10n.t('Keep mine');
    case 'keep-both':
      return vscode.l10n.t('Keep both');
    case 'reject-both':
      return vscode.l10n.t('$(close) Reject both');
  }
}

/** The four answers as CodeLens above the current disagreement's line. */
export class DisagreementLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly session: AdjudicationSession) {
    this.disposables = [this.changeEmitter, session.onDidChange(() => this.changeEmitter.fire()), vscode.languages.registerCodeLensProvider({ scheme: 'file' }, this)];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const index = this.session.current;
    const item = this.session.disagreement();
    if (index === undefined || !item || this.session.active?.pathOf(document.uri) !== item.path) return [];
    const text = new CodePointIndex(document.getText());
    const start = document.positionAt(text.toUtf16(disagreementSpan(item).start));
    const range = new vscode.Range(start.line, 0, start.line, 0);
    return resolutions.map((resolution) => new vscode.CodeLens(range, { title: title(resolution), command: commandIds.resolveDisagreement, arguments: [{ resolution, index }] }));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
