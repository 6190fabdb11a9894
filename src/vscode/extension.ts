import * as vscode from 'vscode';
import { registerCorpusView } from './corpus/registerCorpusView';
import { registerTagsView } from './tags/registerTagsView';

/** What the extension hands to `vscode.extensions.getExtension(...).exports`: used by the integration tests. */
export interface NewsAnnotatorApi {
  corpusFiles(): Promise<readonly string[]>;
}

/** Composition root: each feature registers itself and returns one Disposable. */
export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const corpusView = registerCorpusView();
  context.subscriptions.push(corpusView, registerTagsView());
  return {
    corpusFiles: async () => (await corpusView.files()).map((file) => file.label),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
