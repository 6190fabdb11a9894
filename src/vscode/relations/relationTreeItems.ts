import * as vscode from 'vscode';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import { commandIds } from '../commandIds';
import type { FolderIndex } from '../index/corpusIndexService';
import { relationLabel, relationsOfType, relationTypeTotals, type RelationEntry } from './relationListing';

/** The Tags view's "Relations" group: relation type (with its count) -> relations, each revealing its source. */
export type RelationNode =
  | { kind: 'relations'; folderIndex: FolderIndex; totals: Map<string, number> }
  | { kind: 'relationType'; folderIndex: FolderIndex; type: string; count: number }
  | { kind: 'relation'; folderIndex: FolderIndex; entry: RelationEntry };

/** The group, when the folder has any relation. */
export function relationsRoot(folderIndex: FolderIndex): RelationNode[] {
  const totals = relationTypeTotals(folderIndex);
  return totals.size === 0 ? [] : [{ kind: 'relations', folderIndex, totals }];
}

export async function relationChildren(node: RelationNode, workspace: AnnotationWorkspace): Promise<RelationNode[]> {
  if (node.kind === 'relations') return [...node.totals].map(([type, count]) => ({ kind: 'relationType', folderIndex: node.folderIndex, type, count }));
  if (node.kind === 'relationType') return (await relationsOfType(workspace, node.folderIndex, node.type)).map((entry) => ({ kind: 'relation', folderIndex: node.folderIndex, entry }));
  return [];
}

export function relationTreeItem(node: RelationNode): vscode.TreeItem {
  const folder = node.folderIndex.folder.uri.toString();
  if (node.kind === 'relations') {
    const total = [...node.totals.values()].reduce((sum, count) => sum + count, 0);
    const item = new vscode.TreeItem(vscode.l10n.t('Relations'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `relations:${folder}`;
    item.description = total === 1 ? vscode.l10n.t('1 relation') : vscode.l10n.t('{0} relations', total);
    item.iconPath = new vscode.ThemeIcon('type-hierarchy');
    return item;
  }
  if (node.kind === 'relationType') {
    const item = new vscode.TreeItem(node.type, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `relationType:${folder}:${node.type}`;
    item.description = node.count === 1 ? vscode.l10n.t('1 relation') : vscode.l10n.t('{0} relations', node.count);
    item.iconPath = new vscode.ThemeIcon('arrow-right');
    return item;
  }
  const { entry } = node;
  const item = new vscode.TreeItem(relationLabel(entry), vscode.TreeItemCollapsibleState.None);
  item.id = `relation:${folder}:${entry.file}:${entry.id}`;
  item.description = entry.file;
  item.tooltip = `${entry.source.type} ${entry.type} ${entry.target?.type ?? '?'}`;
  item.iconPath = new vscode.ThemeIcon('arrow-right');
  item.command = { command: commandIds.revealMention, title: vscode.l10n.t('Show'), arguments: [{ ...entry.source, uri: entry.source.uri.toString() }] };
  return item;
}
