import * as vscode from 'vscode';

type TagNode = never;

/**
 * The Tags view (entity type -> entity -> mentions). Until the corpus index feeds it, it has no
 * rows and VS Code shows the view's welcome text, which tells a newcomer how to tag.
 */
class TagsTreeProvider implements vscode.TreeDataProvider<TagNode> {
  getChildren(): TagNode[] {
    return [];
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    return node;
  }
}

export function registerTagsView(): vscode.Disposable {
  return vscode.window.createTreeView('newsAnnotator.tags', { treeDataProvider: new TagsTreeProvider() });
}
