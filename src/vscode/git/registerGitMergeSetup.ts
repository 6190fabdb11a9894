/**
 * News Annotator: Set Up Git Merging, and a one-time offer of it. The set-up is the same as
 * `news-annotator merge-driver install` (src/node/installMergeDriver.ts), for the repository
 * holding a workspace folder, with a driver command that runs this extension's own dist/cli.js.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { installMergeDriver, mergeDriverState, type DriverLauncher } from '../../node/installMergeDriver';
import { commandIds } from '../commandIds';

/** workspaceState key per repository: 'never', or when the offer was last put off (ms). */
const offerKey = (root: string) => `newsAnnotator.gitMergeOffer:${root}`;
const offerAgainAfter = 7 * 24 * 60 * 60 * 1000;

export function registerGitMergeSetup(context: vscode.ExtensionContext): vscode.Disposable {
  const setUp = async (target?: vscode.Uri): Promise<boolean> => {
    const folder = target ?? (await pickFolder());
    if (folder === undefined) return false;
    const outcome = await installMergeDriver(folder.fsPath, editorLauncher(context.extensionPath));
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator could not set up git merging: {0}', outcome.message));
      return false;
    }
    const message = outcome.attributesChanged
      ? vscode.l10n.t('Git now merges sidecars by annotation id in {0}. Commit the changed .gitattributes so everyone gets it; each clone runs Set Up Git Merging once.', outcome.root)
      : vscode.l10n.t('Git merges sidecars by annotation id in {0}.', outcome.root);
    void vscode.window.showInformationMessage(message);
    return true;
  };

  const offered = new Set<string>();
  const offer = async (folder: vscode.WorkspaceFolder): Promise<void> => {
    // Nothing runs git on its own in a folder the person has not trusted (git reads its config).
    if (folder.uri.scheme !== 'file' || !vscode.workspace.isTrusted) return;
    const state = await mergeDriverState(folder.uri.fsPath);
    if (state.kind === 'not-a-repository' || state.kind === 'configured' || offered.has(state.root)) return;
    const remembered = context.workspaceState.get<number | 'never'>(offerKey(state.root));
    if (remembered === 'never' || (typeof remembered === 'number' && Date.now() - remembered < offerAgainAfter)) return;
    const sidecars = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.ann.yaml'), '**/node_modules/**', 1);
    if (sidecars.length === 0 || offered.has(state.root)) return;
    offered.add(state.root);
    const setUpNow = vscode.l10n.t('Set up');
    const notNow = vscode.l10n.t('Not now');
    const never = vscode.l10n.t('Never for this repository');
    const question =
      state.kind === 'stale'
        ? vscode.l10n.t('The git merge driver for sidecars in {0} points to a program that is gone (after an update). Set it up again?', state.root)
        : vscode.l10n.t('{0} is a git repository with sidecars. Let git merge them by annotation id, so two annotators tagging the same article rarely conflict?', state.root);
    const choice = await vscode.window.showInformationMessage(question, setUpNow, notNow, never);
    if (choice === setUpNow) await setUp(folder.uri);
    else await context.workspaceState.update(offerKey(state.root), choice === never ? 'never' : Date.now());
  };
  const offerAll = () => {
    for (const folder of vscode.workspace.workspaceFolders ?? []) void offer(folder).catch(() => undefined);
  };
  offerAll();

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.setUpGitMerging, (target?: unknown) => setUp(target instanceof vscode.Uri ? target : undefined)),
    vscode.workspace.onDidChangeWorkspaceFolders(offerAll),
    vscode.workspace.onDidGrantWorkspaceTrust(offerAll),
  );
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder in a git repository to set up git merging.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0].uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Set up git merging for the repository of…') }))?.uri;
}

/**
 * The program git runs as the driver. Inside the editor `process.execPath` is the editor's own
 * binary (Code, "Code Helper (Plugin)"), except in code-server and remote hosts, where it is
 * node. An editor binary runs as plain node with ELECTRON_RUN_AS_NODE=1, and that is safer than
 * `node` from PATH: many annotators never installed Node.js, and git runs drivers from shells and
 * git GUIs whose PATH differs. The binary and this extension's folder move on updates; the offer
 * notices a driver that points to a gone file and proposes the set-up again.
 */
function editorLauncher(extensionPath: string): DriverLauncher {
  const script = path.join(extensionPath, 'dist', 'cli.js');
  const isNode = /^node(\.exe)?$/i.test(path.basename(process.execPath));
  return isNode ? { launcher: [process.execPath, script] } : { launcher: [process.execPath, script], environment: { ELECTRON_RUN_AS_NODE: '1' } };
}
