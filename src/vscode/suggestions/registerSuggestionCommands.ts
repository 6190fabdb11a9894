import * as vscode from 'vscode';
import type { Suggestion } from '../../core/sidecar/model';
import { gazetteerFromText } from '../../core/suggest/gazetteerFromText';
import { acceptSuggestions, openSuggestions, rejectSuggestions, sameEntity } from '../../core/suggest/suggestionActions';
import { isolateRightToLeft } from '../../core/text/bidiIsolate';
import { printable } from '../../core/text/printable';
import { suggestCorpus } from '../../workspace/suggestCorpus';
import { commandIds } from '../commandIds';
import type { DocumentSession } from '../documents/documentSession';
import { annotatorName } from '../editing/annotatorName';
import { describeProblem, prepareForTagging } from '../editing/fileActions';
import { activeCorpusEditor, type TaggingContext } from '../editing/registerTaggingCommands';
import { pathOfUri, uriOfPath } from '../uriPaths';

interface SuggestionArguments {
  readonly uri?: string;
  readonly id?: string;
  /** Accept All: `file` or `corpus` (the corpus without asking for confirmation). */
  readonly scope?: 'file' | 'corpus';
}

const shown = (text: string) => isolateRightToLeft(printable(text));

/** The suggestion a hover link names, or the one at the cursor (the innermost). */
async function targetSuggestion(context: TaggingContext, args: SuggestionArguments | undefined): Promise<{ editor: vscode.TextEditor; session: DocumentSession; suggestion: Suggestion } | undefined> {
  let editor: vscode.TextEditor | undefined;
  if (args?.uri) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
    editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document) ?? (await vscode.window.showTextDocument(document));
  }
  const active = editor ? { editor, session: await context.documents.sessionFor(editor.document) } : await activeCorpusEditor(context.documents);
  if (!active?.session) return undefined;
  const { session } = active;
  const open = openSuggestions(session.sidecar, session.text);
  let suggestion: Suggestion | undefined;
  if (args?.id) suggestion = open.find((candidate) => candidate.id === args.id);
  else {
    const cursor = session.text.toCodePoint(active.editor.document.offsetAt(active.editor.selection.active));
    suggestion = open.filter((candidate) => candidate.start <= cursor && cursor <= candidate.end).sort((left, right) => left.end - left.start - (right.end - right.start))[0];
  }
  if (!suggestion) {
    void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: there is no suggestion at the cursor.'));
    return undefined;
  }
  return { editor: active.editor, session, suggestion };
}

function reportFailures(failures: readonly { message: string; file: string; line: number; column: number }[]): void {
  const first = failures[0];
  if (first) void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: the suggestion was not changed. {0}', describeProblem(first)));
}

