import * as vscode from 'vscode';
import type { FileSystem } from '../../core/store/fileSystem';
import { annotationRulesOf } from '../../core/sidecar/validateLinks';
import { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import { uriOfPath } from '../uriPaths';
import type { ProjectService } from './projectService';

/**
 * The editor's one AnnotationWorkspace over the host's file system (the local disk on the
 * desktop, `workspace.fs` in the browser), with each text's project types and annotation rules
 * (so the editor's Problems panel reports what `validate` does), renewed when a project file changes.
 */
export function createWorkspace(project: ProjectService, fileSystem: FileSystem): vscode.Disposable & { workspace: AnnotationWorkspace } {
  const workspace = new AnnotationWorkspace(fileSystem, {
    knownTypes: (textPath) => new Set(project.typesFor(uriOfPath(textPath)).map((type) => type.name)),
    // Relation types, attributes and KB prefixes the project declares, checked as `validate` does.
    rules: (textPath) => annotationRulesOf(project.configOf(uriOfPath(textPath))),
  });
  const subscriptions = project.onDidChange(() => workspace.projectChanged());
  return {
    workspace,
    dispose: () => {
      subscriptions.dispose();
    },
  };
}
