import * as vscode from 'vscode';
import type { FileSystem } from '../core/store/fileSystem';
import type { AgreementFeature } from './agreement/registerAgreementCommands';
import { commandIds } from './commandIds';
import { registerConflictResolution } from './conflict/registerConflictResolution';
import { registerCorpusView } from './corpus/registerCorpusView';
import type { CorpusAccess } from './corpusActions/corpusAccess';
import { registerExportCommand } from './corpusActions/registerExportCommand';
import { registerRelinkCommand } from './corpusActions/registerRelinkCommand';
import { registerValidateCommand } from './corpusActions/registerValidateCommand';
import { registerAnnotationHover } from './decorations/annotationHover';
import { DecorationController } from './decorations/decorationController';
import { registerLabelInlayHints } from './decorations/labelInlayHints';
import { registerAnnotationProblems } from './diagnostics/registerAnnotationProblems';
import { AnnotatedDocuments } from './documents/annotatedDocuments';
import { registerTagAllCommand } from './editing/registerTagAllCommand';
import { registerTaggingCommands, type TaggingContext } from './editing/registerTaggingCommands';
import { registerUndoCommands } from './editing/registerUndoCommands';
import { TypeSwatches } from './editing/typePicker';
import { UndoContextKeys } from './editing/undoContextKeys';
import { registerSidecarsFollowRenames } from './files/sidecarsFollowRenames';
import { registerGuidelinesCommand } from './guidelines/openGuidelines';
import type { CorpusFileSource } from './index/corpusFileSource';
import { CorpusIndexService } from './index/corpusIndexService';
import { createWorkspace } from './project/createWorkspace';
import { ProjectService, type OpenFolderFiles } from './project/projectService';
import { registerRelations } from './relations/registerRelations';
import { registerSearchCommand } from './search/registerSearchCommand';
import { registerStatusBar } from './status/registerStatusBar';
import { registerSuggestions } from './suggestions/registerSuggestions';
import { registerRevealMention } from './tags/revealMention';
import { registerTagsView } from './tags/registerTagsView';
import { createTestApi, type NewsAnnotatorApi } from './testApi';

/** What the desktop and the browser builds do differently; everything else is shared. */
export interface HostParts {
  readonly host: 'node' | 'browser';
  /** The core's files: the local disk walled in by the workspace folders, or `workspace.fs`. */
  readonly fileSystem: FileSystem;
  readonly openFolderFiles: OpenFolderFiles;
  /** Where the corpus index lists and reads files. */
  readonly corpusFiles: CorpusFileSource;
  /** How Validate Corpus and Export Annotations open a corpus and write an export. */
  readonly corpusAccess: CorpusAccess;
  /** Features only a desktop can offer (they run git): agreement across branches, git merge setup. */
  registerDesktopFeatures?(tagging: TaggingContext): { disposable: vscode.Disposable; agreement: AgreementFeature };
}

/**
 * Whether this build carries the test API (`activate`'s return): scripts/build.mjs defines it
 * false in production bundles, which users run and which carry no test-only code; every other
 * build (out/, the development bundles the tests load) leaves it undefined, which means yes.
 */
declare const NEWS_ANNOTATOR_TEST_API: boolean | undefined;

/**
 * The composition root both entry files call (extension.node.ts, extension.browser.ts): each
 * feature registers itself and returns one Disposable. `started` is performance.now() when
 * activation began, for the activation time the test API reports (undefined in production
 * bundles, which carry no test API).
 */
export function activateShared(context: vscode.ExtensionContext, host: HostParts, started: number): NewsAnnotatorApi | undefined {
  const project = new ProjectService(host.openFolderFiles);
  const workspace = createWorkspace(project, host.fileSystem);
  const documents = new AnnotatedDocuments(project, workspace.workspace);
  const undoKeys = new UndoContextKeys(workspace.workspace.history);
  const decorations = new DecorationController(documents, project);
  const indexes = new CorpusIndexService(project, host.corpusFiles, workspace.workspace);
  const corpusView = registerCorpusView(indexes);
  const tagging = { documents, indexes, project, workspace: workspace.workspace, swatches: new TypeSwatches() };
  const tagsView = registerTagsView(tagging, indexes);
  const statusBar = registerStatusBar(documents);
  const desktop = host.registerDesktopFeatures?.(tagging);
  const suggestions = registerSuggestions(tagging);
  const relations = registerRelations(tagging, context.extensionUri);
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
    suggestions.disposable,
    relations.disposable,
    registerUndoCommands(tagging, undoKeys),
    registerAnnotationHover(documents, project),
    registerGuidelinesCommand(project, documents),
    registerLabelInlayHints(documents),
    registerAnnotationProblems(documents),
    registerConflictResolution(documents),
    registerSidecarsFollowRenames(host.fileSystem),
    statusBar,
    registerExportCommand(host.corpusAccess),
    registerValidateCommand(host.corpusAccess),
    registerRelinkCommand(host.corpusAccess),
    vscode.commands.registerCommand(commandIds.toggleLabels, async () => {
      const settings = vscode.workspace.getConfiguration('newsAnnotator');
      await settings.update('decorations.showLabels', !settings.get<boolean>('decorations.showLabels', true), vscode.ConfigurationTarget.Global);
    }),
  );
  if (desktop) context.subscriptions.push(desktop.disposable);
  // The palette hides what only the desktop has (package.json: `!newsAnnotator.web`). A key set
  // by the browser build alone, so the desktop's palette is as it was even before activation.
  if (host.host === 'browser') void vscode.commands.executeCommand('setContext', 'newsAnnotator.web', true);
  let activationMs = 0;
  // Tested where it is used, so that the bundler drops the test API when it is defined false.
  const api = typeof NEWS_ANNOTATOR_TEST_API !== 'undefined' && !NEWS_ANNOTATOR_TEST_API ? undefined : createTestApi({
    indexes,
    corpusView,
    tagsView,
    documents,
    decorations,
    suggestionDecorations: suggestions.decorations,
    statusBar: statusBar.item,
    agreement: desktop?.agreement,
    relations,
    host: host.host,
    activationMs: () => activationMs,
  });
  activationMs = performance.now() - started;
  return api;
}
