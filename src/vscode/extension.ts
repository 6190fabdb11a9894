import * as vscode from 'vscode';
import { commandIds } from './commandIds';
import { registerCorpusView } from './corpus/registerCorpusView';
import { registerExportCommand } from './corpusActions/registerExportCommand';
import { registerValidateCommand } from './corpusActions/registerValidateCommand';
import { registerAnnotationHover } from './decorations/annotationHover';
import { DecorationController } from './decorations/decorationController';
import { registerAnnotationProblems } from './diagnostics/registerAnnotationProblems';
import { AnnotatedDocuments } from './documents/annotatedDocuments';
import { registerTagAllCommand } from './editing/registerTagAllCommand';
import { registerTaggingCommands } from './editing/registerTaggingCommands';
import { registerUndoCommands } from './editing/registerUndoCommands';
import { UndoContextKeys } from './editing/undoContextKeys';
import { createWorkspace } from './project/createWorkspace';
import { TypeSwatches } from './editing/typePicker';
import { ProjectService } from './project/projectService';
import { registerStatusBar } from './status/registerStatusBar';
import { CorpusIndexService } from './index/corpusIndexService';
import { registerSearchCommand, searchAll } from './search/registerSearchCommand';
import { registerRevealMention } from './tags/revealMention';
import { registerTagsView } from './tags/registerTagsView';

/** What `vscode.extensions.getExtension(...).exports` gives: used by the integration tests. */
export interface NewsAnnotatorApi {
  corpusFiles(): Promise<readonly string[]>;
  /** The Corpus view's rows (label | description), depth first. */
  corpusRows(): Promise<readonly string[]>;
  /** The Tags view's rows down to `depth` levels. */
  tagsRows(depth: number): Promise<readonly string[]>;
  /** What Search Tags lists for a query: `TYPE text file`. */
  searchTags(query: string): Promise<readonly string[]>;
  /** Resolves once the open file's annotations are loaded; returns them as the editor sees them. */
  annotationsOf(uri: vscode.Uri): Promise<readonly { id: string; type: string; start: number; end: number; text: string; state: string; note?: string }[]>;
  /** Repaints decorations now instead of after the debounce (tests read them right after). */
  paintNow(): void;
}

/** Composition root: each feature registers itself and returns one Disposable. */
export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const project = new ProjectService();
  const workspace = createWorkspace(project);
  const documents = new AnnotatedDocuments(project, workspace.workspace);
  const undoKeys = new UndoContextKeys(workspace.workspace.history);
  const decorations = new DecorationController(documents, project);
  const indexes = new CorpusIndexService(project, context.storageUri, workspace.workspace);
  const corpusView = registerCorpusView(indexes);
  const tagging = { documents, indexes, project, workspace: workspace.workspace, swatches: new TypeSwatches(context.globalStorageUri) };
  const tagsView = registerTagsView(tagging, indexes);
  context.subscriptions.push(
    project,
    workspace,
    documents,
    undoKeys,
    decorations,
    indexes,
    corpusView,
    tagsView,
    registerSearchCommand(indexes, documents),
    registerRevealMention(documents),
    registerTaggingCommands(tagging),
    registerTagAllCommand(tagging),
    registerUndoCommands(tagging, undoKeys),
    registerAnnotationHover(documents),
    registerAnnotationProblems(documents),
    registerStatusBar(documents),
    registerExportCommand(),
    registerValidateCommand(),
    vscode.commands.registerCommand(commandIds.toggleLabels, async () => {
      const settings = vscode.workspace.getConfiguration('newsAnnotator');
      await settings.update('decorations.showLabels', !settings.get<boolean>('decorations.showLabels', true), vscode.ConfigurationTarget.Global);
    }),
  );
  return {
    corpusFiles: () => corpusView.files(),
    corpusRows: () => corpusView.rows(),
    tagsRows: (depth) => tagsView.rows(depth),
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
    paintNow: () => decorations.paintAll(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
