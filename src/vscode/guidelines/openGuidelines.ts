import * as vscode from 'vscode';
import { isPlaced } from '../../core/editing/liveAnnotations';
import { guidelineSection, projectFileName } from '../../core/project';
import { commandIds } from '../commandIds';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import type { ProjectService } from '../project/projectService';
import type { TagNode } from '../tags/tagsTreeProvider';
import type { GuidelinesTarget } from './typeGuidance';

/** What the command opened, for callers and tests: the file and the 1-based line revealed. */
export interface OpenedGuidelines {
  uri: string;
  line: number;
  heading?: string;
}

/** A type name, a `{ type, uri }` from a hover link, or a type row of the Tags view. */
type GuidelinesArgument = string | GuidelinesTarget | TagNode | undefined;

/**
 * "Open Guidelines": the project's guidelines Markdown opens beside the article, at the section of
 * a type when one is given (from a hover, the Tags view, or the tag under the cursor), keeping the
 * focus in the article. It opens as text, not as the rendered preview: the preview command takes
 * no position, so only the text editor can be opened at a section, and it works the same in
 * VS Code desktop, in code-server and without the built-in Markdown extension (Ctrl+Shift+V on it
 * renders it, scrolled with the text).
 */
export function registerGuidelinesCommand(project: ProjectService, documents: AnnotatedDocuments): vscode.Disposable {
  const open = (argument?: GuidelinesArgument) => openGuidelines(project, documents, argument);
  // The Tags view's row action has its own title ("for This Type"); it does the same.
  return vscode.Disposable.from(vscode.commands.registerCommand(commandIds.openGuidelines, open), vscode.commands.registerCommand(commandIds.openGuidelinesForType, open));
}

async function openGuidelines(project: ProjectService, documents: AnnotatedDocuments, argument: GuidelinesArgument): Promise<OpenedGuidelines | undefined> {
  const { folder, type } = resolve(argument, documents);
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: open a corpus folder to see its guidelines.'));
    return undefined;
  }
  await project.ready;
  const relative = project.configFor(folder).guidelines;
  if (relative === undefined) {
    void offerProjectFile(folder, vscode.l10n.t('News Annotator: this project names no guidelines file. Add a line such as “guidelines: GUIDELINES.md” (a Markdown file inside the corpus folder) to {0}.', projectFileName));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, relative);
  const refusal = await checkReadable(project, folder, relative);
  if (refusal !== undefined) {
    void offerProjectFile(folder, refusal);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  // The editor's copy, which may hold unsaved changes, is what the reader sees: search that.
  const section = type === undefined ? { line: 1 } : guidelineSection(document.getText(), type);
  const position = new vscode.Position(Math.min(section.line, document.lineCount) - 1, 0);
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  // Selected and revealed after the editor is shown: a `selection` passed to showTextDocument is
  // revealed centred once the editor lays out, which would undo the reveal at the top.
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  if (type !== undefined && section.heading === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: {0} has no heading naming {1}; it opened at the top.', relative, type));
  }
  return { uri: uri.toString(), line: section.line, ...(section.heading !== undefined ? { heading: section.heading } : {}) };
}

function resolve(argument: GuidelinesArgument, documents: AnnotatedDocuments): { folder?: vscode.WorkspaceFolder; type?: string } {
  const active = vscode.window.activeTextEditor;
  const folderOf = (uri: vscode.Uri | undefined) => (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (typeof argument === 'string') return { folder: folderOf(active?.document.uri), type: argument };
  if (argument && 'kind' in argument) {
    return { folder: argument.folderIndex.folder, ...(argument.kind === 'type' ? { type: argument.total.type } : argument.kind === 'entity' ? { type: argument.entity.type } : {}) };
  }
  if (argument && (argument.type !== undefined || argument.uri !== undefined)) {
    return { folder: folderOf(argument.uri ? vscode.Uri.parse(argument.uri) : active?.document.uri), ...(argument.type !== undefined ? { type: argument.type } : {}) };
  }
  // From the palette or a key: the type of the tag under the cursor, if there is one.
  return { folder: folderOf(active?.document.uri), ...(active ? { type: typeAtCursor(active, documents) } : {}) };
}

function typeAtCursor(editor: vscode.TextEditor, documents: AnnotatedDocuments): string | undefined {
  const session = documents.loadedSession(editor.document.uri);
  if (!session) return undefined;
  const offset = session.text.toCodePoint(editor.document.offsetAt(editor.selection.active));
  return session.live.find((item) => isPlaced(item) && item.start <= offset && offset <= item.end)?.annotation.type;
}

/**
 * Why the guidelines file cannot be opened, or undefined. On disk it is read through the corpus
 * walls, as the command line reads corpus files: a link, a folder that leads out, a FIFO or a
 * missing file is refused here, so the editor never opens a file outside the corpus.
 */
async function checkReadable(project: ProjectService, folder: vscode.WorkspaceFolder, relative: string): Promise<string | undefined> {
  const missing = vscode.l10n.t('News Annotator: the guidelines file {0} named in {1} does not exist.', relative, projectFileName);
  try {
    const walled = await project.openFolderFiles(folder);
    if (walled) {
      return (await walled.readFile(relative)) === undefined ? missing : undefined;
    }
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, relative));
    return undefined;
  } catch (error) {
    if (error instanceof vscode.FileSystemError) return missing;
    return vscode.l10n.t('News Annotator: the guidelines file {0} cannot be opened: {1}', relative, error instanceof Error ? error.message : String(error));
  }
}

/** A message with a button that opens the project file (a new one, ready to save, when there is none). */
async function offerProjectFile(folder: vscode.WorkspaceFolder, message: string): Promise<void> {
  const open = vscode.l10n.t('Open Project File');
  if ((await vscode.window.showInformationMessage(message, open)) !== open) return;
  const uri = vscode.Uri.joinPath(folder.uri, projectFileName);
  try {
    await vscode.workspace.fs.stat(uri);
    await vscode.window.showTextDocument(uri);
  } catch {
    const document = await vscode.workspace.openTextDocument(uri.with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(new vscode.SnippetString('version: 1\nguidelines: ${1:GUIDELINES.md}\n'));
  }
}
