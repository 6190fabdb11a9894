import * as vscode from 'vscode';
import { buildFolderTree, countFiles, type FileNode, type FolderNode } from '../../core/corpus/folderTree';
import type { CorpusFile } from './corpusFiles';

type CorpusNode = FolderNode | FileNode;

/** The Corpus view: the workspace's corpus files grouped by folder. */
export class CorpusTreeProvider implements vscode.TreeDataProvider<CorpusNode> {
  private readonly changeEmitter = new vscode.EventEmitter<CorpusNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private root: FolderNode = buildFolderTree([]);
  private filesByPath = new Map<string, CorpusFile>();

  setFiles(files: readonly CorpusFile[]): void {
    this.filesByPath = new Map(files.map((file) => [file.label, file]));
    this.root = buildFolderTree(this.filesByPath.keys());
    this.changeEmitter.fire(undefined);
  }

  get fileCount(): number {
    return this.filesByPath.size;
  }

  getChildren(node?: CorpusNode): CorpusNode[] {
    const folder = node ?? this.root;
    if (folder.kind !== 'folder') return [];
    return [...folder.folders, ...folder.files];
  }

  getTreeItem(node: CorpusNode): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.path}`;
      item.description = `${countFiles(node)} files`;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.contextValue = 'corpusFolder';
      return item;
    }
    const file = this.filesByPath.get(node.path);
    const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
    item.id = `file:${node.path}`;
    item.iconPath = vscode.ThemeIcon.File;
    item.contextValue = 'corpusFile';
    if (file) {
      item.resourceUri = file.uri;
      item.tooltip = node.path;
      item.command = { command: 'vscode.open', title: 'Open', arguments: [file.uri] };
    }
    return item;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
