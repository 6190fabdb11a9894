import * as vscode from 'vscode';
import { CorpusIndex } from '../../core/index';
import { TagSearch } from '../../core/search';
import { isSidecarPath, textPathFor } from '../../core/sidecar/sidecarPath';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import type { ProjectService } from '../project/projectService';
import { pathOfUri, uriOfPath } from '../uriPaths';
import type { CorpusFileSource } from './corpusFileSource';

function currentFolders(): string {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString()).join('\n');
}

/** The index of one workspace folder, and the search that follows it. */
export interface FolderIndex {
  readonly folder: vscode.WorkspaceFolder;
  readonly index: CorpusIndex;
  readonly search: TagSearch;
}

/**
 * Builds each workspace folder's corpus index in the background (progress shows in the Corpus
 * view), through the host's file source (on the desktop it starts from the cache in the
 * workspace storage, so a warm start only stats files), and
 * keeps the index current from file-system events: sidecars and texts created, changed,
 * deleted or renamed, by this window, git or anything else.
 */
export class CorpusIndexService implements vscode.Disposable {
  private folders: FolderIndex[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires (debounced) whenever any index changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private ready: Promise<void> = Promise.resolve();
  private pendingPaths = new Map<string, vscode.Uri>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly project: ProjectService,
    private readonly source: CorpusFileSource,
    private readonly workspace: AnnotationWorkspace,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const queue = (uri: vscode.Uri) => this.queue(uri);
    this.disposables.push(watcher, watcher.onDidCreate(queue), watcher.onDidChange(queue), watcher.onDidDelete(queue), project.onDidChange(() => void this.rebuild()));
    // Writes through the one write path reach the index at once, without waiting for the watcher.
    this.disposables.push(workspace.onDidChangeFiles((textPaths) => textPaths.forEach((textPath) => this.queue(uriOfPath(textPath)))));
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()));
    void this.rebuild();
  }

  /** Text path -> the text's size and time when settling it was last tried. */
  private readonly settleTried = new Map<string, string>();
  /** While a build runs: files read so far of the folder being indexed. */
  building: { done: number; total: number } | undefined;
  private lastPartial = 0;

  /** While building, tells the views at most every 300 ms (each announcement repaints them). */
  private announcePartial(): void {
    const now = Date.now();
    if (now - this.lastPartial < 300) return;
    this.lastPartial = now;
    this.changeEmitter.fire();
  }

  /** Which folders the indexes were (or are being) built for. */
  private indexedFolders = '';

  /**
   * Resolves when the indexes are built (and after any rebuild in progress). Starts a rebuild
   * first when the workspace's folders are not the ones indexed: a window opened on a
   * .code-workspace file can receive its folders after the extension started, without a
   * folder-change event.
   */
  whenReady(): Promise<void> {
    if (currentFolders() !== this.indexedFolders) return this.rebuild();
    return this.ready;
  }

  /** Every corpus file of every folder, once the indexes are built. */
  async corpusUris(): Promise<vscode.Uri[]> {
    await this.ready;
    return this.folders.flatMap(({ folder, index }) => index.paths().map((file) => vscode.Uri.joinPath(folder.uri, file)));
  }

  all(): readonly FolderIndex[] {
    return this.folders;
  }

  /** The folder index a file belongs to, and the file's path relative to that folder. */
  locate(uri: vscode.Uri): { folderIndex: FolderIndex; relative: string } | undefined {
    for (const folderIndex of this.folders) {
      const root = folderIndex.folder.uri.path.replace(/\/$/, '');
      if (uri.path.startsWith(`${root}/`)) return { folderIndex, relative: uri.path.slice(root.length + 1) };
    }
    return undefined;
  }

  private rebuild(): Promise<void> {
    this.indexedFolders = currentFolders();
    this.ready = this.ready.then(() =>
      vscode.window.withProgress({ location: { viewId: 'newsAnnotator.corpus' }, title: vscode.l10n.t('Indexing the corpus') }, async () => {
        await this.project.ready;
        for (const old of this.folders) old.search.dispose();
        this.folders = [];
        try {
          for (const folder of vscode.workspace.workspaceFolders ?? []) {
            if (!this.source.handles(folder)) continue;
            const config = this.project.configFor(folder);
            const files = await this.source.list(folder, this.project.matcherFor(folder));
            // Published before it is filled: the Corpus view and Search Tags show what is read
            // so far (the search follows the index as files arrive), with the count in the view.
            const index = new CorpusIndex();
            this.folders = [...this.folders, { folder, index, search: new TagSearch(index) }];
            this.building = { done: 0, total: files.length };
            await this.source.load(folder, files, {
              knownTypes: new Set(config.types.map((type) => type.name)),
              index,
              onProgress: ({ done, total }) => {
                this.building = { done, total };
                this.announcePartial();
              },
            });
          }
        } finally {
          this.building = undefined;
        }
        this.changeEmitter.fire();
      }),
    );
    void this.ready.then(() => this.settleStale());
    return this.ready;
  }

  /**
   * Texts changed (outside VS Code, by git) since their sidecars' offsets were written: write
   * the re-anchored offsets once, in the background, so the views and search reveal the text
   * that is tagged now, and exports and other tools read current offsets.
   */
  private async settleStale(): Promise<void> {
    for (const { folder, index } of this.folders) {
      for (const record of index.records()) {
        if (!record.meta.stale) continue;
        // A file whose orphans keep it stale is tried once per version of its text, not on
        // every later file event.
        const textPath = pathOfUri(vscode.Uri.joinPath(folder.uri, record.path));
        const version = `${record.meta.textStamp?.size}:${record.meta.textStamp?.mtimeMs}`;
        if (this.settleTried.get(textPath) === version) continue;
        this.settleTried.set(textPath, version);
        await this.workspace.settle(textPath);
      }
    }
  }

  private queue(uri: vscode.Uri): void {
    if (!vscode.workspace.workspaceFolders?.some((folder) => folder.uri.scheme === uri.scheme && this.source.handles(folder))) return;
    this.pendingPaths.set(uri.toString(), uri);
    if (this.flushTimer) return;
    // Git checkouts deliver thousands of events at once: handle them in one batch.
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, 50);
  }

  private async flush(): Promise<void> {
    await this.ready;
    const uris = [...this.pendingPaths.values()];
    this.pendingPaths = new Map();
    let changed = false;
    for (const uri of uris) {
      const textPath = isSidecarPath(uri.path) ? textPathFor(uri.path) : uri.path;
      if (!textPath) continue;
      const located = this.locate(uri.with({ path: textPath }));
      if (!located) continue;
      const { folderIndex, relative } = located;
      if (!this.project.matcherFor(folderIndex.folder)(relative)) continue;
      const config = this.project.configFor(folderIndex.folder);
      const exists = await vscode.workspace.fs.stat(uri.with({ path: textPath })).then(
        () => true,
        () => false,
      );
      if (!exists) changed = folderIndex.index.removeFile(relative) !== undefined || changed;
      else {
        folderIndex.index.setFile(relative, await this.source.readEntry(folderIndex.folder, relative, { knownTypes: new Set(config.types.map((type) => type.name)) }));
        changed = true;
      }
    }
    if (changed) {
      this.announceChange();
      await this.settleStale();
    }
  }

  /** Tells the views (debounced) and saves the cache a little later. */
  private announceChange(): void {
    if (!this.changeTimer) {
      this.changeTimer = setTimeout(() => {
        this.changeTimer = undefined;
        this.changeEmitter.fire();
      }, 100);
    }
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCaches(), 5000);
  }

  private async saveCaches(): Promise<void> {
    for (const { folder, index } of this.folders) {
      const config = this.project.configFor(folder);
      await this.source.saveCache(folder, index, { knownTypes: new Set(config.types.map((type) => type.name)) });
    }
  }

  dispose(): void {
    for (const timer of [this.flushTimer, this.saveTimer, this.changeTimer]) if (timer) clearTimeout(timer);
    if (this.saveTimer) void this.saveCaches();
    for (const folderIndex of this.folders) folderIndex.search.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.changeEmitter.dispose();
  }
}
