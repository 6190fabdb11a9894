/**
 * A working stand-in for the parts of the `vscode` API that the editor's painters use
 * (positions, ranges, a text document with line starts, a text editor that records what it is
 * given to paint, hovers), so the bench can run the real DecorationController, DocumentSession and
 * hover provider in plain Node. Only the JavaScript side is timed: what VS Code does with the
 * ranges after `setDecorations` (sending them to the window, drawing) is not part of it.
 */
import type * as vscode from 'vscode';

export class Position {
  constructor(readonly line: number, readonly character: number) {}
  isBefore(other: Position): boolean {
    return this.line < other.line || (this.line === other.line && this.character < other.character);
  }
  isAfter(other: Position): boolean {
    return other.isBefore(this);
  }
  isEqual(other: Position): boolean {
    return this.line === other.line && this.character === other.character;
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position, end: Position) {
    [this.start, this.end] = end.isBefore(start) ? [end, start] : [start, end];
  }
  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }
  contains(position: Position | Range): boolean {
    if (position instanceof Range) return this.contains(position.start) && this.contains(position.end);
    return !position.isBefore(this.start) && !position.isAfter(this.end);
  }
  intersection(other: Range): Range | undefined {
    const start = this.start.isBefore(other.start) ? other.start : this.start;
    const end = this.end.isBefore(other.end) ? this.end : other.end;
    return start.isAfter(end) ? undefined : new Range(start, end);
  }
}

class Uri {
  constructor(readonly fsPath: string) {}
  get path(): string {
    return this.fsPath;
  }
  get scheme(): string {
    return 'file';
  }
  toString(): string {
    return `file://${this.fsPath}`;
  }
  static file(fsPath: string): Uri {
    return new Uri(fsPath);
  }
  static parse(value: string): Uri {
    return new Uri(value.replace(/^file:\/\//, ''));
  }
}

type Listener<T> = (value: T) => unknown;

class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class MarkdownString {
  value = '';
  isTrusted: unknown;
  constructor(value = '', readonly supportThemeIcons = false) {
    this.value = value;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text;
    return this;
  }
}

/**
 * A text document kept as lines, as VS Code's extension host keeps it (so `lineAt` is cheap and
 * `getText` joins the lines), with its line and offset arithmetic (LF, CRLF, CR).
 */
export class FakeTextDocument {
  private lines: string[] = [];
  /** Each line's terminator ('' for the last). */
  private breaks: string[] = [];
  /** UTF-16 offset at which each line starts. */
  private lineStarts: number[] = [];
  readonly version = 1;
  isDirty = false;
  readonly languageId = 'plaintext';
  constructor(readonly uri: Uri, text: string) {
    this.setText(text);
  }

  private setText(text: string): void {
    this.lines = [];
    this.breaks = [];
    this.lineStarts = [];
    let start = 0;
    for (let index = 0; index < text.length; index++) {
      const unit = text.charCodeAt(index);
      if (unit !== 0x0a && unit !== 0x0d) continue;
      const crlf = unit === 0x0d && text.charCodeAt(index + 1) === 0x0a;
      this.lineStarts.push(start);
      this.lines.push(text.slice(start, index));
      this.breaks.push(crlf ? '\r\n' : text[index]);
      if (crlf) index++;
      start = index + 1;
    }
    this.lineStarts.push(start);
    this.lines.push(text.slice(start));
    this.breaks.push('');
  }

  get lineCount(): number {
    return this.lines.length;
  }
  getText(range?: Range): string {
    const text = this.lines.map((line, index) => line + this.breaks[index]).join('');
    return range ? text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }
  positionAt(offset: number): Position {
    const last = this.lines.length - 1;
    const clamped = Math.max(0, Math.min(this.lineStarts[last] + this.lines[last].length, Math.floor(offset)));
    let low = 0;
    let high = last;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return new Position(low, Math.min(clamped - this.lineStarts[low], this.lines[low].length));
  }
  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(this.lines.length - 1, position.line));
    return this.lineStarts[line] + Math.max(0, Math.min(position.character, this.lines[line].length));
  }
  lineAt(lineOrPosition: number | Position): { text: string; range: Range } {
    const line = typeof lineOrPosition === 'number' ? lineOrPosition : lineOrPosition.line;
    const text = this.lines[line];
    return { text, range: new Range(new Position(line, 0), new Position(line, text.length)) };
  }

  /**
   * Replaces UTF-16 [offset, offset + length) with `inserted`, as typing does, and returns the
   * change event VS Code would send.
   */
  replace(offset: number, length: number, inserted: string): vscode.TextDocumentChangeEvent {
    const range = new Range(this.positionAt(offset), this.positionAt(offset + length));
    const line = range.start.line;
    if (range.end.line === line && !/[\r\n]/.test(inserted)) {
      // Typing on one line: that line changes, the lines after it start further on.
      const text = this.lines[line];
      this.lines[line] = text.slice(0, range.start.character) + inserted + text.slice(range.end.character);
      const delta = inserted.length - length;
      for (let index = line + 1; index < this.lineStarts.length; index++) this.lineStarts[index] += delta;
    } else {
      const text = this.getText();
      this.setText(text.slice(0, offset) + inserted + text.slice(offset + length));
    }
    this.isDirty = true;
    const change = { range, rangeOffset: offset, rangeLength: length, text: inserted };
    return { document: this, contentChanges: [change], reason: undefined } as unknown as vscode.TextDocumentChangeEvent;
  }
}

