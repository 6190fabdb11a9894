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

/** A text document over a string, with VS Code's line and offset arithmetic (LF, CRLF, CR). */
export class FakeTextDocument {
  private lineStarts: number[] = [0];
  readonly version = 1;
  isDirty = false;
  readonly languageId = 'plaintext';
  constructor(readonly uri: Uri, private text: string) {
    this.indexLines();
  }

  private indexLines(): void {
    const starts = [0];
    const text = this.text;
    for (let index = 0; index < text.length; index++) {
      const unit = text.charCodeAt(index);
      if (unit === 0x0d) {
        if (text.charCodeAt(index + 1) === 0x0a) index++;
        starts.push(index + 1);
      } else if (unit === 0x0a) starts.push(index + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
  getText(range?: Range): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(this.text.length, Math.floor(offset)));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return new Position(low, clamped - this.lineStarts[low]);
  }
  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(this.lineStarts.length - 1, position.line));
    return Math.min(this.lineStarts[line] + position.character, this.lineEnd(line));
  }
  private lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    return this.text.charCodeAt(next - 2) === 0x0d && this.text.charCodeAt(next - 1) === 0x0a ? next - 2 : next - 1;
  }
  lineAt(lineOrPosition: number | Position): { text: string; range: Range } {
    const line = typeof lineOrPosition === 'number' ? lineOrPosition : lineOrPosition.line;
    const start = this.lineStarts[line];
    const end = this.lineEnd(line);
    return { text: this.text.slice(start, end), range: new Range(new Position(line, 0), new Position(line, end - start)) };
  }

  /**
   * Replaces UTF-16 [offset, offset + length) with `inserted`, as typing does, and returns the
   * change event VS Code would send (line starts are recomputed only from the edit on).
   */
  replace(offset: number, length: number, inserted: string): vscode.TextDocumentChangeEvent {
    const range = new Range(this.positionAt(offset), this.positionAt(offset + length));
    const splitsLineBreak = offset > 0 && this.text.charCodeAt(offset - 1) === 0x0d && this.text.charCodeAt(offset) === 0x0a;
    this.text = this.text.slice(0, offset) + inserted + this.text.slice(offset + length);
    if (length > 0 || /[\r\n]/.test(inserted) || splitsLineBreak) this.indexLines();
    else {
      const delta = inserted.length;
      // Typing on one line moves the starts of the lines after it only.
      const line = range.start.line;
      for (let index = line + 1; index < this.lineStarts.length; index++) this.lineStarts[index] += delta;
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
  /** The hover providers registered, in order. */
  readonly hoverProviders: vscode.HoverProvider[];
  /** Fires `onDidChangeTextEditorVisibleRanges` for an editor (after its ranges were changed). */
  scrolled(editor: FakeTextEditor): void;
  readonly Uri: typeof Uri;
}

export function fakeEditorApi(): FakeEditorApi {
  const editors: FakeTextEditor[] = [];
  const documents: FakeTextDocument[] = [];
  const hoverProviders: vscode.HoverProvider[] = [];
  const visibleRangesChanged = new EventEmitter<{ textEditor: FakeTextEditor; visibleRanges: readonly Range[] }>();
  const never = () => ({ dispose() {} });
  const configuration = { get: (_key: string, fallback?: unknown) => fallback, update: async () => {} };
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
      getConfiguration: () => configuration,
      onDidChangeConfiguration: never,
    },
    languages: {
      registerHoverProvider: (_selector: unknown, provider: vscode.HoverProvider) => {
        hoverProviders.push(provider);
        return disposable();
      },
    },
  };
  return {
    api,
    editors,
    documents,
    hoverProviders,
    scrolled: (editor) => visibleRangesChanged.fire({ textEditor: editor, visibleRanges: editor.visibleRanges }),
    Uri,
  };
}
