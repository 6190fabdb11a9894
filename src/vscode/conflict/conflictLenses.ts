import * as vscode from 'vscode';
import { splitConflict, type ConflictHunk } from '../../core/conflict/splitConflict';
import { isSidecarPath } from '../../core/sidecar/sidecarPath';
import { resolveCommands } from './conflictChoices';
import { workspaceDocumentSelector } from '../uriPaths';

/** Sidecar files, wherever they are and whatever language VS Code gives them. */
export const sidecarSelector = (): vscode.DocumentSelector => workspaceDocumentSelector('**/*.ann.yaml');

/** The hunks of an open sidecar; none when it has no conflict or its markers do not nest. */
export function hunksOf(document: vscode.TextDocument): readonly ConflictHunk[] {
  if (!isSidecarPath(document.uri.path)) return [];
  const split = splitConflict(document.getText());
  return split.ok ? split.conflict.hunks : [];
}

/** Keep Ours / Theirs / Both above each hunk's opening marker; Keep All Ours / Theirs on the first. */
export class ConflictLenses implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return hunksOf(document).flatMap((hunk) => {
      const range = document.lineAt(hunk.startLine - 1).range;
      return resolveCommands(document.uri, hunk.index, hunk.index === 0).map((command) => new vscode.CodeLens(range, command));
    });
  }
}

/** The same choices as quick fixes on the conflict's lines (where the Problems view's markers point). */
export class ConflictQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const line = range.start.line + 1;
    const hunk = hunksOf(document).find((candidate) => candidate.startLine <= line && line <= candidate.endLine);
    if (!hunk) return [];
    const diagnostics = context.diagnostics.filter((diagnostic) => diagnostic.code === 'conflict-markers');
    return resolveCommands(document.uri, hunk.index, true).map((command, index) => {
      const action = new vscode.CodeAction(command.title, vscode.CodeActionKind.QuickFix);
      action.command = command;
      action.diagnostics = diagnostics;
      // Keep Both loses nothing, so it is the one a quick fix key applies.
      action.isPreferred = index === 2;
      return action;
    });
  }
}
