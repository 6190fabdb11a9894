import * as vscode from 'vscode';
import { entityKey, normaliseSurface, TagsTree } from '../../core/index';
import { changeAnnotationType, removeAnnotations } from '../../core/editing/tagActions';
import { commandIds } from '../commandIds';
import type { ChangeFactory } from '../../workspace/fileEdit';
import { describeProblem } from '../editing/fileActions';
import { tagOccurrencesInFiles } from '../editing/registerTagAllCommand';
import type { TaggingContext } from '../editing/registerTaggingCommands';
import { pickEntityType } from '../editing/typePicker';
import type { CorpusIndexService, FolderIndex } from '../index/corpusIndexService';
import { TagsTreeProvider, type TagNode } from './tagsTreeProvider';
import { pathOfUri } from '../uriPaths';

type EntityNode = TagNode & { kind: 'entity' };

/** A Tags view row, or `{ type, text }` naming an entity (for key bindings and tests). */
type EntityArgument = EntityNode | { type: string; text: string };

function resolveEntity(indexes: CorpusIndexService, argument: EntityArgument): EntityNode | undefined {
  if ('kind' in argument) return argument;
  for (const folderIndex of indexes.all()) {
    const entity = new TagsTree(folderIndex.index).entity(entityKey(argument.type, normaliseSurface(argument.text)));
    if (entity) return { kind: 'entity', folderIndex, entity };
  }
  return undefined;
}

export interface TagsView extends vscode.Disposable {
  readonly provider: TagsTreeProvider;
}

/** Applies one edit to every file an entity is mentioned in; the whole thing is one undo step. */
async function editEntity(context: TaggingContext, node: EntityNode, label: string, edit: (ids: ReadonlySet<string>) => ChangeFactory): Promise<number> {
  const byFile = new TagsTree(node.folderIndex.index).idsByFile(node.entity.key);
  const edits = [...byFile].map(([file, ids]) => ({ textPath: pathOfUri(vscode.Uri.joinPath(node.folderIndex.folder.uri, file)), factory: edit(new Set(ids)) }));
  const outcome = await context.workspace.edit(label, edits);
  const [failure] = outcome.failures;
  if (failure) void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: {0}: {1} file(s) were left unchanged: {2}', label, outcome.failures.length, describeProblem(failure)));
  return Math.max(outcome.added, outcome.removed);
}

export function registerTagsView(context: TaggingContext, indexes: CorpusIndexService): TagsView {
  const provider = new TagsTreeProvider(indexes, context.project, context.swatches, context.workspace);
  const treeView = vscode.window.createTreeView('newsAnnotator.tags', { treeDataProvider: provider, showCollapseAll: true });
  const refresh = () => {
    provider.refresh();
    const mentions = indexes.all().reduce((sum, folderIndex) => sum + folderIndex.index.summary().annotations, 0);
    treeView.description = mentions > 0 ? (provider.sort === 'count' ? vscode.l10n.t('{0} tags · by count', mentions) : vscode.l10n.t('{0} tags · by name', mentions)) : undefined;
  };
  refresh();

  const entityTypes = (folderIndex: FolderIndex) => context.project.typesFor(folderIndex.folder.uri);
  const disposables = vscode.Disposable.from(
    provider,
    treeView,
    indexes.onDidChange(refresh),
    // A view first shown after its data changed can keep the tree it got while hidden
    // (microsoft/vscode#129019); asking again when it is shown costs one small refresh.
    treeView.onDidChangeVisibility((event) => {
      if (event.visible) refresh();
    }),
    vscode.commands.registerCommand(commandIds.sortTags, () => {
      provider.sort = provider.sort === 'count' ? 'name' : 'count';
      refresh();
    }),
    vscode.commands.registerCommand(commandIds.showMoreTags, (node: TagNode & { kind: 'more' }) => provider.showMore(node)),
    vscode.commands.registerCommand(commandIds.changeEntityType, async (argument: EntityArgument, typeName?: string) => {
      const node = resolveEntity(indexes, argument);
      if (!node) return 0;
      const type = typeName ? entityTypes(node.folderIndex).find((candidate) => candidate.name === typeName) : await pickEntityType(entityTypes(node.folderIndex), context.swatches, vscode.l10n.t('Change every “{0}” to…', node.entity.text));
      if (!type) return 0;
      return editEntity(context, node, vscode.l10n.t('Change “{0}” to {1}', node.entity.text, type.name), (ids) => (sidecar) => changeAnnotationType(sidecar, ids, type.name));
    }),
    vscode.commands.registerCommand(commandIds.removeEntity, async (argument: EntityArgument, confirmed?: boolean) => {
      const node = resolveEntity(indexes, argument);
      if (!node) return 0;
      const remove = vscode.l10n.t('Remove');
      const sure =
        confirmed ??
        (await vscode.window.showWarningMessage(vscode.l10n.t('Remove all {0} tags of “{1}” ({2})? You can undo this.', node.entity.mentions, node.entity.text, node.entity.type), { modal: true }, remove)) === remove;
      if (!sure) return 0;
      return editEntity(context, node, vscode.l10n.t('Remove “{0}”', node.entity.text), (ids) => (sidecar) => removeAnnotations(sidecar, ids));
    }),
    vscode.commands.registerCommand(commandIds.tagEntityEverywhere, async (argument: EntityArgument) => {
      const node = resolveEntity(indexes, argument);
      if (!node) return 0;
      const forms = new TagsTree(node.folderIndex.index).forms(node.entity.key).map((form) => form.text);
      const uris = node.folderIndex.index.paths().map((file) => vscode.Uri.joinPath(node.folderIndex.folder.uri, file));
      const { changes, added } = await tagOccurrencesInFiles(context, uris, forms, node.entity.type, { wholeWord: true, caseSensitive: true });
      const occurrences = added === 1 ? vscode.l10n.t('1 more occurrence') : vscode.l10n.t('{0} more occurrences', added);
      const files = changes.size === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', changes.size);
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: tagged {0} of “{1}” as {2} in {3}.', occurrences, node.entity.text, node.entity.type, files));
      return added;
    }),
  );
  return {
    provider,
    dispose: () => {
      disposables.dispose();
    },
  };
}
