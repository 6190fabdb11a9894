/** `require` of the bundled extension plus `activate()`, with a stand-in `vscode` and no corpus. */
import Module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fakeVscode } from '../fakeVscode';
import type { Figure } from '../report';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

export function activationFigure(root: string): Figure {
  const moduleWithLoad = Module as unknown as { _load: Loader };
  const originalLoad = moduleWithLoad._load;
  const vscode = fakeVscode();
  moduleWithLoad._load = (request, parent, isMain) => (request === 'vscode' ? vscode : originalLoad(request, parent, isMain));
  try {
    const bundle = path.join(root, 'dist', 'extension.js');
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const extension = require(bundle) as { activate(context: unknown): unknown };
    extension.activate({ subscriptions: [], globalStorageUri: { fsPath: '/tmp' }, extensionUri: {}, extensionPath: root });
    const value = performance.now() - started;
    return { name: 'activation (bundle require + activate, no corpus)', corpus: '-', value, unit: 'ms', target: { kind: 'absolute', limit: 50 } };
  } finally {
    moduleWithLoad._load = originalLoad;
  }
}