export function registerSuggestionCommands(context: TaggingContext): vscode.Disposable {
  const accept = async (args?: SuggestionArguments): Promise<number> => {
    const target = await targetSuggestion(context, args);
    if (!target) return 0;
    const refusal = await prepareForTagging(target.editor, target.session);
    if (refusal) return reportFailures([refusal]), 0;
    const annotator = await annotatorName();
    const ids = new Set([target.suggestion.id]);
    const outcome = await context.workspace.edit(vscode.l10n.t('Accept suggestion {0}', target.suggestion.type), [
      { textPath: pathOfUri(target.editor.document.uri), factory: (sidecar, text) => acceptSuggestions(sidecar, text, ids, { annotator }) },
    ]);
    if (outcome.failures.length > 0) return reportFailures(outcome.failures), 0;
    return outcome.added;
  };

  const reject = async (args?: SuggestionArguments): Promise<number> => {
    const target = await targetSuggestion(context, args);
    if (!target) return 0;
    const ids = new Set([target.suggestion.id]);
    const outcome = await context.workspace.edit(vscode.l10n.t('Reject suggestion {0}', target.suggestion.type), [
      { textPath: pathOfUri(target.editor.document.uri), factory: (sidecar) => rejectSuggestions(sidecar, ids) },
    ]);
    if (outcome.failures.length > 0) return reportFailures(outcome.failures), 0;
    return outcome.changes.size;
  };

  const acceptAll = async (args?: SuggestionArguments): Promise<number> => {
    const target = await targetSuggestion(context, args);
    if (!target) return 0;
    const { suggestion } = target;
    let scope = args?.scope;
    if (scope === undefined) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('$(file) In this file'), scope: 'file' as const },
          { label: vscode.l10n.t('$(files) In every corpus file'), scope: 'corpus' as const },
        ],
        { title: vscode.l10n.t('Accept every suggestion “{0}” ({1})', shown(suggestion.text), suggestion.type) },
      );
      if (!picked) return 0;
      if (picked.scope === 'corpus') {
        const yes = vscode.l10n.t('Accept All');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Accept every open suggestion “{0}” ({1}) in every corpus file?', shown(suggestion.text), suggestion.type),
          { modal: true },
          yes,
        );
        if (answer !== yes) return 0;
      }
      scope = picked.scope;
    }
    const refusal = await prepareForTagging(target.editor, target.session);
    if (refusal) return reportFailures([refusal]), 0;
    const annotator = await annotatorName();
    const uris = scope === 'file' ? [target.editor.document.uri] : await context.indexes.corpusUris();
    const label = vscode.l10n.t('Accept all “{0}” ({1})', shown(suggestion.text), suggestion.type);
    const edits = uris.map((uri) => ({
      textPath: pathOfUri(uri),
      factory: (sidecar: Parameters<typeof acceptSuggestions>[0], text: Parameters<typeof acceptSuggestions>[1]) =>
        acceptSuggestions(sidecar, text, sameEntity(openSuggestions(sidecar, text), suggestion), { annotator }),
    }));
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: label, cancellable: true }, (progress, token) =>
      context.workspace.edit(label, edits, {
        report: (_done, total, textPath) => progress.report({ message: vscode.workspace.asRelativePath(textPath), increment: 100 / total }),
        isCancelled: () => token.isCancellationRequested,
      }),
    );
    if (outcome.failures.length > 0) reportFailures(outcome.failures);
    vscode.window.setStatusBarMessage(vscode.l10n.t('News Annotator: accepted {0} suggestion(s) in {1} file(s)', outcome.added, outcome.changes.size), 3000);
    return outcome.added;
  };

  const move = async (direction: 1 | -1): Promise<boolean> => {
    const active = await activeCorpusEditor(context.documents);
    if (!active) return false;
    const { editor, session } = active;
    const open = openSuggestions(session.sidecar, session.text);
    if (open.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: this file has no open suggestions.'));
      return false;
    }
    const cursor = session.text.toCodePoint(editor.document.offsetAt(editor.selection.start));
    const next = direction === 1 ? open.find((item) => item.start > cursor) ?? open[0] : [...open].reverse().find((item) => item.start < cursor) ?? open[open.length - 1];
    const start = editor.document.positionAt(session.text.toUtf16(next.start));
    const end = editor.document.positionAt(session.text.toUtf16(next.end));
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  };

  const fromGazetteer = async (args?: { gazetteer?: string }): Promise<number> => {
    const picked = args?.gazetteer
      ? [uriOfPath(args.gazetteer)]
      : await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Suggest from This Gazetteer'), filters: { [vscode.l10n.t('Gazetteers')]: ['tsv', 'csv', 'txt'] } });
    const file = picked?.[0];
    if (!file) return 0;
    const fileName = file.path.slice(file.path.lastIndexOf('/') + 1);
    const status = await vscode.workspace.fs.stat(file);
    if (status.size > 256 * 1024 * 1024) {
      void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: {0} is too large for a gazetteer (over 256 MB).', fileName));
      return 0;
    }
    const read = gazetteerFromText(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file)), vscode.workspace.asRelativePath(file), fileName);
    const uris = await context.indexes.corpusUris();
    const knownTypes = new Set(context.project.allTypes().map((type) => type.name));
    const label = vscode.l10n.t('Suggest from {0}', fileName);
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: label, cancellable: true }, (progress, token) => {
      let last = 0;
      return suggestCorpus(
        context.workspace,
        uris.map((uri) => pathOfUri(uri)),
        {
          entries: read.entries,
          ignoreCase: false,
          knownTypes,
          dryRun: false,
          label,
          progress: {
            report: (done, total) => {
              const share = (100 * done) / Math.max(1, total) / 2;
              if (share > last) progress.report({ increment: share - last });
              last = share;
            },
            isCancelled: () => token.isCancellationRequested,
          },
        },
      );
    });
    const problems = [...read.problems, ...outcome.problems];
    const message = vscode.l10n.t('News Annotator: {0} suggestion(s) added in {1} file(s).', outcome.added, outcome.files.length);
    if (problems.length > 0) void vscode.window.showWarningMessage(`${message} ${vscode.l10n.t('{0} problem(s), the first: {1}', problems.length, describeProblem(problems[0]))}`);
    else void vscode.window.showInformationMessage(message);
    return outcome.added;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.acceptSuggestion, accept),
    vscode.commands.registerCommand(commandIds.rejectSuggestion, reject),
    vscode.commands.registerCommand(commandIds.acceptAllSuggestions, acceptAll),
    vscode.commands.registerCommand(commandIds.nextSuggestion, () => move(1)),
    vscode.commands.registerCommand(commandIds.previousSuggestion, () => move(-1)),
    vscode.commands.registerCommand(commandIds.suggestFromGazetteer, fromGazetteer),
  );
}
