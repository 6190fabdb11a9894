import * as vscode from 'vscode';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import { printable } from '../../core/text/printable';
import { isolate, hasRightToLeft, isolateRightToLeft } from '../../core/text/bidiIsolate';
import { LineIndex, TagsTree, type EntitySummary, type Mention, type TagSort, type TypeTotal } from '../../core/index';
import { commandIds } from '../commandIds';
import type { TypeSwatches } from '../editing/typePicker';
import type { CorpusIndexService, FolderIndex } from '../index/corpusIndexService';
import type { ProjectService } from '../project/projectService';
import type { EntityType } from '../../core/project';
import { escapeMarkdown } from '../decorations/markdownText';
import { appendTypeGuidance, hasGuidance } from '../guidelines/typeGuidance';
import { relationChildren, relationsRoot, relationTreeItem, type RelationNode } from '../relations/relationTreeItems';
import { pathOfUri } from '../uriPaths';

export type TagNode =
  | { kind: 'type'; folderIndex: FolderIndex; total: TypeTotal }
  | { kind: 'entity'; folderIndex: FolderIndex; entity: EntitySummary }
  | { kind: 'mention'; folderIndex: FolderIndex; mention: Mention; line: number | undefined }
  | { kind: 'more'; folderIndex: FolderIndex; parent: TagNode; shown: number; total: number }
  | RelationNode;

/** Entities and mentions are listed a page at a time: a type can have tens of thousands. */
const pageSize = 200;

/**
 * The Tags view: entity type (with totals) -> distinct entity (normalised form, mention count)
 * -> mentions (file, line, snippet). Reads the index only; lines come from the text when a
 * mention list is opened.
 */
export class TagsTreeProvider implements vscode.TreeDataProvider<TagNode> {
  private readonly changeEmitter = new vscode.EventEmitter<TagNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  sort: TagSort = 'count';
  private readonly trees = new WeakMap<FolderIndex, TagsTree>();
  private readonly pages = new Map<string, number>();

  constructor(
    private readonly indexes: CorpusIndexService,
    private readonly project: ProjectService,
    private readonly swatches: TypeSwatches,
    /** Reads texts inside the corpus walls (links and FIFOs refused). */
    private readonly workspace: AnnotationWorkspace,
  ) {}

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  private tree(folderIndex: FolderIndex): TagsTree {
    let tree = this.trees.get(folderIndex);
    if (!tree) {
      tree = new TagsTree(folderIndex.index);
      this.trees.set(folderIndex, tree);
    }
    return tree;
  }

  async getChildren(node?: TagNode): Promise<TagNode[]> {
    if (!node) {
      return this.indexes.all().flatMap((folderIndex): TagNode[] => [
        ...this.tree(folderIndex)
          .types(this.sort)
          .filter((total) => total.mentions > 0)
          .map((total) => ({ kind: 'type' as const, folderIndex, total })),
        ...relationsRoot(folderIndex),
      ]);
    }
    if (node.kind === 'relations' || node.kind === 'relationType') return relationChildren(node, this.workspace);
    const shown = this.pages.get(this.keyOf(node)) ?? pageSize;
    if (node.kind === 'type') {
      const page = this.tree(node.folderIndex).entities(node.total.type, this.sort, { limit: shown });
      const items: TagNode[] = page.items.map((entity) => ({ kind: 'entity', folderIndex: node.folderIndex, entity }));
      if (page.total > shown) items.push({ kind: 'more', folderIndex: node.folderIndex, parent: node, shown, total: page.total });
      return items;
    }
    if (node.kind === 'entity') {
      const page = this.tree(node.folderIndex).mentions(node.entity.key, { limit: shown });
      const lines = await this.lineIndexes(node.folderIndex, new Set(page.items.map((mention) => mention.file)));
      const items: TagNode[] = page.items.map((mention) => ({ kind: 'mention', folderIndex: node.folderIndex, mention, line: lines.get(mention.file)?.lineOf(mention.start) }));
      if (page.total > shown) items.push({ kind: 'more', folderIndex: node.folderIndex, parent: node, shown, total: page.total });
      return items;
    }
    return [];
  }

  /** Shows the next page under `parent` (the "more…" row's command). */
  showMore(node: TagNode & { kind: 'more' }): void {
    this.pages.set(this.keyOf(node.parent), node.shown + pageSize);
    this.changeEmitter.fire(node.parent);
  }

