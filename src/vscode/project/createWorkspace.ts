import * as vscode from 'vscode';
import { NodeFileSystem } from '../../node/nodeFileSystem';
import { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import type { ProjectService } from './projectService';

/**
 * The editor's one AnnotationWorkspace over the local disk, with each text's project types (so
 * the editor's Problems panel reports unknown types as `validate` does), renewed when a project
 * file changes.
 */
export function createWorkspace(project: ProjectService): vscode.Disposable & { workspace: AnnotationWorkspace } {
  const workspace = new AnnotationWorkspace(new NodeFileSystem(), {
    knownTypes: (textPath) => new Set(project.typesFor(vscode.Uri.file(textPath)).map((type) => type.name)),
  });
  const subscription = project.onDidChange(() => workspace.projectChanged());
  return {
    workspace,
    dispose: () => {
      subscription.dispose();
    },
  };
}
