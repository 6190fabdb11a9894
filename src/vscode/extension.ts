import * as vscode from 'vscode';
import { registerAgreementCommands } from './agreement/registerAgreementCommands';
import { commandIds } from './commandIds';
import { registerConflictResolution } from './conflict/registerConflictResolution';
import { registerCorpusView } from './corpus/registerCorpusView';
import { registerExportCommand } from './corpusActions/registerExportCommand';
import { registerValidateCommand } from './corpusActions/registerValidateCommand';
import { registerAnnotationHover } from './decorations/annotationHover';
import { DecorationController } from './decorations/decorationController';
import { registerLabelInlayHints } from './decorations/labelInlayHints';
import { registerAnnotationProblems } from './diagnostics/registerAnnotationProblems';
import { AnnotatedDocuments } from './documents/annotatedDocuments';
import { registerTagAllCommand } from './editing/registerTagAllCommand';
import { registerTaggingCommands } from './editing/registerTaggingCommands';
import { registerUndoCommands } from './editing/registerUndoCommands';
import { UndoContextKeys } from './editing/undoContextKeys';
import { createWorkspace } from './project/createWorkspace';
import { registerGuidelinesCommand } from './guidelines/openGuidelines';
import { TypeSwatches } from './editing/typePicker';
import { ProjectService } from './project/projectService';
import { registerStatusBar } from './status/registerStatusBar';
import { CorpusIndexService } from './index/corpusIndexService';
import { registerGitMergeSetup } from './git/registerGitMergeSetup';
import { registerSearchCommand } from './search/registerSearchCommand';
import { createTestApi, type NewsAnnotatorApi } from './testApi';
import { registerRevealMention } from './tags/revealMention';
import { registerTagsView } from './tags/registerTagsView';
import { registerSuggestions } from './suggestions/registerSuggestions';
import { registerRelations } from './relations/registerRelations';

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
  const statusBar = registerStatusBar(documents);
  const agreement = registerAgreementCommands(tagging);
  const suggestions = registerSuggestions(tagging);
  const relations = registerRelations(tagging);
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
    statusBar,
    agreement,
    registerExportCommand(),
    registerValidateCommand(),
    registerGitMergeSetup(context),
    vscode.commands.registerCommand(commandIds.toggleLabels, async () => {
      const settings = vscode.workspace.getConfiguration('newsAnnotator');
      await settings.update('decorations.showLabels', !settings.get<boolean>('decorations.showLabels', true), vscode.ConfigurationTarget.Global);
    }),
  );
  return createTestApi({ indexes, corpusView, tagsView, documents, decorations, suggestionDecorations: suggestions.decorations, statusBar: statusBar.item, agreement, relations });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
