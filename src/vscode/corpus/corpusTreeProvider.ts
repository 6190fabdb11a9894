import * as vscode from 'vscode';
import { printable } from '../../core/text/printable';
import { buildFolderTree, type FileNode, type FolderNode } from '../../core/corpus/folderTree';
import { folderSummaries, type FileState, type FileSummary, type FolderSummary } from '../../core/index';
import type { CorpusIndexService, FolderIndex } from '../index/corpusIndexService';
import { isolateRightToLeft } from '../../core/text/bidiIsolate';
import { fileRowDescription } from './corpusRowText';
import { fileStateLabel } from './fileStateLabel';

type CorpusNode = { kind: 'root'; folderIndex: FolderIndex; tree: FolderNode } | { kind: 'folder'; folderIndex: FolderIndex; node: FolderNode } | { kind: 'file'; folderIndex: FolderIndex; node: FileNode };


/** The file row's tooltip: the path (already made printable), then the count and state in words. */
function fileRowTooltip(shownPath: string, summary: Pick<FileSummary, 'annotations' | 'state' | 'unreadable' | 'orphans' | 'suggestions'>): string {
  const state = fileStateLabel(summary.state);
  const counted = summary.annotations === 1 ? vscode.l10n.t('1 tag · {0}.', state) : vscode.l10n.t('{0} tags · {1}.', summary.annotations, state);
  const problems = summary.unreadable ? vscode.l10n.t('The sidecar cannot be read.') : summary.orphans > 0 ? vscode.l10n.t('{0} tag(s) not found in the text.', summary.orphans) : '';
  const suggested = summary.suggestions === 0 ? '' : summary.suggestions === 1 ? vscode.l10n.t('1 open suggestion.') : vscode.l10n.t('{0} open suggestions.', summary.suggestions);
  return `${shownPath}\n${counted}${problems ? ` ${problems}` : ''}${suggested ? ` ${suggested}` : ''}`;
}

const stateIcons: Record<FileState, vscode.ThemeIcon> = {
  untouched: new vscode.ThemeIcon('circle-large-outline'),
  'in-progress': new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('charts.blue')),
  done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green')),
  problem: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

/**
 * The Corpus view: folders and corpus files from the index, each file with its tag count and
 * status (icon and a compact description, in words in the tooltip), each folder with how many of its files are not done yet.
 */
export class CorpusTreeProvider implements vscode.TreeDataProvider<CorpusNode> {
  private readonly changeEmitter = new vscode.EventEmitter<CorpusNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private roots: CorpusNode[] = [];
  private summaries = new Map<FolderIndex, Map<string, FolderSummary>>();
  /** Only files in these states are shown; undefined shows all. */
  filter: readonly FileState[] | undefined;

  constructor(private readonly indexes: CorpusIndexService) {}

  refresh(): void {
    const folders = this.indexes.all();
    this.summaries = new Map(folders.map((folderIndex) => [folderIndex, folderSummaries(folderIndex.index, this.filter)]));
    const trees = folders.map((folderIndex) => {
      const paths = this.filter ? folderIndex.index.files({ states: this.filter }).map((file) => file.path) : folderIndex.index.paths();
      return { kind: 'root' as const, folderIndex, tree: buildFolderTree(paths) };
    });
    // One folder open (the usual case): its files are the top level, without a row for it.
    this.roots = trees.length === 1 ? this.childrenOf(trees[0].folderIndex, trees[0].tree) : trees;
    this.changeEmitter.fire(undefined);
  }

  private childrenOf(folderIndex: FolderIndex, folder: FolderNode): CorpusNode[] {
    return [...folder.folders.map((node) => ({ kind: 'folder' as const, folderIndex, node })), ...folder.files.map((node) => ({ kind: 'file' as const, folderIndex, node }))];
  }

  getChildren(node?: CorpusNode): CorpusNode[] {
    if (!node) return this.roots;
    if (node.kind === 'root') return this.childrenOf(node.folderIndex, node.tree);
    if (node.kind === 'folder') return this.childrenOf(node.folderIndex, node.node);
    return [];
  }

  getTreeItem(node: CorpusNode): vscode.TreeItem {
    if (node.kind !== 'file') {
      const folderPath = node.kind === 'root' ? '' : node.node.path;
      const label = isolateRightToLeft(printable(node.kind === 'root' ? node.folderIndex.folder.name : node.node.name));
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      const summary = this.summaries.get(node.folderIndex)?.get(folderPath);
      item.id = `folder:${node.folderIndex.folder.uri.toString()}:${folderPath}`;
      item.iconPath = vscode.ThemeIcon.Folder;
      if (summary) {
        const files = summary.files === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', summary.files);
        const tags = summary.annotations === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', summary.annotations);
        item.description = vscode.l10n.t('{0} · {1} to do · {2}', files, summary.notDone, tags);
      }
      item.contextValue = 'corpusFolder';
      return item;
    }
    const summary = node.folderIndex.index.file(node.node.path);
    const uri = vscode.Uri.joinPath(node.folderIndex.folder.uri, node.node.path);
    const item = new vscode.TreeItem(isolateRightToLeft(printable(node.node.name)), vscode.TreeItemCollapsibleState.None);
    item.id = `file:${uri.toString()}`;
    item.resourceUri = uri;
    item.contextValue = 'corpusFile';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    if (summary) {
      item.iconPath = stateIcons[summary.state];
      item.description = fileRowDescription(summary);
      item.tooltip = fileRowTooltip(printable(node.node.path), summary);
    }
    return item;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
