/**
 * What `vscode.extensions.getExtension(...).exports` gives: read-only views of what a person sees
 * (tree rows, search results, the annotations the editor shows), for the integration tests. Kept
 * here so the features themselves carry no test-only code.
 */
import * as vscode from 'vscode';
import type { AgreementReport, Disagreement } from '../core/agreement/agreementReport';
import type { AgreementFeature } from './agreement/registerAgreementCommands';
import type { CorpusView } from './corpus/registerCorpusView';
import type { DecorationController } from './decorations/decorationController';
import type { SuggestionDecorations } from './suggestions/suggestionDecorations';
import type { RelationsFeature } from './relations/registerRelations';
import type { ArcDrawing } from './relations/arcPanel';
import { matchingRelationTypes } from './relations/relationListing';
import type { AnnotatedDocuments } from './documents/annotatedDocuments';
import type { CorpusIndexService } from './index/corpusIndexService';
import { searchAll } from './search/registerSearchCommand';
import type { TagsView } from './tags/registerTagsView';

export interface NewsAnnotatorApi {
  /**
   * How long `activate()` took, in milliseconds (performance.now() at its start and end): the
   * web suite holds the browser build to its activation budget with it.
   */
  readonly activationMs: number;
  /** Which build is running: 'node' (desktop) or 'browser' (vscode.dev, a web worker). */
  readonly host: 'node' | 'browser';
  corpusFiles(): Promise<readonly string[]>;
  /** The Corpus view's rows (label | description), depth first. */
  corpusRows(): Promise<readonly string[]>;
  /** The Tags view's rows down to `depth` levels. */
  tagsRows(depth: number): Promise<readonly string[]>;
  /** The Tags view's rows with the command a click runs, the context value menus key on, and the tooltip's text. */
  tagsItems(depth: number): Promise<readonly TreeRow[]>;
  /** The status bar item's text ('' when hidden). */
  statusBarText(): string;
  /** What Search Tags lists for a query: `TYPE text file`. */
  searchTags(query: string): Promise<readonly string[]>;
  /** Resolves once the open file's annotations are loaded; returns them as the editor sees them. */
  annotationsOf(uri: vscode.Uri): Promise<readonly { id: string; type: string; start: number; end: number; text: string; state: string; note?: string }[]>;
  /** Repaints decorations now instead of after the debounce (tests read them right after). */
  paintNow(): void;
  /** How many ranges the tags of an editor filled in its last paint, without painting again. */
  lastPaintedRanges(uri: vscode.Uri): number;
  /** The agreement report the open report panel last drew; undefined when no panel is open. */
  agreementReport(): AgreementReport | undefined;
  /** The disagreement Next/Previous Disagreement or a click in the report went to. */
  currentDisagreement(): Disagreement | undefined;
  /** The other side's spans painted in an editor: `line:character-line:character label`. */
  ghostSpans(uri: vscode.Uri): readonly string[];
  /** How many of those labels are drawn as decoration text (none with word wrap on: they are inlay hints then). */
  ghostLabelDecorations(uri: vscode.Uri): number;
  /** The file's suggestions as the sidecar holds them (rejected ones too), how many the editor draws, and how many of those with their type drawn after them as decoration text. */
  suggestionsOf(uri: vscode.Uri): Promise<{ suggestions: readonly { id: string; type: string; start: number; end: number; text: string; rejected: boolean }[]; painted: number; labelled: number }>;
  /** Relation hints painted after tags in an editor (`→ type: target`), and how many ranges the tags fill. */
  relationHints(uri: vscode.Uri): { hints: readonly string[]; filledRanges: number };
  /** The relation types Search Tags lists above the tags for a query: `type count`. */
  searchRelationTypes(query: string): Promise<readonly string[]>;
  /** What the arc view last reported drawing; undefined when it is closed or has not drawn yet. */
  arcDrawing(): ArcDrawing | undefined;
}

interface TreeRow {
  row: string;
  command?: vscode.Command;
  contextValue?: string;
  tooltip?: string;
  /** The row's icon: `$(name)` for a theme icon, else the light theme's image URI. */
  icon?: string;
}

interface Tree<T> {
  getChildren(node?: T): vscode.ProviderResult<T[]>;
  getTreeItem(node: T): vscode.TreeItem | Thenable<vscode.TreeItem>;
}

/** A tree's rows as a person reads them (label | description), depth first, down to `depth` levels. */
function iconOf(icon: NonNullable<vscode.TreeItem['iconPath']>): string {
  if (icon instanceof vscode.ThemeIcon) return `$(${icon.id})`;
  if (typeof icon === 'string') return icon;
  return 'light' in icon ? icon.light.toString(true) : icon.toString(true);
}

async function treeRows<T>(tree: Tree<T>, depth: number): Promise<string[]> {
  return (await treeItems(tree, depth)).map((item) => item.row);
}

