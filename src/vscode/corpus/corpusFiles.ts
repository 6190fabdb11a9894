import * as vscode from 'vscode';

export interface CorpusFile {
  readonly uri: vscode.Uri;
  /** Path shown to people: relative to its workspace folder, prefixed by the folder's name in multi-root workspaces. */
  readonly label: string;
}

const sidecarSuffix = '.ann.yaml';

/**
 * Lists the corpus text files of every workspace folder. Sidecars are never corpus files, even
 * when a user's glob would match them.
 */
export async function findCorpusFiles(token?: vscode.CancellationToken): Promise<CorpusFile[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const multiRoot = folders.length > 1;
  const results = await Promise.all(
    folders.map(async (folder) => {
      const include = vscode.workspace.getConfiguration('newsAnnotator', folder.uri).get<string[]>('corpus.include', ['**/*.txt']);
      const found = await Promise.all(
        include.map((glob) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), '**/{node_modules,.git}/**', undefined, token)),
      );
      return found.flat().flatMap((uri): CorpusFile[] => {
        if (uri.path.endsWith(sidecarSuffix)) return [];
        const relative = vscode.workspace.asRelativePath(uri, false);
        return [{ uri, label: multiRoot ? `${folder.name}/${relative}` : relative }];
      });
    }),
  );
  const unique = new Map<string, CorpusFile>();
  for (const file of results.flat()) unique.set(file.uri.toString(), file);
  return [...unique.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export function sidecarUri(textUri: vscode.Uri): vscode.Uri {
  return textUri.with({ path: `${textUri.path}${sidecarSuffix}` });
}
