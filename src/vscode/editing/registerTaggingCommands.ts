import * as vscode from 'vscode';
import { isPlaced, type LiveAnnotation } from '../../core/editing/liveAnnotations';
import { changeAnnotationType, removeAnnotations, setAnnotationNote, tagSpans } from '../../core/editing/tagActions';
import { withSuggestionsWhileTagging } from '../../core/suggest/suggestionActions';
import type { EntityType } from '../../core/project';
import { problem } from '../../core/problem';
import { sidecarStatuses, type SidecarStatus } from '../../core/sidecar/model';
import { commandIds } from '../commandIds';
import { showErrorOfferingResolve } from '../conflict/registerConflictResolution';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import type { DocumentSession } from '../documents/documentSession';
import type { CorpusIndexService } from '../index/corpusIndexService';
import type { ProjectService } from '../project/projectService';
import { annotatorName } from './annotatorName';
import { fileStatus } from '../../core/corpus/fileStatus';
import { isolateRightToLeft } from '../../core/text/bidiIsolate';
import { printable } from '../../core/text/printable';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import type { ChangeFactory, EditOutcome } from '../../workspace/fileEdit';
import { annotationsAtSelections, describeProblem, prepareForTagging, selectedSpans } from './fileActions';
import { pickEntityType, type TypeSwatches } from './typePicker';
import { statusLabel } from '../status/statusLabel';
import { pathOfUri } from '../uriPaths';

/** Context key: the active editor's corpus file is marked done (package.json menus read it). */
const fileDoneKey = 'newsAnnotator.fileDone';

export interface TaggingContext {
  readonly documents: AnnotatedDocuments;
  readonly indexes: CorpusIndexService;
  readonly project: ProjectService;
  readonly workspace: AnnotationWorkspace;
  readonly swatches: TypeSwatches;
}

interface TagArguments {
  readonly type?: string;
  /** 1-based position of the type in the project's list (what the Ctrl+Alt+digit keys pass). */
  readonly slot?: number;
}

interface AnnotationArguments {
  readonly uri?: string;
  readonly id?: string;
  readonly type?: string;
  readonly note?: string;
}

/** The active editor and its session when it shows a corpus file; tells the user otherwise. */
export async function activeCorpusEditor(documents: AnnotatedDocuments): Promise<{ editor: vscode.TextEditor; session: DocumentSession } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: open a corpus article first.'));
    return undefined;
  }
  const session = await documents.sessionFor(editor.document);
  if (!session) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('News Annotator: {0} is not a corpus file (see the corpus globs in news-annotator.yaml).', vscode.workspace.asRelativePath(editor.document.uri)),
    );
    return undefined;
  }
  // A reload the document's last change queued (the file changed on disk: git pull, another
  // window) must land first: until it does, the session still holds the text from before, and
  // a tag placed by it would be refused as "the file changed on disk".
  await session.enqueue(() => Promise.resolve());
  return { editor, session };
}

/** Says that an action failed and wrote nothing: `failed` words it, around the first problem. */
function reportProblems(failed: (detail: string) => string, problems: readonly { code?: string; message: string; file: string; line: number; column: number }[]): void {
  const first = problems[0];
  // A conflicted sidecar is the one refusal with a way out here: the message offers "Resolve…".
  void showErrorOfferingResolve(failed(first ? describeProblem(first) : vscode.l10n.t('unknown problem')), first);
}
const tagFailed = (detail: string) => vscode.l10n.t('News Annotator: tagging failed, nothing was written. {0}', detail);

function resolveType(types: readonly EntityType[], args: TagArguments | undefined): EntityType | undefined {
  if (args?.type) return types.find((type) => type.name === args.type) ?? { name: args.type, color: { light: '#666666', dark: '#aaaaaa' } };
  if (args?.slot) return types[args.slot - 1];
  return undefined;
}

/** Lets the user choose among several annotations (innermost first); one is taken as is. */
async function chooseAnnotations(candidates: LiveAnnotation[], title: string, many: boolean): Promise<LiveAnnotation[]> {
  if (candidates.length <= 1) return candidates;
  const items = candidates.map((item) => ({
    label: isolateRightToLeft(printable(item.annotation.text)),
    description: item.annotation.type,
    detail: item.annotation.note === undefined ? undefined : isolateRightToLeft(printable(item.annotation.note)),
    item,
  }));
  if (many) {
    const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true });
    return picked?.map((entry) => entry.item) ?? [];
  }
  const picked = await vscode.window.showQuickPick(items, { title });
  return picked ? [picked.item] : [];
}

