import * as vscode from 'vscode';
import type { FileState } from '../../core/index';

/** A Corpus view state in words, in the display language (rows' tooltips, the filter, the view's description). */
export function fileStateLabel(state: FileState): string {
  switch (state) {
    case 'untouched':
      return vscode.l10n.t('untouched');
    case 'in-progress':
      return vscode.l10n.t('in progress');
    case 'done':
      return vscode.l10n.t('done');
    case 'problem':
      return vscode.l10n.t('has problems');
  }
}
