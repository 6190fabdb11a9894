/**
 * annotatorName.ts for the browser build (swapped in by scripts/build.mjs): a web worker can run
 * neither git nor ask the operating system who is logged in, so the name is the
 * `newsAnnotator.annotator` setting, else 'unknown'.
 */
import * as vscode from 'vscode';

export function annotatorName(): Promise<string> {
  const configured = vscode.workspace.getConfiguration('newsAnnotator').get<string>('annotator', '').trim();
  return Promise.resolve(configured || 'unknown');
}
