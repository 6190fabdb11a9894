import * as vscode from 'vscode';
import { isPlaced, type LiveAnnotation } from '../../core/editing/liveAnnotations';
import { linkAnnotations, relationTargets, removeRelations, tagFragments } from '../../core/editing/relationActions';
import { problem, type Problem } from '../../core/problem';
import { isolateRightToLeft } from '../../core/text/bidiIsolate';
import { printable } from '../../core/text/printable';
import type { EditOutcome } from '../../workspace/fileEdit';
import { commandIds } from '../commandIds';
import { showErrorOfferingResolve } from '../conflict/registerConflictResolution';
import type { DocumentSession } from '../documents/documentSession';
import { annotatorName } from '../editing/annotatorName';
import { annotationsAtSelections, describeProblem, prepareForTagging, selectedSpans } from '../editing/fileActions';
import { activeCorpusEditor, type TaggingContext } from '../editing/registerTaggingCommands';
import { pickEntityType } from '../editing/typePicker';
import { pathOfUri } from '../uriPaths';

interface LinkArguments {
  /** Source and target ids (what tests and hover links pass); else the cursor decides. */
  readonly from?: string;
  readonly to?: string;
  readonly type?: string;
}

interface RelationArguments {
  readonly uri: string;
  readonly id: string;
}

/** Says that an action failed and wrote nothing, with the first problem. */
export function reportFailure(failed: (detail: string) => string, problems: readonly Problem[]): void {
  const first = problems[0];
  void showErrorOfferingResolve(failed(first ? describeProblem(first) : vscode.l10n.t('unknown problem')), first);
}

/** A tag as a quick-pick row: its text, its type and line. */
export function annotationLabel(item: LiveAnnotation, document: vscode.TextDocument, session: DocumentSession): { label: string; description: string } {
  const line = document.positionAt(session.text.toUtf16(item.start)).line + 1;
  return { label: isolateRightToLeft(printable(item.annotation.text)), description: vscode.l10n.t('{0} · line {1}', item.annotation.type, line) };
}

/** Both ends of a relation from a multi-cursor: the tag at the first selection and the one at the second. */
function pairFromSelections(editor: vscode.TextEditor, session: DocumentSession): [LiveAnnotation, LiveAnnotation] | undefined {
  if (editor.selections.length !== 2) return undefined;
  const [first, second] = editor.selections.map((selection) => innermostAt(editor.document, session, selection));
  return first && second && first.annotation.id !== second.annotation.id ? [first, second] : undefined;
}

/** The smallest placed tag touching the selection or cursor. */
function innermostAt(document: vscode.TextDocument, session: DocumentSession, selection: vscode.Selection): LiveAnnotation | undefined {
  const start = session.text.toCodePoint(document.offsetAt(selection.start));
  const end = session.text.toCodePoint(document.offsetAt(selection.end));
  const touching = session.live.filter((item) => isPlaced(item) && item.start <= end && start <= item.end);
  return touching.sort((left, right) => left.end - left.start - (right.end - right.start))[0];
}

/** The relation type: one allowed type is taken; several are offered; with none declared, typed. */
async function pickRelationType(allowed: readonly string[], declared: boolean, used: readonly string[]): Promise<string | undefined> {
  if (declared && allowed.length === 1) return allowed[0];
  if (declared) return vscode.window.showQuickPick([...allowed], { title: vscode.l10n.t('Relation type') });
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Relation type'),
    value: used[used.length - 1] ?? '',
    prompt: vscode.l10n.t('The project declares no relation types; name one (e.g. meets).'),
    validateInput: (value) => (/^\S+$/u.test(value.trim()) ? undefined : vscode.l10n.t('One word, without spaces.')),
  });
  return typed?.trim() || undefined;
}

/**
 * Link Tag…, Remove Relation and Tag Selections as One Span: each one write through the
 * workspace's single write path, so each is one undo step.
 */
