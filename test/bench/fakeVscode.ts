/**
 * Just enough of the `vscode` module to time `require` + `activate()` of the bundled extension in
 * plain Node (the benchmark's "activation, no corpus" figure). Every API the extension touches at
 * start-up answers with an inert object; no workspace folder is open.
 */
type Anything = ((...args: unknown[]) => unknown) & Record<string | symbol, unknown>;

function inert(): Anything {
  const handler: ProxyHandler<Anything> = {
    get(_target, property) {
      if (property === 'then') return undefined; // not a promise: `await` gives the object itself
      if (property === Symbol.iterator) return function* empty() {};
      if (property === Symbol.toPrimitive) return () => '';
      return proxy;
    },
    set: () => true,
    apply: () => proxy,
    construct: () => proxy,
  };
  const proxy: Anything = new Proxy(function inertFunction() {} as Anything, handler);
  return proxy;
}

// The bundle reads the module through esbuild's ES-module interop, which copies own property
// names: every API name the extension uses must therefore be a real key.
const apiNames = [
  'EventEmitter', 'Disposable', 'Uri', 'ThemeIcon', 'ThemeColor', 'TreeItem', 'TreeItemCollapsibleState', 'Range', 'Position',
  'Selection', 'Diagnostic', 'DiagnosticSeverity', 'CodeAction', 'CodeActionKind', 'MarkdownString', 'Hover', 'StatusBarAlignment',
  'OverviewRulerLane', 'DecorationRangeBehavior', 'ProgressLocation', 'ConfigurationTarget', 'RelativePattern',
  'TextEditorRevealType', 'QuickPickItemKind', 'commands', 'languages', 'env', 'extensions', 'l10n',
];

export function fakeVscode(): Record<string, unknown> {
  const anything = inert();
  const event = () => ({ dispose() {} });
  const configuration = { get: (_key: string, fallback?: unknown) => fallback, update: async () => {} };
  const withFallback = <T extends object>(target: T): T =>
    new Proxy(target, { get: (object, property) => (property in object ? (object as Record<string | symbol, unknown>)[property] : anything) });
  const api: Record<string, unknown> = Object.fromEntries(apiNames.map((name) => [name, anything]));
  api.workspace = withFallback({
    workspaceFolders: undefined,
    textDocuments: [],
    getConfiguration: () => configuration,
    onDidOpenTextDocument: event,
    onDidCloseTextDocument: event,
    onDidChangeTextDocument: event,
    onDidSaveTextDocument: event,
    onDidChangeConfiguration: event,
    onDidChangeWorkspaceFolders: event,
  });
  api.window = withFallback({ visibleTextEditors: [], activeTextEditor: undefined, onDidChangeVisibleTextEditors: event, onDidChangeActiveTextEditor: event });
  return api;
}