/** Annotations named by a hover link ({uri, id}) or else those at the cursor. */
async function targetAnnotations(context: TaggingContext, args: AnnotationArguments | undefined, title: string, many: boolean) {
  if (args?.uri && args.id) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
    const session = await context.documents.sessionFor(document);
    const item = session?.live.find((candidate) => candidate.annotation.id === args.id);
    return session && item ? { uri: document.uri, session, targets: [item] } : undefined;
  }
  const active = await activeCorpusEditor(context.documents);
  if (!active) return undefined;
  const candidates = annotationsAtSelections(active.editor, active.session);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: there is no tag at the cursor.'));
    return undefined;
  }
  return { uri: active.editor.document.uri, session: active.session, targets: await chooseAnnotations(candidates, title, many) };
}

/** One action on one file, through the workspace's single write path (one undo step). */
function editFile(context: TaggingContext, label: string, uri: vscode.Uri, factory: ChangeFactory): Promise<EditOutcome> {
  return context.workspace.edit(label, [{ textPath: pathOfUri(uri), factory }]);
}

export function registerTaggingCommands(context: TaggingContext): vscode.Disposable {
  const tag = async (args?: TagArguments): Promise<number> => {
    const active = await activeCorpusEditor(context.documents);
    if (!active) return 0;
    const types = context.project.typesFor(active.editor.document.uri);
    const type = resolveType(types, args) ?? (await pickEntityType(types, context.swatches, vscode.l10n.t('Tag selection as…')));
    if (!type) return 0;
    const refusal = await prepareForTagging(active.editor, active.session);
    if (refusal) {
      reportProblems(tagFailed, [refusal]);
      return 0;
    }
    const spans = selectedSpans(active.editor, active.session);
    if (spans.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: select the text to tag.'));
      return 0;
    }
    const annotator = await annotatorName();
    const expected = active.session.text.text;
    // Untagged occurrences of the name just tagged become suggestions, in the same undo step.
    const suggestWhileTagging = vscode.workspace.getConfiguration('newsAnnotator').get<boolean>('suggestions.whileTagging', true);
    const result = await editFile(context, vscode.l10n.t('Tag as {0}', type.name), active.editor.document.uri, (sidecar, text) => {
      if (text.text !== expected) return problem('text-changed', vscode.l10n.t('The file changed on disk; tag again.'), active.session.textPath);
      const change = tagSpans(sidecar, text, spans, { type: type.name, annotator });
      return suggestWhileTagging ? withSuggestionsWhileTagging(sidecar, text, change) : change;
    });
    if (result.failures.length > 0) {
      reportProblems(tagFailed, result.failures);
      return 0;
    }
    vscode.window.setStatusBarMessage(vscode.l10n.t('News Annotator: tagged {0} span(s) as {1}', result.added, type.name), 3000);
    return result.added;
  };

  const remove = async (args?: AnnotationArguments): Promise<number> => {
    const found = await targetAnnotations(context, args, vscode.l10n.t('Remove which tags?'), true);
    if (!found || found.targets.length === 0) return 0;
    const ids = new Set(found.targets.map((item) => item.annotation.id));
    const result = await editFile(context, vscode.l10n.t('Remove tag'), found.uri, (sidecar) => removeAnnotations(sidecar, ids));
    if (result.failures.length > 0) return reportProblems((detail) => vscode.l10n.t('News Annotator: removing the tag failed, nothing was written. {0}', detail), result.failures), 0;
    return result.removed;
  };

  const changeType = async (args?: AnnotationArguments): Promise<number> => {
    const found = await targetAnnotations(context, args, vscode.l10n.t('Change the type of which tags?'), true);
    if (!found || found.targets.length === 0) return 0;
    const types = context.project.typesFor(found.uri);
    const targetTypes = new Set(found.targets.map((item) => item.annotation.type));
    const current = targetTypes.size === 1 ? [...targetTypes][0] : undefined;
    const type = resolveType(types, args) ?? (await pickEntityType(types, context.swatches, vscode.l10n.t('Change type to…'), current));
    if (!type) return 0;
    const ids = new Set(found.targets.map((item) => item.annotation.id));
    const result = await editFile(context, vscode.l10n.t('Change type to {0}', type.name), found.uri, (sidecar) => changeAnnotationType(sidecar, ids, type.name));
    if (result.failures.length > 0) return reportProblems((detail) => vscode.l10n.t('News Annotator: changing the type failed, nothing was written. {0}', detail), result.failures), 0;
    return result.added;
  };

  const editNote = async (args?: AnnotationArguments): Promise<boolean> => {
    const found = await targetAnnotations(context, args, vscode.l10n.t('Note on which tag?'), false);
    const target = found?.targets[0];
    if (!found || !target) return false;
    const note =
      args?.note ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Note on “{0}” ({1})', isolateRightToLeft(printable(target.annotation.text)), target.annotation.type),
        value: target.annotation.note ?? '',
        prompt: vscode.l10n.t('Leave empty to remove the note.'),
      }));
    if (note === undefined) return false;
    const result = await editFile(context, vscode.l10n.t('Edit note'), found.uri, (sidecar) => setAnnotationNote(sidecar, target.annotation.id, note.trim()));
    if (result.failures.length > 0) return reportProblems((detail) => vscode.l10n.t('News Annotator: saving the note failed, nothing was written. {0}', detail), result.failures), false;
    return true;
  };

  const move = async (direction: 1 | -1): Promise<void> => {
    const active = await activeCorpusEditor(context.documents);
    if (!active) return;
    const { editor, session } = active;
    const spans = session.live.filter(isPlaced).sort((left, right) => left.start - right.start || left.end - right.end);
    if (spans.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: this file has no tags yet.'));
      return;
    }
    const cursor = session.text.toCodePoint(editor.document.offsetAt(editor.selection.start));
    const next =
      direction === 1
        ? spans.find((item) => item.start > cursor) ?? spans[0]
        : [...spans].reverse().find((item) => item.start < cursor) ?? spans[spans.length - 1];
    const range = new vscode.Range(editor.document.positionAt(session.text.toUtf16(next.start)), editor.document.positionAt(session.text.toUtf16(next.end)));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const markStatus = async (status?: SidecarStatus): Promise<boolean> => {
    const active = await activeCorpusEditor(context.documents);
    if (!active) return false;
    const chosen =
      status ?? (await vscode.window.showQuickPick(sidecarStatuses.map((value) => ({ label: statusLabel(value), status: value })), { title: vscode.l10n.t('Mark this file as…') }))?.status;
    if (!chosen) return false;
    const result = await context.workspace.setStatus(active.session.textPath, chosen);
    if (!result.ok) return reportProblems((detail) => vscode.l10n.t('News Annotator: marking the file failed, nothing was written. {0}', detail), result.problems), false;
    await active.session.enqueue(() => Promise.resolve());
    return true;
  };

  // The editor title's ✓ shows Mark File Done, or Mark File In Progress once the file is done.
  const updateDoneKey = () => {
    const editor = vscode.window.activeTextEditor;
    const sidecar = editor && context.documents.loadedSession(editor.document.uri)?.sidecar;
    const done = sidecar !== undefined && fileStatus(sidecar.status, sidecar.annotations.length) === 'done';
    void vscode.commands.executeCommand('setContext', fileDoneKey, done);
  };
  updateDoneKey();

  return vscode.Disposable.from(
    context.documents.onDidChange(updateDoneKey),
    vscode.window.onDidChangeActiveTextEditor(updateDoneKey),
    vscode.commands.registerCommand(commandIds.tagSelection, (args?: TagArguments) => tag(args)),
    vscode.commands.registerCommand(commandIds.tagAs, (args?: TagArguments) => tag(args)),
    vscode.commands.registerCommand(commandIds.removeTag, (args?: AnnotationArguments) => remove(args)),
    vscode.commands.registerCommand(commandIds.changeTagType, (args?: AnnotationArguments) => changeType(args)),
    vscode.commands.registerCommand(commandIds.editNote, (args?: AnnotationArguments) => editNote(args)),
    vscode.commands.registerCommand(commandIds.nextTag, () => move(1)),
    vscode.commands.registerCommand(commandIds.previousTag, () => move(-1)),
    vscode.commands.registerCommand(commandIds.markDone, () => markStatus('done')),
    vscode.commands.registerCommand(commandIds.markInProgress, () => markStatus('in-progress')),
    vscode.commands.registerCommand(commandIds.markStatus, (status?: SidecarStatus) => markStatus(status)),
  );
}
