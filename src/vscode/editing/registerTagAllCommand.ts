import * as vscode from 'vscode';
import { findOccurrences, type OccurrenceOptions } from '../../core/editing/findOccurrences';
import { tagSpans } from '../../core/editing/tagActions';
import { isolateRightToLeft } from '../../core/text/bidiIsolate';
import { printable } from '../../core/text/printable';
import type { EntityType } from '../../core/project';
import { commandIds } from '../commandIds';
import { annotatorName } from './annotatorName';
import type { EditOutcome } from '../../workspace/fileEdit';
import { showErrorOfferingResolve } from '../conflict/registerConflictResolution';
import { describeProblem, prepareForTagging, selectedSpans } from './fileActions';
import { activeCorpusEditor, type TaggingContext } from './registerTaggingCommands';
import { pickEntityType } from './typePicker';
import { pathOfUri } from '../uriPaths';

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
  let caseButton: vscode.QuickInputButton | undefined;
  const refresh = () => {
    caseButton = {
      iconPath: new vscode.ThemeIcon(current.caseSensitive ? 'case-sensitive' : 'preserve-case'),
      tooltip: current.caseSensitive ? vscode.l10n.t('Match Case: on') : vscode.l10n.t('Match Case: off'),
    };
    const wordButton = {
      iconPath: new vscode.ThemeIcon(current.wholeWord ? 'whole-word' : 'symbol-text'),
      tooltip: current.wholeWord ? vscode.l10n.t('Whole Word: on') : vscode.l10n.t('Whole Word: off'),
    };
    quickPick.buttons = [caseButton, wordButton];
    quickPick.title = vscode.l10n.t(
      'Tag all occurrences of “{0}” ({1}, {2})',
      shown(query),
      current.caseSensitive ? vscode.l10n.t('match case') : vscode.l10n.t('any case'),
      current.wholeWord ? vscode.l10n.t('whole words') : vscode.l10n.t('anywhere in words'),
    );
  };
  quickPick.items = [
    { label: vscode.l10n.t('$(file) In this file'), scope: 'file' },
    { label: vscode.l10n.t('$(files) In every corpus file'), scope: 'corpus' },
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
      // The extension host hands back the button object it was given (tooltips are translated, so not those).
      if (button === caseButton) current = { ...current, caseSensitive: !current.caseSensitive };
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
  const [single] = trimmedQueries;
  const one = trimmedQueries.length === 1 && single !== undefined;
  const progressTitle = one ? vscode.l10n.t('Tagging “{0}” as {1}', shown(single), type) : vscode.l10n.t('Tagging {0} spellings as {1}', trimmedQueries.length, type);
  const label = one ? vscode.l10n.t('Tag all “{0}” as {1}', shown(single), type) : vscode.l10n.t('Tag all {0} spellings as {1}', trimmedQueries.length, type);
  const edits = uris.map((uri) => ({
    textPath: pathOfUri(uri),
    factory: (sidecar: Parameters<typeof tagSpans>[0], text: Parameters<typeof tagSpans>[1]) => {
      const spans = trimmedQueries.flatMap((query) => findOccurrences(text.text, query, options, text));
      return tagSpans(sidecar, text, spans, { type, annotator });
    },
  }));
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: progressTitle, cancellable: true }, (progress, token) =>
    context.workspace.edit(label, edits, {
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
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: select the text whose occurrences should be tagged.'));
      return 0;
    }
    const types = context.project.typesFor(active.editor.document.uri);
    const type: EntityType | undefined = args?.type
      ? types.find((candidate) => candidate.name === args.type)
      : await pickEntityType(types, context.swatches, vscode.l10n.t('Tag all “{0}” as…', shown(query)));
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
      void showErrorOfferingResolve(vscode.l10n.t('News Annotator: {0}', describeProblem(refusal)), refusal);
      return 0;
    }

    const uris = choice.scope === 'file' ? [active.editor.document.uri] : await context.indexes.corpusUris();
    const { changes, failures, added } = await tagOccurrencesInFiles(context, uris, [query], type.name, choice.options);
    const occurrences = added === 1 ? vscode.l10n.t('1 more occurrence') : vscode.l10n.t('{0} more occurrences', added);
    const message =
      choice.scope === 'file'
        ? vscode.l10n.t('News Annotator: tagged {0} of “{1}” as {2} in this file.', occurrences, shown(query), type.name)
        : vscode.l10n.t('News Annotator: tagged {0} of “{1}” as {2} in {3} of {4} corpus files.', occurrences, shown(query), type.name, changes.size, uris.length);
    if (failures.length > 0) void vscode.window.showWarningMessage(`${message} ${vscode.l10n.t('{0} file(s) were left unchanged: {1}', failures.length, describeProblem(failures[0]))}`);
    else void vscode.window.showInformationMessage(message);
    return added;
  });
}
