import * as vscode from 'vscode';
import { loadCorpus } from '../../core/corpus/loadCorpus';
import { exportCorpus, selectDocuments } from '../../core/export/exportCorpus';
import { exportFormats, type ExportFormat } from '../../core/export/exportTypes';
import { printable } from '../../core/text/printable';
import { commandIds } from '../commandIds';
import { pathOfUri, uriOfPath } from '../uriPaths';
import type { CorpusAccess } from './corpusAccess';

interface ExportArguments {
  readonly format?: ExportFormat;
  /** Where to write (a file, or a folder for brat): a path, or a URI (`vscode-vfs://...`) in the browser; asked with a save dialog when missing. */
  readonly out?: string;
  /** Replace (true) or keep (false) an existing output that is not an earlier export of this format; asked when missing. */
  readonly force?: boolean;
}

interface FormatChoice {
  readonly format: ExportFormat;
  readonly label: string;
  readonly detail: string;
  readonly extension?: string;
}

const formatChoices = (): readonly FormatChoice[] => [
  { format: 'yaml', label: vscode.l10n.t('Merged YAML'), detail: vscode.l10n.t('One file: types, every document’s annotations with code-point offsets, totals.'), extension: 'yaml' },
  { format: 'jsonl', label: vscode.l10n.t('doccano JSONL'), detail: vscode.l10n.t('One line per document: text and [start, end, label] triples.'), extension: 'jsonl' },
  { format: 'spacy', label: vscode.l10n.t('spaCy / Prodigy JSONL'), detail: vscode.l10n.t('Text, tokens with whitespace flags, spans with token indices.'), extension: 'jsonl' },
  { format: 'brat', label: vscode.l10n.t('brat standoff'), detail: vscode.l10n.t('A folder of .txt/.ann pairs and annotation.conf.') },
  { format: 'conll', label: vscode.l10n.t('CoNLL-2003 (IOB2)'), detail: vscode.l10n.t('One token per line, blank line between sentences; nested spans reduced to the outermost.'), extension: 'conll' },
];

/** A URI string as it is, else a path (`C:\\x` is a path: a scheme has two letters at least). */
function outputUri(out: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(out) ? vscode.Uri.parse(out) : uriOfPath(out);
}

/** News Annotator: Export Annotations…: format, destination, then a cancellable export with progress. */
export function registerExportCommand(access: CorpusAccess): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.exportAnnotations, async (args?: ExportArguments): Promise<string | undefined> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: open a corpus folder first.'));
      return undefined;
    }
    const choices = formatChoices();
    const format = args?.format ?? (await vscode.window.showQuickPick(choices.map((choice) => ({ ...choice })), { title: vscode.l10n.t('Export annotations as…') }))?.format;
    if (!format || !(exportFormats as readonly string[]).includes(format)) return undefined;
    const choice = choices.find((candidate) => candidate.format === format)!;
    const outUri =
      (args?.out !== undefined ? outputUri(args.out) : undefined) ??
      (await vscode.window.showSaveDialog({
        title: choice.extension ? vscode.l10n.t('Export {0} to', choice.label) : vscode.l10n.t('Export {0} into a new folder named', choice.label),
        defaultUri: vscode.Uri.joinPath(access.exportFolder(folder), `${folder.name}-annotations${choice.extension ? `.${choice.extension}` : '-brat'}`),
        ...(choice.extension ? { filters: { [choice.label]: [choice.extension] } } : {}),
      }));
    if (!outUri) return undefined;
    const out = pathOfUri(outUri);
    // Only an earlier export of the same format is replaced without asking (like `export --force`).
    const refusal = await access.overwriteRefusal(format, outUri);
    let force = args?.force === true;
    if (refusal && args?.force === false) {
      void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: {0}', printable(refusal)));
      return undefined;
    }
    if (refusal && !force) {
      const replace = vscode.l10n.t('Replace');
      force = (await vscode.window.showWarningMessage(printable(refusal), { modal: true }, replace)) === replace;
      if (!force) return undefined;
    }

    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}', choice.label), cancellable: true }, async (progress, token) => {
      const corpus = await access.open(folder);
      if ('error' in corpus) {
        void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: {0}', corpus.error));
        return undefined;
      }
      let reported = 0;
      let cancelled = false;
      const load = await loadCorpus(corpus.store, corpus.files, {
        onProgress: (done, total) => {
          const percent = Math.floor((90 * done) / Math.max(1, total));
          progress.report({ message: vscode.l10n.t('reading {0} of {1} files', done, total), increment: percent - reported });
          reported = percent;
        },
      });
      cancelled = token.isCancellationRequested;
      if (cancelled) {
        void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: export cancelled; nothing was written.'));
        return undefined;
      }
      progress.report({ message: vscode.l10n.t('writing'), increment: 90 - reported });
      const result = exportCorpus(format, { documents: selectDocuments(load.documents, {}), config: corpus.config });
      const written = await access.writeExport(result, { out: outUri, corpus, force });
      if (written) {
        void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: {0}', printable(written)));
        return undefined;
      }
      // The export's notes come from the core, which the command line shares: they stay English.
      const message = [
        vscode.l10n.t('News Annotator: exported {0} annotations of {1} documents as {2} to {3}.', result.annotations, result.documents, choice.label, out),
        ...(result.unplaced > 0 ? [vscode.l10n.t('{0} annotation(s) not found in their text were left out (run Validate Corpus).', result.unplaced)] : []),
        ...result.notes,
      ].join(' ');
      void vscode.window.showInformationMessage(message);
      return message;
    });
  });
}
