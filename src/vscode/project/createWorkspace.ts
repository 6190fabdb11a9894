import * as vscode from 'vscode';
import { FoldersFileSystem } from '../../node/foldersFileSystem';
import { annotationRulesOf } from '../../core/sidecar/validateLinks';
import { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import type { ProjectService } from './projectService';

/**
 * The editor's one AnnotationWorkspace over the local disk, with each text's project types and
 * annotation rules (so the editor's Problems panel reports what `validate` does), renewed when a project
 * file changes.
 */
export function createWorkspace(project: ProjectService): vscode.Disposable & { workspace: AnnotationWorkspace } {
  const folderRoots = () => (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  const fileSystem = new FoldersFileSystem(folderRoots);
  const workspace = new AnnotationWorkspace(fileSystem, {
    knownTypes: (textPath) => new Set(project.typesFor(vscode.Uri.file(textPath)).map((type) => type.name)),
    // Relation types, attributes and KB prefixes the project declares, checked as `validate` does.
    rules: (textPath) => annotationRulesOf(project.configOf(vscode.Uri.file(textPath))),
  });
  // Reads and writes stay inside the workspace folders (links out of them are refused).
  const openFolders = () => fileSystem.setFolders(folderRoots());
  const subscriptions = vscode.Disposable.from(
    project.onDidChange(() => workspace.projectChanged()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void openFolders()),
  );
  void openFolders();
  return {
    workspace,
    dispose: () => {
      subscriptions.dispose();
    },
  };
}
