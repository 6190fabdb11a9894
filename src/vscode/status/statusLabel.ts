import * as vscode from 'vscode';
import type { SidecarStatus } from '../../core/sidecar/model';

/** A file status as the status bar names it, in the display language. */
export function statusLabel(status: SidecarStatus): string {
  switch (status) {
    case 'untouched':
      return vscode.l10n.t('Untouched');
    case 'in-progress':
      return vscode.l10n.t('In progress');
    case 'done':
      return vscode.l10n.t('Done');
  }
}