/** An editor showing `document`, scrolled to `visibleRanges`; it keeps what it was asked to paint. */
export class FakeTextEditor {
  readonly painted = new Map<unknown, readonly vscode.DecorationOptions[]>();
  readonly selection = new Range(new Position(0, 0), new Position(0, 0));
  readonly selections = [this.selection];
  constructor(
    readonly document: FakeTextDocument,
    public visibleRanges: Range[],
  ) {}
  setDecorations(type: unknown, options: readonly vscode.DecorationOptions[]): void {
    this.painted.set(type, options);
  }
  /** How many ranges the editor was given in its last paint, over every decoration type. */
  paintedCount(): number {
    let count = 0;
    for (const options of this.painted.values()) count += options.length;
    return count;
  }
}

export interface FakeEditorApi {
  readonly api: Record<string, unknown>;
  readonly editors: FakeTextEditor[];
  readonly documents: FakeTextDocument[];
  /** The hover and inlay-hint providers registered, in order. */
  readonly hoverProviders: vscode.HoverProvider[];
  readonly inlayHintProviders: vscode.InlayHintsProvider[];
  /** Settings `getConfiguration(section).get(key)` answers, by `section.key`; the caller's fallback otherwise. */
  readonly settings: Map<string, unknown>;
  /** Fires `onDidChangeTextEditorVisibleRanges` for an editor (after its ranges were changed). */
  scrolled(editor: FakeTextEditor): void;
  readonly Uri: typeof Uri;
}

export function fakeEditorApi(): FakeEditorApi {
  const editors: FakeTextEditor[] = [];
  const documents: FakeTextDocument[] = [];
  const hoverProviders: vscode.HoverProvider[] = [];
  const inlayHintProviders: vscode.InlayHintsProvider[] = [];
  const settings = new Map<string, unknown>();
  const visibleRangesChanged = new EventEmitter<{ textEditor: FakeTextEditor; visibleRanges: readonly Range[] }>();
  const never = () => ({ dispose() {} });
  const configuration = (section?: string) => ({ get: (key: string, fallback?: unknown) => settings.get(section === undefined ? key : `${section}.${key}`) ?? fallback, update: async () => {} });
  const format = (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)]));
  const disposable = (dispose: () => void = () => {}) => ({ dispose });
  const api: Record<string, unknown> = {
    Position,
    Range,
    Uri,
    EventEmitter,
    MarkdownString,
    Hover: class Hover {
      constructor(readonly contents: MarkdownString, readonly range?: Range) {}
    },
    InlayHint: class InlayHint {
      paddingLeft?: boolean;
      tooltip?: string;
      constructor(readonly position: Position, readonly label: string) {}
    },
    ThemeColor: class ThemeColor {
      constructor(readonly id: string) {}
    },
    Disposable: Object.assign(class Disposable {
      constructor(private readonly callOnDispose: () => void) {}
      dispose(): void {
        this.callOnDispose();
      }
    }, { from: (...items: { dispose(): unknown }[]) => disposable(() => items.forEach((item) => item.dispose())) }),
    OverviewRulerLane: { Left: 1, Center: 2, Right: 4, Full: 7 },
    DecorationRangeBehavior: { OpenOpen: 0, ClosedClosed: 1, OpenClosed: 2, ClosedOpen: 3 },
    l10n: { t: format },
    window: {
      get visibleTextEditors() {
        return editors;
      },
      get activeTextEditor() {
        return editors[0];
      },
      createTextEditorDecorationType: () => disposable(),
      onDidChangeVisibleTextEditors: never,
      onDidChangeActiveTextEditor: never,
      onDidChangeTextEditorVisibleRanges: visibleRangesChanged.event,
    },
    workspace: {
      get textDocuments() {
        return documents;
      },
      getConfiguration: (section?: string) => configuration(section),
      onDidChangeConfiguration: never,
    },
    languages: {
      registerHoverProvider: (_selector: unknown, provider: vscode.HoverProvider) => {
        hoverProviders.push(provider);
        return disposable();
      },
      registerInlayHintsProvider: (_selector: unknown, provider: vscode.InlayHintsProvider) => {
        inlayHintProviders.push(provider);
        return disposable();
      },
    },
  };
  return {
    api,
    editors,
    documents,
    hoverProviders,
    inlayHintProviders,
    settings,
    scrolled: (editor) => visibleRangesChanged.fire({ textEditor: editor, visibleRanges: editor.visibleRanges }),
    Uri,
  };
}
