import * as vscode from 'vscode';
import type { HunkChoice } from '../../core/conflict/resolveConflict';
import { commandIds } from '../commandIds';

/** What the resolve command takes: the sidecar, the hunk (none: every hunk) and the choice. */
export interface ResolveArguments {
  readonly uri: string;
  readonly hunk?: number;
  readonly choice: HunkChoice;
}

/** The actions a hunk offers, in the order shown: each hunk's three, then the whole file's two. */
export function resolveCommands(uri: vscode.Uri, hunk: number, wholeFile: boolean): vscode.Command[] {
  const command = (title: string, tooltip: string, args: ResolveArguments): vscode.Command => ({ command: commandIds.resolveConflict, title, tooltip, arguments: [args] });
  const target = uri.toString();
  const commands = [
    command(vscode.l10n.t('Keep Ours'), vscode.l10n.t('Keep our side of this conflict'), { uri: target, hunk, choice: 'ours' }),
    command(vscode.l10n.t('Keep Theirs'), vscode.l10n.t('Keep their side of this conflict'), { uri: target, hunk, choice: 'theirs' }),
    command(vscode.l10n.t('Keep Both'), vscode.l10n.t('Keep the annotations of both sides (theirs get a new id where both changed one annotation; status and source come from ours)'), { uri: target, hunk, choice: 'both' }),
  ];
  if (wholeFile) {
    commands.push(
      command(vscode.l10n.t('Keep All Ours'), vscode.l10n.t('Keep our side of every conflict in this sidecar'), { uri: target, choice: 'ours' }),
      command(vscode.l10n.t('Keep All Theirs'), vscode.l10n.t('Keep their side of every conflict in this sidecar'), { uri: target, choice: 'theirs' }),
    );
  }
  return commands;
}

/** The undo label of a choice: what the action was called where it was chosen. */
export function choiceLabel(args: ResolveArguments): string {
  if (args.hunk === undefined) return args.choice === 'ours' ? vscode.l10n.t('Keep All Ours') : vscode.l10n.t('Keep All Theirs');
  switch (args.choice) {
    case 'ours':
      return vscode.l10n.t('Keep Ours');
    case 'theirs':
      return vscode.l10n.t('Keep Theirs');
    default:
      return vscode.l10n.t('Keep Both');
  }
}