  private keyOf(node: TagNode): string {
    if (node.kind === 'type') return `type:${node.total.type}`;
    if (node.kind === 'entity') return `entity:${node.entity.key}`;
    return '';
  }

  private async lineIndexes(folderIndex: FolderIndex, files: Set<string>): Promise<Map<string, LineIndex>> {
    const result = new Map<string, LineIndex>();
    await Promise.all(
      [...files].map(async (file) => {
        try {
          const text = await this.workspace.readText(pathOfUri(vscode.Uri.joinPath(folderIndex.folder.uri, file)));
          if (text !== undefined) result.set(file, new LineIndex(text));
        } catch {
          // A file deleted meanwhile: its mentions show without a line until the index catches up.
        }
      }),
    );
    return result;
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    switch (node.kind) {
      case 'type': {
        const item = new vscode.TreeItem(node.total.type, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `type:${node.folderIndex.folder.uri.toString()}:${node.total.type}`;
        const mentions = node.total.mentions === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', node.total.mentions);
        const entities = node.total.entities === 1 ? vscode.l10n.t('1 entity') : vscode.l10n.t('{0} entities', node.total.entities);
        item.description = `${mentions} · ${entities}`;
        const type = this.project.typesFor(node.folderIndex.folder.uri).find((candidate) => candidate.name === node.total.type);
        item.iconPath = type ? this.swatches.icon(type) : new vscode.ThemeIcon('symbol-class');
        if (type && hasGuidance(type)) item.tooltip = this.guidanceTooltip(type, node.folderIndex);
        item.contextValue = 'tagType';
        return item;
      }
      case 'entity': {
        // Isolated, so a right-to-left name and the count after it keep their order (see bidiIsolate.ts).
        const item = new vscode.TreeItem(isolateRightToLeft(printable(node.entity.text)), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity:${node.folderIndex.folder.uri.toString()}:${node.entity.key}`;
        item.description = node.entity.files === 1 ? vscode.l10n.t('{0} in 1 file', node.entity.mentions) : vscode.l10n.t('{0} in {1} files', node.entity.mentions, node.entity.files);
        item.contextValue = 'tagEntity';
        return item;
      }
      case 'mention': {
        const { mention } = node;
        // One line, with nothing in it that could reorder or break the row (see printable.ts).
        const [before, text, after] = [mention.before, mention.text, mention.after].map((part) => printable(part.replace(/\s+/g, ' ')));
        const snippet = `${before}${text}${after}`;
        // A right-to-left snippet is laid out on its own, in its own direction, apart from the file name after it.
        const shift = hasRightToLeft(snippet) ? 1 : 0;
        const item = new vscode.TreeItem({ label: shift ? isolate(snippet) : snippet, highlights: [[shift + before.length, shift + before.length + text.length]] });
        item.id = `mention:${node.folderIndex.folder.uri.toString()}:${mention.file}:${mention.id}`;
        item.description = printable(node.line === undefined ? mention.file : `${mention.file}:${node.line}`);
        const quoted = `${mention.type} “${isolateRightToLeft(printable(mention.text))}”`;
        item.tooltip = mention.note ? `${quoted}\n${vscode.l10n.t('Note: {0}', isolateRightToLeft(printable(mention.note)))}` : quoted;
        item.iconPath = new vscode.ThemeIcon('tag');
        item.contextValue = 'tagMention';
        item.command = {
          command: commandIds.revealMention,
          title: vscode.l10n.t('Show'),
          arguments: [{ uri: vscode.Uri.joinPath(node.folderIndex.folder.uri, mention.file).toString(), start: mention.start, end: mention.end, id: mention.id, text: mention.text }],
        };
        return item;
      }
      case 'relations':
      case 'relationType':
      case 'relation':
        return relationTreeItem(node);
      case 'more': {
        const item = new vscode.TreeItem(vscode.l10n.t('Show more ({0} of {1} shown)…', node.shown, node.total), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: commandIds.showMoreTags, title: vscode.l10n.t('Show more'), arguments: [node] };
        return item;
      }
    }
  }

  /** The type's definition and examples, with a link to its section when the project names guidelines. */
  private guidanceTooltip(type: EntityType, folderIndex: FolderIndex): vscode.MarkdownString {
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: [commandIds.openGuidelines] };
    markdown.appendMarkdown(`**${escapeMarkdown(type.name)}**\n\n`);
    const folder = folderIndex.folder.uri;
    appendTypeGuidance(markdown, type, this.project.guidelinesFor(folder) !== undefined ? { uri: folder } : undefined);
    return markdown;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