export function registerRelationCommands(context: TaggingContext): vscode.Disposable {
  const editFile = (label: string, uri: vscode.Uri, factory: Parameters<TaggingContext['workspace']['edit']>[1][number]['factory']): Promise<EditOutcome> =>
    context.workspace.edit(label, [{ textPath: pathOfUri(uri), factory }]);

  const link = async (args?: LinkArguments): Promise<number> => {
    const active = await activeCorpusEditor(context.documents);
    if (!active?.session.sidecar) return 0;
    const { editor, session } = active;
    const sidecar = active.session.sidecar;
    const declared = context.project.configOf(editor.document.uri).relations;
    const placed = session.live.filter(isPlaced);
    const byId = (id: string | undefined) => placed.find((item) => item.annotation.id === id);
    let source = byId(args?.from);
    let target = byId(args?.to);
    if (!source) {
      const pair = pairFromSelections(editor, session);
      if (pair) [source, target] = pair;
      else source = annotationsAtSelections(editor, session)[0];
    }
    if (!source) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: there is no tag at the cursor.'));
      return 0;
    }
    const targets = relationTargets(sidecar, source.annotation.id, declared);
    if (!target) {
      const items = targets.flatMap((candidate) => {
        const live = byId(candidate.annotation.id);
        return live ? [{ ...annotationLabel(live, editor.document, session), live }] : [];
      });
      if (items.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: no tag in this article can be linked from “{0}” ({1}).', printable(source.annotation.text), source.annotation.type));
        return 0;
      }
      target = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Link “{0}” to…', isolateRightToLeft(printable(source.annotation.text))), matchOnDescription: true }))?.live;
      if (!target) return 0;
    }
    const allowed = targets.find((candidate) => candidate.annotation.id === target.annotation.id)?.types ?? [];
    if (declared !== undefined && allowed.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: the project allows no relation from {0} to {1}.', source.annotation.type, target.annotation.type));
      return 0;
    }
    const used = [...new Set((sidecar.relations ?? []).map((relation) => relation.type))];
    const type = args?.type ?? (await pickRelationType(allowed, declared !== undefined, used));
    if (!type) return 0;
    if (declared !== undefined && !allowed.includes(type)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: the project allows no relation {0} from {1} to {2}.', type, source.annotation.type, target.annotation.type));
      return 0;
    }
    const annotator = await annotatorName();
    const from = source.annotation.id;
    const to = target.annotation.id;
    const result = await editFile(vscode.l10n.t('Link as {0}', type), editor.document.uri, (current) => linkAnnotations(current, from, to, type, { annotator }));
    if (result.failures.length > 0) return reportFailure((detail) => vscode.l10n.t('News Annotator: linking failed, nothing was written. {0}', detail), result.failures), 0;
    return [...result.changes.values()].reduce((sum, change) => sum + (change.addedRelations?.length ?? 0), 0);
  };

  const unlink = async (args?: RelationArguments): Promise<number> => {
    if (!args?.uri || !args.id) return 0;
    const uri = vscode.Uri.parse(args.uri);
    const ids = new Set([args.id]);
    const result = await editFile(vscode.l10n.t('Remove relation'), uri, (current) => removeRelations(current, ids));
    if (result.failures.length > 0) return reportFailure((detail) => vscode.l10n.t('News Annotator: removing the relation failed, nothing was written. {0}', detail), result.failures), 0;
    return [...result.changes.values()].reduce((sum, change) => sum + (change.removedRelations?.length ?? 0), 0);
  };

  const tagAsOneSpan = async (args?: { type?: string }): Promise<number> => {
    const active = await activeCorpusEditor(context.documents);
    if (!active) return 0;
    const { editor, session } = active;
    const spans = selectedSpans(editor, session);
    if (spans.length < 2) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: select two or more pieces of text (Alt+click or Ctrl+D adds a selection).'));
      return 0;
    }
    const types = context.project.typesFor(editor.document.uri);
    const type = args?.type ?? (await pickEntityType(types, context.swatches, vscode.l10n.t('Tag selections as one span as…')))?.name;
    if (!type) return 0;
    const refusal = await prepareForTagging(editor, session);
    if (refusal) return reportFailure((detail) => vscode.l10n.t('News Annotator: tagging failed, nothing was written. {0}', detail), [refusal]), 0;
    const annotator = await annotatorName();
    const expected = session.text.text;
    const result = await editFile(vscode.l10n.t('Tag as {0}', type), editor.document.uri, (sidecar, text) =>
      text.text !== expected ? problem('text-changed', vscode.l10n.t('The file changed on disk; tag again.'), session.textPath) : tagFragments(sidecar, text, spans, { type, annotator }),
    );
    if (result.failures.length > 0) return reportFailure((detail) => vscode.l10n.t('News Annotator: tagging failed, nothing was written. {0}', detail), result.failures), 0;
    return result.added;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.linkTag, (args?: LinkArguments) => link(args)),
    vscode.commands.registerCommand(commandIds.removeRelation, (args?: RelationArguments) => unlink(args)),
    vscode.commands.registerCommand(commandIds.tagSelectionsAsOneSpan, (args?: { type?: string }) => tagAsOneSpan(args)),
  );
}
