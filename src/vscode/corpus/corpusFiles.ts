import * as vscode from 'vscode';
import type { ProjectService } from '../project/projectService';

export interface CorpusFile {
  readonly uri: vscode.Uri;
  /** Path shown to people: relative to its workspace folder, prefixed by the folder's name in multi-root workspaces. */
  readonly label: string;
}

/**
 * Lists the corpus text files of every workspace folder per its project (`news-annotator.yaml`
 * or the defaults): found with the include globs, then filtered by the project's matcher, which
 * also applies the excludes and never admits a sidecar.
 */
export async function findCorpusFiles(project: ProjectService, token?: vscode.CancellationToken): Promise<CorpusFile[]> {
  await project.ready;
  const folders = vscode.workspace.workspaceFolders ?? [];
  const multiRoot = folders.length > 1;
  const results = await Promise.all(
    folders.map(async (folder) => {
      const config = project.configFor(folder);
      const matcher = project.matcherFor(folder);
      const found = await Promise.all(
        config.include.map((glob) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), '**/{node_modules,.git}/**', undefined, token)),
      );
      const root = folder.uri.path.replace(/\/$/, '');
      return found.flat().flatMap((uri): CorpusFile[] => {
        const relative = uri.path.slice(root.length + 1);
        if (!matcher(relative)) return [];
        return [{ uri, label: multiRoot ? `${folder.name}/${relative}` : relative }];
      });
    }),
  );
  const unique = new Map<string, CorpusFile>();
  for (const file of results.flat()) unique.set(file.uri.toString(), file);
  return [...unique.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export function sidecarUri(textUri: vscode.Uri): vscode.Uri {
  return textUri.with({ path: `${textUri.path}.ann.yaml` });
}
