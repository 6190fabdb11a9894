import * as vscode from 'vscode';
import { findOccurrences, type OccurrenceOptions } from '../../core/editing/findOccurrences';
import { tagSpans } from '../../core/editing/tagActions';
import { isolateRightToLeft } from '../../core/text/bidiIsolate';
import { printable } from '../../core/text/printable';
import type { EntityType } from '../../core/project';
import { commandIds } from '../commandIds';
import { annotatorName } from './annotatorName';
import type { EditOutcome } from '../../workspace/fileEdit';
import { describeProblem, prepareForTagging, selectedSpans } from './fileActions';
import { activeCorpusEditor, type TaggingContext } from './registerTaggingCommands';
import { pickEntityType } from './typePicker';

type Scope = 'file' | 'corpus';

/** File text in a title or message: escaped, and isolated when right-to-left (see bidiIsolate.ts). */
function shown(text: string): string {
  return isolateRightToLeft(printable(text));
}

interface TagAllArguments {
  readonly type?: string;
  readonly scope?: Scope;
  readonly wholeWord?: boolean;
  readonly caseSensitive?: boolean;
}

interface ScopeChoice {
  scope: Scope;
  options: OccurrenceOptions;
}

/** Scope QuickPick with Match Case and Whole Word toggles, like the editor's own find widget. */
function pickScope(query: string, options: OccurrenceOptions): Promise<ScopeChoice | undefined> {
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { scope: Scope }>();
  let current = { ...options };
  const caseButton = () => ({ iconPath: new vscode.ThemeIcon(current.caseSensitive ? 'case-sensitive' : 'preserve-case'), tooltip: current.caseSensitive ? 'Match Case: on' : 'Match Case: off' });
  const wordButton = () => ({ iconPath: new vscode.ThemeIcon(current.wholeWord ? 'whole-word' : 'symbol-text'), tooltip: current.wholeWord ? 'Whole Word: on' : 'Whole Word: off' });
  const refresh = () => {
    quickPick.buttons = [caseButton(), wordButton()];
    quickPick.title = `Tag all occurrences of “${shown(query)}” (${current.caseSensitive ? 'match case' : 'any case'}, ${current.wholeWord ? 'whole words' : 'anywhere in words'})`;
  };
  quickPick.items = [
    { label: '$(file) In this file', scope: 'file' },
    { label: '$(files) In every corpus file', scope: 'corpus' },
  ];
  refresh();
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: ScopeChoice | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      quickPick.dispose();
    };
    quickPick.onDidTriggerButton((button) => {
      if (button.tooltip?.startsWith('Match Case')) current = { ...current, caseSensitive: !current.caseSensitive };
      else current = { ...current, wholeWord: !current.wholeWord };
      refresh();
    });
    quickPick.onDidAccept(() => {
      const item = quickPick.selectedItems[0];
      finish(item ? { scope: item.scope, options: current } : undefined);
    });
    quickPick.onDidHide(() => finish(undefined));
    quickPick.show();
  });
}

/**
 * Tags every untagged occurrence of each query in the given files as `type`, with a cancellable
 * progress notification; what it added is one undo step. Shared by Tag All Occurrences and the
 * Tags view's "Tag Untagged Occurrences".
 */
export async function tagOccurrencesInFiles(
  context: TaggingContext,
  uris: readonly vscode.Uri[],
  queries: readonly string[],
  type: string,
  options: OccurrenceOptions,
): Promise<EditOutcome> {
  const annotator = await annotatorName();
  // A query with white space at its ends would tag spans that start or end with it.
  const trimmedQueries = [...new Set(queries.map((query) => query.trim()).filter((query) => query !== ''))];
  const label = trimmedQueries.length === 1 ? `“${shown(trimmedQueries[0])}”` : `${trimmedQueries.length} spellings`;
  const edits = uris.map((uri) => ({
    textPath: uri.fsPath,
    factory: (sidecar: Parameters<typeof tagSpans>[0], text: Parameters<typeof tagSpans>[1]) => {
      const spans = trimmedQueries.flatMap((query) => findOccurrences(text.text, query, options, text));
      return tagSpans(sidecar, text, spans, { type, annotator });
    },
  }));
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Tagging ${label} as ${type}`, cancellable: true }, (progress, token) =>
    context.workspace.edit(`Tag all ${label} as ${type}`, edits, {
      report: (_done, total, textPath) => progress.report({ message: vscode.workspace.asRelativePath(textPath), increment: 100 / total }),
      isCancelled: () => token.isCancellationRequested,
    }),
  );
}

export function registerTagAllCommand(context: TaggingContext): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.tagAllOccurrences, async (args?: TagAllArguments): Promise<number> => {
    const active = await activeCorpusEditor(context.documents);
    if (!active) return 0;
    const [span] = selectedSpans(active.editor, active.session);
    const query = span ? active.session.text.slice(span.start, span.end) : '';
    if (!query.trim()) {
      void vscode.window.showInformationMessage('News Annotator: select the text whose occurrences should be tagged.');
      return 0;
    }
    const types = context.project.typesFor(active.editor.document.uri);
    const type: EntityType | undefined = args?.type
      ? types.find((candidate) => candidate.name === args.type)
      : await pickEntityType(types, context.swatches, `Tag all “${shown(query)}” as…`);
    if (!type) return 0;
    const settings = vscode.workspace.getConfiguration('newsAnnotator.tagAll');
    const defaults: OccurrenceOptions = {
      wholeWord: args?.wholeWord ?? settings.get<boolean>('wholeWord', true),
      caseSensitive: args?.caseSensitive ?? settings.get<boolean>('caseSensitive', true),
    };
    const choice = args?.scope ? { scope: args.scope, options: defaults } : await pickScope(query, defaults);
    if (!choice) return 0;
    const refusal = await prepareForTagging(active.editor, active.session);
    if (refusal) {
      void vscode.window.showErrorMessage(`News Annotator: ${describeProblem(refusal)}`);
      return 0;
    }

    const uris = choice.scope === 'file' ? [active.editor.document.uri] : await context.indexes.corpusUris();
    const { changes, failures, added } = await tagOccurrencesInFiles(context, uris, [query], type.name, choice.options);
    const where = choice.scope === 'file' ? 'in this file' : `in ${changes.size} of ${uris.length} corpus files`;
    const message = `News Annotator: tagged ${added} more occurrence${added === 1 ? '' : 's'} of “${shown(query)}” as ${type.name} ${where}.`;
    if (failures.length > 0) void vscode.window.showWarningMessage(`${message} ${failures.length} file(s) were left unchanged: ${describeProblem(failures[0])}`);
    else void vscode.window.showInformationMessage(message);
    return added;
  });
}
