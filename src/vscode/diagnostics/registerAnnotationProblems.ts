import * as vscode from 'vscode';
import { printable } from '../../core/text/printable';
import type { LiveAnnotation } from '../../core/editing/liveAnnotations';
import { removeAnnotations } from '../../core/editing/tagActions';
import { problem } from '../../core/problem';
import { sidecarPathFor } from '../../core/sidecar/sidecarPath';
import { commandIds } from '../commandIds';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import type { DocumentSession } from '../documents/documentSession';
import { describeProblem } from '../editing/fileActions';
import { toDiagnostic } from '../project/projectService';
import { pathOfUri, uriOfPath, workspaceDocumentSelector } from '../uriPaths';

/** What happened to a tag, as a Problems message naming it ({0} its type, {1} its text). */
function stateMessage(state: LiveAnnotation['state'], type: string, text: string): string | undefined {
  switch (state) {
    case 'orphan':
      return vscode.l10n.t('{0} “{1}” was not found in the text any more. It is kept in the sidecar: re-attach it to a selection or remove it.', type, text);
    case 'deleted':
      return vscode.l10n.t('{0} “{1}” lost its text in this edit. Undo the edit, re-attach it to a selection, or remove it.', type, text);
    case 'fuzzy':
      return vscode.l10n.t('{0} “{1}” was found only approximately after the text changed. Check it, then accept or re-attach it.', type, text);
    case 'clipped':
      return vscode.l10n.t('{0} “{1}” was cut by an edit; what is left is tagged. Check it.', type, text);
    default:
      return undefined;
  }
}

// Problems the text document shows itself (with quick fixes), so the sidecar does not repeat them.
const shownOnText = new Set(['annotation-orphaned', 'annotation-fuzzy']);

function annotationDiagnostic(document: vscode.TextDocument, session: DocumentSession, item: LiveAnnotation): vscode.Diagnostic | undefined {
  // Nearly every tag is fine: this runs for each on every keystroke in the file.
  if (item.state === 'ok' || item.state === 'edited') return undefined;
  const message = stateMessage(item.state, item.annotation.type, printable(item.annotation.text));
  if (!message) return undefined;
  const start = document.positionAt(session.text.toUtf16(item.start));
  const end = item.end > item.start ? document.positionAt(session.text.toUtf16(item.end)) : document.lineAt(start.line).range.end;
  const severity = item.state === 'clipped' || item.state === 'fuzzy' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), message, severity);
  diagnostic.source = 'News Annotator';
  diagnostic.code = { value: `annotation-${item.state} ${item.annotation.id}`, target: uriOfPath(sidecarPathFor(session.textPath)) };
  return diagnostic;
}

/**
 * Orphaned, approximate and damaged annotations in the Problems panel (on the text, where the
 * quick fixes are), and anything wrong with a sidecar file on the sidecar itself.
 */
export function registerAnnotationProblems(documents: AnnotatedDocuments): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('news-annotator');
  const shown = new Set<string>();
  const refresh = () => {
    for (const key of shown) collection.delete(vscode.Uri.parse(key));
    shown.clear();
    for (const session of documents.all()) {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === session.uri.toString());
      if (!document) continue;
      const onText: vscode.Diagnostic[] = [];
      for (const item of session.live) {
        const diagnostic = annotationDiagnostic(document, session, item);
        if (diagnostic) onText.push(diagnostic);
      }
      collection.set(session.uri, onText);
      shown.add(session.uri.toString());
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const item of session.problems) {
        if (shownOnText.has(item.code)) continue;
        const key = uriOfPath(item.file).toString();
        byFile.set(key, [...(byFile.get(key) ?? []), toDiagnostic(item)]);
      }
      for (const [key, diagnostics] of byFile) {
        collection.set(vscode.Uri.parse(key), diagnostics);
        shown.add(key);
      }
    }
  };

  const reattach = async (args: { uri: string; id: string; start?: number; end?: number }) => {
    const uri = vscode.Uri.parse(args.uri);
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === args.uri);
    const session = editor && (await documents.sessionFor(editor.document));
    if (!editor || !session) return false;
    const start = args.start ?? session.text.toCodePoint(editor.document.offsetAt(editor.selection.start));
    const end = args.end ?? session.text.toCodePoint(editor.document.offsetAt(editor.selection.end));
    if (editor.document.isDirty) await editor.document.save();
    const result = await documents.workspace.edit(vscode.l10n.t('Re-attach tag'), [{ textPath: pathOfUri(uri), factory: (sidecar, text) => {
      const old = sidecar.annotations.find((annotation) => annotation.id === args.id);
      if (!old || end <= start || end > text.codePointLength) return problem('reattach-failed', vscode.l10n.t('Select the text the annotation belongs to, then re-attach it.'), session.textPath);
      return { removed: [old], added: [{ ...old, start, end, text: text.slice(start, end) }] };
    } }]);
    const [failure] = result.failures;
    if (failure) void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: {0}', describeProblem(failure)));
    return failure === undefined;
  };

  const codeActions = vscode.languages.registerCodeActionsProvider(
    workspaceDocumentSelector(),
    {
      provideCodeActions(document, range) {
        const session = documents.loadedSession(document.uri);
        if (!session) return [];
        const actions: vscode.CodeAction[] = [];
        const uri = document.uri.toString();
        for (const item of session.live) {
          if (item.state === 'ok' || item.state === 'edited') continue;
          const { type, text } = item.annotation;
          const touches = item.state !== 'orphan' && item.state !== 'deleted' ? new vscode.Range(document.positionAt(session.text.toUtf16(item.start)), document.positionAt(session.text.toUtf16(item.end))).intersection(range) : undefined;
          if (!range.isEmpty) {
            const action = new vscode.CodeAction(vscode.l10n.t('Re-attach {0} “{1}” to the selection', type, text), vscode.CodeActionKind.QuickFix);
            action.command = { command: commandIds.reattachAnnotation, title: action.title, arguments: [{ uri, id: item.annotation.id }] };
            actions.push(action);
          }
          if (item.state === 'fuzzy' && touches) {
            const action = new vscode.CodeAction(vscode.l10n.t('Accept {0} “{1}” where it was found', type, text), vscode.CodeActionKind.QuickFix);
            action.command = { command: commandIds.reattachAnnotation, title: action.title, arguments: [{ uri, id: item.annotation.id, start: item.start, end: item.end }] };
            action.isPreferred = true;
            actions.push(action);
          }
          if (item.state === 'orphan' || item.state === 'deleted' || touches) {
            const action = new vscode.CodeAction(vscode.l10n.t('Remove {0} “{1}”', type, text), vscode.CodeActionKind.QuickFix);
            action.command = { command: commandIds.removeOrphan, title: action.title, arguments: [{ uri, id: item.annotation.id }] };
            actions.push(action);
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );

  return vscode.Disposable.from(
    collection,
    codeActions,
    documents.onDidChange(refresh),
    vscode.commands.registerCommand(commandIds.reattachAnnotation, reattach),
    vscode.commands.registerCommand(commandIds.removeOrphan, async (args: { uri: string; id: string }) => {
      const result = await documents.workspace.edit(vscode.l10n.t('Remove orphaned tag'), [{ textPath: pathOfUri(vscode.Uri.parse(args.uri)), factory: (sidecar) => removeAnnotations(sidecar, new Set([args.id])) }]);
      const [failure] = result.failures;
      if (failure) void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: {0}', describeProblem(failure)));
      return failure === undefined;
    }),
  );
}
