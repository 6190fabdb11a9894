import * as vscode from 'vscode';
import type { Side, SideDocument } from '../../core/agreement/agreementReport';
import { annotatorSide, annotatorsIn } from '../../core/agreement/annotatorSides';
import { readGitSide } from '../../node/gitSideReader';
import { openCorpus } from '../../node/openCorpus';
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
    let theirs: Side | undefined;
    if (other === 'annotators-later') return new Comparison(folder, { annotators: ['', ''] }, ours, undefined, context.workspace);
    if ('git' in other) theirs = (await readGitSide(folder.uri.fsPath, other.git, context.project.matcherFor(folder))).side;
    else if ('folder' in other) theirs = await readFolderSide(other.folder, progress);
    if (progress.cancelled) return undefined;
    return new Comparison(folder, other, ours, theirs, context.workspace);
  }

  /** The annotators our sidecars name. */
  annotators(): string[] {
    return annotatorsIn([...this.ourDocuments.values()]);
  }

  /** The same documents, two annotators' tags compared (chosen once our files are read). */
  withAnnotators(pair: readonly [string, string]): Comparison {
    return new Comparison(this.folder, { annotators: pair }, this.ourDocuments, undefined, this.workspace);
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
      if (path === undefined || !this.ourDocuments.has(path)) continue;
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
  return loaded.ok ? { path, text: loaded.decoded.text, annotations: loaded.sidecar.annotations } : undefined;
}

/** Another corpus folder on disk, read inside its own walls (never outside it, no links). */
async function readFolderSide(root: string, progress: LoadProgress): Promise<Side> {
  const corpus = await openCorpus(root);
  if ('error' in corpus) throw new Error(corpus.error);
  const documents: SideDocument[] = [];
  for (const [done, path] of corpus.files.entries()) {
    if (progress.cancelled) break;
    if (done % 50 === 0) progress.report(done, corpus.files.length);
    const loaded = await corpus.store.load(path);
    if (loaded.ok) documents.push({ path, text: loaded.decoded.text, annotations: loaded.sidecar.annotations });
  }
  const name = root.split(/[\\/]/).filter((part) => part !== '').pop() ?? root;
  return { name, documents };
}
