import * as vscode from 'vscode';
import { printable } from '../../core/text/printable';
import { isolateRightToLeft } from '../../core/text/bidiIsolate';
import { LineIndex } from '../../core/index';
import type { SearchResult } from '../../core/search';
import { commandIds } from '../commandIds';
import type { CorpusIndexService, FolderIndex } from '../index/corpusIndexService';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import { revealMention } from '../tags/revealMention';
import { matchingRelationTypes, relationLabel, relationsOfType } from '../relations/relationListing';
import { pathOfUri } from '../uriPaths';

interface ResultItem extends vscode.QuickPickItem {
  readonly folderIndex: FolderIndex;
  readonly result?: SearchResult;
  /** A relation type whose name matches the query (listed above the tags). */
  readonly relationType?: string;
}

const limit = 60;

/** Every folder's results for one query, best first. */
export function searchAll(indexes: CorpusIndexService, query: string, max = limit): { folderIndex: FolderIndex; result: SearchResult }[] {
  return indexes
    .all()
    .flatMap((folderIndex) => folderIndex.search.search(query, { limit: max }).map((result) => ({ folderIndex, result })))
    .sort((left, right) => left.result.score - right.result.score)
    .slice(0, max);
}

function toItem(folderIndex: FolderIndex, result: SearchResult, line?: number): ResultItem & { result: SearchResult } {
  const snippet = `${result.before}${result.text}${result.after}`.replace(/\s+/g, ' ').trim();
  return {
    folderIndex,
    result,
    // Right-to-left text is isolated after escaping, so it cannot reorder the type, file or note beside it.
    label: isolateRightToLeft(printable(result.text)),
    description: result.suggestion ? vscode.l10n.t('{0} (suggestion)', result.type) : result.type,
    detail: `${printable(`${result.file}${line === undefined ? '' : `:${line}`}`)} — ${isolateRightToLeft(printable(snippet))}${result.note ? ` — ${vscode.l10n.t('note: {0}', isolateRightToLeft(printable(result.note)))}` : ''}`,
    // The engine already matched typos and accents: keep VS Code from filtering its results again.
    alwaysShow: true,
  };
}

/** Relation types whose name holds the query, as rows above the tags. */
function relationTypeItems(indexes: CorpusIndexService, query: string): ResultItem[] {
  return indexes.all().flatMap((folderIndex) =>
    matchingRelationTypes(folderIndex, query).map(([type, count]) => ({
      folderIndex,
      relationType: type,
      label: `$(arrow-right) ${type}`,
      description: count === 1 ? vscode.l10n.t('relation type · 1 relation') : vscode.l10n.t('relation type · {0} relations', count),
      alwaysShow: true,
    })),
  );
}

/** The relations of one type; the chosen one's source tag is revealed. */
async function pickRelation(documents: AnnotatedDocuments, folderIndex: FolderIndex, type: string): Promise<void> {
  const entries = await relationsOfType(documents.workspace, folderIndex, type);
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: relationLabel(entry), description: entry.file, entry })),
    { title: vscode.l10n.t('Relations: {0}', type), matchOnDescription: true },
  );
  if (picked) await revealMention(documents, picked.entry.source);
}

/**
 * News Annotator: Search Tags. One QuickPick over every tag in the workspace: entity text, type,
 * file and note, typo- and accent-tolerant, with `type:`, `file:` and `note:` filters. Results
 * show first from the index; their line numbers follow as the texts are read. `is:suggestion`
 * searches open suggestions instead.
 */
export function registerSearchCommand(indexes: CorpusIndexService, documents: AnnotatedDocuments): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.searchTags, async (initial?: string) => {
    // Opens at once, also while the index is being built: results follow it as files are read.
    void indexes.whenReady();
    const quickPick = vscode.window.createQuickPick<ResultItem>();
    quickPick.title = vscode.l10n.t('Search tags');
    // The filter words (type:, file:, note:, is:) are the query syntax: they stay as they are.
    quickPick.placeholder = vscode.l10n.t('Name, type, file or note; filters: type:PERSON file:es/ note:check is:suggestion');
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    const lineIndexes = new Map<string, Promise<LineIndex | undefined>>();
    const lineIndex = (folderIndex: FolderIndex, file: string) => {
      const key = `${folderIndex.folder.uri.toString()}|${file}`;
      let pending = lineIndexes.get(key);
      if (!pending) {
        // Read inside the corpus walls: a link or FIFO in the corpus is neither followed nor waited on.
        pending = documents.workspace.readText(pathOfUri(vscode.Uri.joinPath(folderIndex.folder.uri, file))).then((text) => (text === undefined ? undefined : new LineIndex(text)));
        lineIndexes.set(key, pending);
      }
      return pending;
    };
    let generation = 0;
    const update = (value: string) => {
      const current = ++generation;
      quickPick.busy = indexes.building !== undefined;
      const found = searchAll(indexes, value);
      const relations = relationTypeItems(indexes, value);
      quickPick.items = [...relations, ...found.map(({ folderIndex, result }) => toItem(folderIndex, result))];
      void Promise.all(found.map(async ({ folderIndex, result }) => toItem(folderIndex, result, (await lineIndex(folderIndex, result.file))?.lineOf(result.start)))).then((items) => {
        if (current === generation) quickPick.items = [...relations, ...items];
      });
    };
    quickPick.onDidChangeValue(update);
    const following = indexes.onDidChange(() => update(quickPick.value));
    return new Promise<void>((resolve) => {
      quickPick.onDidAccept(() => {
        const chosen = quickPick.selectedItems[0];
        quickPick.hide();
        if (chosen?.relationType !== undefined) void pickRelation(documents, chosen.folderIndex, chosen.relationType);
        else if (chosen?.result) {
          const { result } = chosen;
          void revealMention(documents, { uri: vscode.Uri.joinPath(chosen.folderIndex.folder.uri, result.file), start: result.start, end: result.end, id: result.id, text: result.text });
        }
      });
      quickPick.onDidHide(() => {
        following.dispose();
        quickPick.dispose();
        resolve();
      });
      quickPick.value = initial ?? '';
      update(quickPick.value);
      quickPick.show();
    });
  });
}
