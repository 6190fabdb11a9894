import * as vscode from 'vscode';
import { loadCorpus } from '../../core/corpus/loadCorpus';
import { exportCorpus, selectDocuments } from '../../core/export/exportCorpus';
import { exportFormats, type ExportFormat } from '../../core/export/exportTypes';
import { openCorpus } from '../../node/openCorpus';
import { overwriteRefusal } from '../../node/exportMarker';
import { writeExport } from '../../node/writeExport';
import { printable } from '../../core/text/printable';
import { commandIds } from '../commandIds';

interface ExportArguments {
  readonly format?: ExportFormat;
  /** Where to write (a file, or a folder for brat); asked with a save dialog when missing. */
  readonly out?: string;
  /** Replace (true) or keep (false) an existing output that is not an earlier export of this format; asked when missing. */
  readonly force?: boolean;
}

const formatChoices: readonly { format: ExportFormat; label: string; detail: string; extension?: string }[] = [
  { format: 'yaml', label: 'Merged YAML', detail: 'One file: types, every document’s annotations with code-point offsets, totals.', extension: 'yaml' },
  { format: 'jsonl', label: 'doccano JSONL', detail: 'One line per document: text and [start, end, label] triples.', extension: 'jsonl' },
  { format: 'spacy', label: 'spaCy / Prodigy JSONL', detail: 'Text, tokens with whitespace flags, spans with token indices.', extension: 'jsonl' },
  { format: 'brat', label: 'brat standoff', detail: 'A folder of .txt/.ann pairs and annotation.conf.' },
  { format: 'conll', label: 'CoNLL-2003 (IOB2)', detail: 'One token per line, blank line between sentences; nested spans reduced to the outermost.', extension: 'conll' },
];

/** News Annotator: Export Annotations…: format, destination, then a cancellable export with progress. */
export function registerExportCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.exportAnnotations, async (args?: ExportArguments): Promise<string | undefined> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage('News Annotator: open a corpus folder first.');
      return undefined;
    }
    const format = args?.format ?? (await vscode.window.showQuickPick(formatChoices.map((choice) => ({ ...choice })), { title: 'Export annotations as…' }))?.format;
    if (!format || !(exportFormats as readonly string[]).includes(format)) return undefined;
    const choice = formatChoices.find((candidate) => candidate.format === format)!;
    const out =
      args?.out ??
      (
        await vscode.window.showSaveDialog({
          title: choice.extension ? `Export ${choice.label} to` : `Export ${choice.label} into a new folder named`,
          defaultUri: vscode.Uri.joinPath(folder.uri, '..', `${folder.name}-annotations${choice.extension ? `.${choice.extension}` : '-brat'}`),
          ...(choice.extension ? { filters: { [choice.label]: [choice.extension] } } : {}),
        })
      )?.fsPath;
    if (!out) return undefined;
    // Only an earlier export of the same format is replaced without asking (like `export --force`).
    const refusal = await overwriteRefusal(format, out);
    let force = args?.force === true;
    if (refusal && args?.force === false) {
      void vscode.window.showErrorMessage(`News Annotator: ${printable(refusal)}`);
      return undefined;
    }
    if (refusal && !force) {
      const replace = 'Replace';
      force = (await vscode.window.showWarningMessage(printable(refusal), { modal: true }, replace)) === replace;
      if (!force) return undefined;
    }

    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting ${choice.label}`, cancellable: true }, async (progress, token) => {
      const corpus = await openCorpus(folder.uri.fsPath);
      if ('error' in corpus) {
        void vscode.window.showErrorMessage(`News Annotator: ${corpus.error}`);
        return undefined;
      }
      let reported = 0;
      let cancelled = false;
      const load = await loadCorpus(corpus.store, corpus.files, {
        onProgress: (done, total) => {
          const percent = Math.floor((90 * done) / Math.max(1, total));
          progress.report({ message: `reading ${done} of ${total} files`, increment: percent - reported });
          reported = percent;
        },
      });
      cancelled = token.isCancellationRequested;
      if (cancelled) {
        void vscode.window.showInformationMessage('News Annotator: export cancelled; nothing was written.');
        return undefined;
      }
      progress.report({ message: 'writing', increment: 90 - reported });
      const result = exportCorpus(format, { documents: selectDocuments(load.documents, {}), config: corpus.config });
      const written = await writeExport(result, { out, corpusRoot: corpus.root, isCorpusFile: corpus.matcher, force });
      if (written) {
        void vscode.window.showErrorMessage(`News Annotator: ${printable(written)}`);
        return undefined;
      }
      const skipped = result.unplaced > 0 ? ` ${result.unplaced} annotation(s) not found in their text were left out (run Validate Corpus).` : '';
      const notes = result.notes.length > 0 ? ` ${result.notes.join(' ')}` : '';
      const message = `News Annotator: exported ${result.annotations} annotations of ${result.documents} documents as ${choice.label} to ${out}.${skipped}${notes}`;
      void vscode.window.showInformationMessage(message);
      return message;
    });
  });
}
