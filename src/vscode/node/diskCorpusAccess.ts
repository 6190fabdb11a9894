/**
 * Validate and Export on the desktop: the corpus opened from the local disk as the command line
 * opens it, exports written by the command line's writer (atomic, streamed, copies by the file
 * system). Node-only, so it lives in src/vscode/node/.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { overwriteRefusal } from '../../node/exportMarker';
import { openCorpus } from '../../node/openCorpus';
import { writeExport } from '../../node/writeExport';
import type { CorpusAccess } from '../corpusActions/corpusAccess';

export const diskCorpusAccess: CorpusAccess = {
  open: (folder) => openCorpus(folder.uri.fsPath),
  fullPath: (corpus, relative) => path.join(corpus.root, ...relative.split('/')),
  exportFolder: (folder) => vscode.Uri.joinPath(folder.uri, '..'),
  overwriteRefusal: (format, out) => overwriteRefusal(format, out.fsPath),
  writeExport: (output, { out, corpus, force }) => writeExport(output, { out: out.fsPath, corpusRoot: corpus.root, isCorpusFile: corpus.matcher, force }),
};
