import * as vscode from 'vscode';
import { commandIds } from './commandIds';

/** Commands that run git, which a browser's extension host cannot. */
export const desktopOnlyCommands = [
  commandIds.setUpGitMerging,
  commandIds.compareAnnotations,
  commandIds.nextDisagreement,
  commandIds.previousDisagreement,
  commandIds.resolveDisagreement,
] as const;

/**
 * In the browser build: the palette hides these (`!newsAnnotator.web` in package.json), but a
 * keybinding or a command link can still run one, so each says why it does nothing instead of
 * failing with "command not found".
 */
export function registerDesktopOnlyNotices(): vscode.Disposable {
  const explain = () =>
    void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: this command runs git, so it works in VS Code on the desktop, not in the browser.'));
  return vscode.Disposable.from(...desktopOnlyCommands.map((id) => vscode.commands.registerCommand(id, explain)));
}