async function treeItems<T>(tree: Tree<T>, depth: number): Promise<TreeRow[]> {
  const lines: TreeRow[] = [];
  const walk = async (node: T | undefined, level: number): Promise<void> => {
    if (level >= depth) return;
    for (const child of (await tree.getChildren(node)) ?? []) {
      const item = await tree.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
      lines.push({
        row: `${'  '.repeat(level)}${label} | ${String(item.description ?? '')}`,
        ...(item.command ? { command: item.command } : {}),
        ...(item.contextValue !== undefined ? { contextValue: item.contextValue } : {}),
        ...(tooltip !== undefined ? { tooltip } : {}),
        ...(item.iconPath !== undefined ? { icon: iconOf(item.iconPath) } : {}),
      });
      await walk(child, level + 1);
    }
  };
  await walk(undefined, 0);
  return lines;
}

export function createTestApi(parts: {
  indexes: CorpusIndexService;
  corpusView: CorpusView;
  tagsView: TagsView;
  documents: AnnotatedDocuments;
  decorations: DecorationController;
  suggestionDecorations: SuggestionDecorations;
  statusBar: vscode.StatusBarItem;
  /** Absent in the browser, which has no agreement across branches. */
  agreement: AgreementFeature | undefined;
  relations: RelationsFeature;
  host: 'node' | 'browser';
  /** Read when asked: activation is still running while the API is built. */
  activationMs: () => number;
}): NewsAnnotatorApi {
  const { indexes, corpusView, tagsView, documents, decorations, suggestionDecorations, statusBar, agreement, relations } = parts;
  return {
    get activationMs() {
      return parts.activationMs();
    },
    host: parts.host,
    corpusFiles: async () => {
      await indexes.whenReady();
      const multiRoot = indexes.all().length > 1;
      return indexes.all().flatMap((folderIndex) => folderIndex.index.paths().map((file) => (multiRoot ? `${folderIndex.folder.name}/${file}` : file)));
    },
    corpusRows: async () => {
      await indexes.whenReady();
      return treeRows(corpusView.provider, Number.POSITIVE_INFINITY);
    },
    tagsRows: async (depth) => {
      await indexes.whenReady();
      return treeRows(tagsView.provider, depth);
    },
    tagsItems: async (depth) => {
      await indexes.whenReady();
      return treeItems(tagsView.provider, depth);
    },
    statusBarText: () => statusBar.text,
    searchTags: async (query) => {
      await indexes.whenReady();
      return searchAll(indexes, query).map(({ result }) => `${result.type} ${result.text} ${result.file}`);
    },
    annotationsOf: async (uri) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const session = await documents.sessionFor(document);
      await session?.enqueue(() => Promise.resolve());
      return (session?.live ?? []).map((item) => ({
        id: item.annotation.id,
        type: item.annotation.type,
        start: item.start,
        end: item.end,
        text: item.annotation.text,
        state: item.state,
        ...(item.annotation.note !== undefined ? { note: item.annotation.note } : {}),
      }));
    },
    paintNow: () => {
      decorations.paintAll();
      suggestionDecorations.paintAll();
    },
    lastPaintedRanges: (uri) => decorations.paintedRanges.get(uri.toString()) ?? 0,
    agreementReport: () => (agreement?.panel.visible ? agreement.panel.shown : undefined),
    currentDisagreement: () => agreement?.session.disagreement(),
    ghostSpans: (uri) => {
      if (!agreement) return [];
      agreement.ghosts.paintAll();
      const where = (position: vscode.Position) => `${position.line}:${position.character}`;
      return (agreement.ghosts.painted.get(uri.toString()) ?? []).map(({ range, label }) => `${where(range.start)}-${where(range.end)} ${label}`);
    },
    ghostLabelDecorations: (uri) => {
      if (!agreement) return 0;
      agreement.ghosts.paintAll();
      return agreement.ghosts.labelled.get(uri.toString()) ?? 0;
    },
    suggestionsOf: async (uri) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const session = await documents.sessionFor(document);
      await session?.enqueue(() => Promise.resolve());
      suggestionDecorations.paintAll();
      const suggestions = (session?.sidecar?.suggestions ?? []).map(({ id, type, start, end, text, rejected }) => ({ id, type, start, end, text, rejected: rejected === true }));
      return { suggestions, painted: suggestionDecorations.painted.get(uri.toString()) ?? 0, labelled: suggestionDecorations.labelled.get(uri.toString()) ?? 0 };
    },
    relationHints: (uri) => {
      decorations.paintAll();
      relations.hints.paintAll();
      return { hints: relations.hints.painted.get(uri.toString()) ?? [], filledRanges: decorations.paintedRanges.get(uri.toString()) ?? 0 };
    },
    arcDrawing: () => relations.arcs.drawn,
    searchRelationTypes: async (query) => {
      await indexes.whenReady();
      return indexes.all().flatMap((folderIndex) => matchingRelationTypes(folderIndex, query).map(([type, count]) => `${type} ${count}`));
    },
  };
}
