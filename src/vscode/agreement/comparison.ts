import * as vscode from 'vscode';
import type { Side, SideDocument } from '../../core/agreement/agreementReport';
import { annotatorSide, annotatorsIn } from '../../core/agreement/annotatorSides';
import { gitPrefix, readSide } from '../../node/readSide';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import type { CorpusIndexService } from '../index/corpusIndexService';
import type { ProjectService } from '../project/projectService';

/** What our corpus is compared with: a branch or commit, another folder, or another annotator. */
export type OtherSide = { readonly git: string } | { readonly folder: string } | { readonly annotators: readonly [string, string] };

/** How loading reports progress and learns it was cancelled. */
export interface LoadProgress {
  report(done: number, total: number): void;
  readonly cancelled: boolean;
}

/**
 * One comparison: our documents as the workspace has them (all their annotations, re-read after
 * every write) and the other side, read once. With two annotators both sides come from our
 * sidecars.
 */
export class Comparison {
  private constructor(
    readonly folder: vscode.WorkspaceFolder,
    readonly other: OtherSide,
    private ourDocuments: Map<string, SideDocument>,
    /** Every corpus text of the folder, tagged or not (one may get its first sidecar meanwhile). */
    private readonly corpusPaths: ReadonlySet<string>,
    private readonly theirs: Side | undefined,
    private readonly workspace: AnnotationWorkspace,
  ) {}

  /**
   * Reads both sides; undefined when cancelled. Throws with a message when the other side cannot
   * be read. 'annotators-later': only our files, the annotators are chosen among those they name.
   */
  static async load(context: { workspace: AnnotationWorkspace; indexes: CorpusIndexService; project: ProjectService }, folder: vscode.WorkspaceFolder, other: OtherSide | 'annotators-later', progress: LoadProgress): Promise<Comparison | undefined> {
    await context.indexes.whenReady();
    const folderIndex = context.indexes.all().find((candidate) => candidate.folder.uri.toString() === folder.uri.toString());
    const paths = folderIndex?.index.paths() ?? [];
    const ours = new Map<string, SideDocument>();
    for (const [done, path] of paths.entries()) {
      if (progress.cancelled) return undefined;
      if (done % 50 === 0) progress.report(done, paths.length);
      const document = await readOurDocument(context.workspace, folder, path);
      if (document) ours.set(path, document);
    }
    if (other === 'annotators-later') return new Comparison(folder, { annotators: ['', ''] }, ours, new Set(paths), undefined, context.workspace);
    let theirs: Side | undefined;
    if (!('annotators' in other)) {
      // The other side is read as `news-annotator agree` reads it, so both give the same numbers.
      const spec = 'git' in other ? `${gitPrefix}${other.git}` : other.folder;
      const read = await readSide(spec, { cwd: folder.uri.fsPath, root: folder.uri.fsPath, syncReads: false, onProgress: (done, total) => progress.report(done, total) });
      if ('error' in read) throw new Error(read.error);
      theirs = 'git' in other ? read.side : { ...read.side, name: baseName(other.folder) };
    }
    if (progress.cancelled) return undefined;
    return new Comparison(folder, other, ours, new Set(paths), theirs, context.workspace);
  }

  /** The annotators our sidecars name. */
  annotators(): string[] {
    return annotatorsIn([...this.ourDocuments.values()]);
  }

  /** The same documents, two annotators' tags compared (chosen once our files are read). */
  withAnnotators(pair: readonly [string, string]): Comparison {
    return new Comparison(this.folder, { annotators: pair }, this.ourDocuments, this.corpusPaths, undefined, this.workspace);
  }

  /** The two sides as compared now: ours (left) and theirs (right). */
  sides(): { left: Side; right: Side } {
    const documents = [...this.ourDocuments.values()];
    if ('annotators' in this.other) return { left: annotatorSide(documents, this.other.annotators[0]), right: annotatorSide(documents, this.other.annotators[1]) };
    return { left: { name: this.folder.name, documents }, right: this.theirs ?? { name: '', documents: [] } };
  }

  /** Our sidecar's annotations now, whoever made them. */
  oursOf(path: string): SideDocument['annotations'] {
    return this.ourDocuments.get(path)?.annotations ?? [];
  }

  uriOf(path: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, ...path.split('/'));
  }

  /** The document path of a file of ours, or undefined when it is not in the compared folder. */
  pathOf(uri: vscode.Uri): string | undefined {
    const root = this.folder.uri.path.replace(/\/$/, '');
    return uri.scheme === this.folder.uri.scheme && uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : undefined;
  }

  /** Re-reads our documents at these text paths (absolute) after a write; true when one of them is ours. */
  async reload(textPaths: readonly string[]): Promise<boolean> {
    let changed = false;
    for (const textPath of textPaths) {
      const path = this.pathOf(vscode.Uri.file(textPath));
      if (path === undefined || !this.corpusPaths.has(path)) continue;
      const document = await readOurDocument(this.workspace, this.folder, path);
      if (document) this.ourDocuments.set(path, document);
      else this.ourDocuments.delete(path);
      changed = true;
    }
    return changed;
  }
}

async function readOurDocument(workspace: AnnotationWorkspace, folder: vscode.WorkspaceFolder, path: string): Promise<SideDocument | undefined> {
  const loaded = await workspace.load(vscode.Uri.joinPath(folder.uri, ...path.split('/')).fsPath);
  // As `agree` counts: a text nobody has tagged yet (no sidecar) is not "no entities".
  return loaded.ok && loaded.version !== undefined ? { path, text: loaded.decoded.text, annotations: loaded.sidecar.annotations } : undefined;
}

function baseName(folder: string): string {
  return folder.split(/[\\/]/).filter((part) => part !== '').pop() ?? folder;
}
