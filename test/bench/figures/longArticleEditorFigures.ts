/**
 * A long article in the editor (issue 16, item 3): 2 MB of text with 20,000 tags, through the
 * extension's own code (DocumentSession, DecorationController, the hover provider) over a
 * stand-in `vscode` API (fakeEditorApi.ts). Timed: opening the file until every type's ranges
 * are handed to `setDecorations`; each keystroke (spans shifted, then repainted); a hover; and
 * the Tags view's levels for that file (the core calls its tree provider makes). What VS Code
 * does with the ranges after `setDecorations` is outside these figures. The editor code is bundled
 * as the extension ships it.
 */
import { buildSync } from 'esbuild';
import Module from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as vscode from 'vscode';
import { CorpusIndex } from '../../../src/core/index/corpusIndex';
import { entryFromSidecar } from '../../../src/core/index/indexEntry';
import { LineIndex } from '../../../src/core/index/lineOf';
import { TagsTree } from '../../../src/core/index/tagsTree';
import type { EntityType } from '../../../src/core/project';
import { FoldersFileSystem } from '../../../src/node/foldersFileSystem';
import { AnnotationWorkspace } from '../../../src/workspace/annotationWorkspace';
import type { DecorationController as DecorationControllerClass } from '../../../src/vscode/decorations/decorationController';
import type { DocumentSession as DocumentSessionClass } from '../../../src/vscode/documents/documentSession';
import type { registerAnnotationHover as registerAnnotationHoverFunction } from '../../../src/vscode/decorations/annotationHover';
import type { registerLabelInlayHints as registerLabelInlayHintsFunction } from '../../../src/vscode/decorations/labelInlayHints';
import { fakeEditorApi, FakeTextDocument, FakeTextEditor, Position, Range, type FakeEditorApi } from '../fakeEditorApi';
import { collectGarbage, median, percentile } from '../measure';
import type { Figure } from '../report';
import { writeLongArticle, type LongArticleSize } from './longArticleFigures';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

interface EditorCode {
  DecorationController: typeof DecorationControllerClass;
  DocumentSession: typeof DocumentSessionClass;
  registerAnnotationHover: typeof registerAnnotationHoverFunction;
  registerLabelInlayHints: typeof registerLabelInlayHintsFunction;
}

/**
 * Bundles the editor modules as the extension ships them (one esbuild bundle: calls between
 * modules are plain calls, not the getters of one-to-one transpiled files, which cost more than
 * the work in a loop over 20,000 tags) and loads them with `vscode` answered by `fake`.
 */
function loadEditorCode(fake: FakeEditorApi, folder: string): EditorCode {
  const root = path.resolve(__dirname, '..', '..', '..', '..');
  const entry = [
    "export { DecorationController } from './src/vscode/decorations/decorationController';",
    "export { DocumentSession } from './src/vscode/documents/documentSession';",
    "export { registerAnnotationHover } from './src/vscode/decorations/annotationHover';",
    "export { registerLabelInlayHints } from './src/vscode/decorations/labelInlayHints';",
  ].join('\n');
  const bundle = path.join(folder, 'editor-bundle.js');
  buildSync({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outfile: bundle, logLevel: 'warning' });
  const moduleWithLoad = Module as unknown as { _load: Loader };
  const originalLoad = moduleWithLoad._load;
  moduleWithLoad._load = (request, parent, isMain) => (request === 'vscode' ? fake.api : originalLoad(request, parent, isMain));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(bundle) as EditorCode;
  } finally {
    moduleWithLoad._load = originalLoad;
  }
}

const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948'];
const types: EntityType[] = ['PERSON', 'ORG', 'LOCATION', 'DATE', 'EVENT', 'MISC'].map((name, index) => ({ name, color: { light: palette[index], dark: palette[index] } }));

/** Lines an editor window shows at once, about what a laptop screen holds. */
const screenLines = 50;

export async function longArticleEditorFigures(size: LongArticleSize, runs: number, keystrokes: number): Promise<Figure[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-long-editor-'));
  const fake = fakeEditorApi();
  try {
    const article = writeLongArticle(folder, size);
    const label = `${(Buffer.byteLength(article.text) / 1e6).toFixed(1)} MB article, ${size.tags.toLocaleString('en')} tags`;
    const code = loadEditorCode(fake, folder);
    const workspace = new AnnotationWorkspace(new FoldersFileSystem(() => [folder]));
    const uri = fake.Uri.file(article.textPath);
    const changed = new (fake.api.EventEmitter as typeof vscode.EventEmitter)<vscode.Uri>();
    let session: DocumentSessionClass | undefined;
    const documents = { onDidChange: changed.event, loadedSession: () => session, all: () => (session ? [session] : []) };
    const project = { allTypes: () => types, typesFor: () => types, guidelinesFor: () => undefined, onDidChange: () => ({ dispose() {} }) };
    // Stand-ins with just what the painters and the hover call.
    type Documents = ConstructorParameters<EditorCode['DecorationController']>[0];
    type Project = ConstructorParameters<EditorCode['DecorationController']>[1];
    const controller = new code.DecorationController(documents as unknown as Documents, project as unknown as Project);
    code.registerAnnotationHover(documents as unknown as Documents, project as unknown as Project);
    const hover = fake.hoverProviders[0];
    code.registerLabelInlayHints(documents as unknown as Documents);
    const labelHints = fake.inlayHintProviders[0];

    // Open: a new session reads and places the sidecar, then the first paint. Each run opens the
    // file afresh (a new document, session and editor), as reopening it would.
    const opens: number[] = [];
    const placings: number[] = [];
    const paints: number[] = [];
    let document!: FakeTextDocument;
    let editor!: FakeTextEditor;
    for (let run = 0; run < runs; run++) {
      collectGarbage();
      document = new FakeTextDocument(uri, readFileSync(article.textPath, 'utf8'));
      const cursorLine = Math.floor(document.lineCount / 20);
      editor = new FakeTextEditor(document, [new Range(new Position(cursorLine - screenLines / 2, 0), new Position(cursorLine + screenLines / 2, 0))]);
      fake.documents.splice(0, fake.documents.length, document);
      fake.editors.splice(0, fake.editors.length, editor);
      const started = performance.now();
      session = new code.DocumentSession(uri as unknown as vscode.Uri, workspace, document as unknown as vscode.TextDocument);
      await session.reload(document as unknown as vscode.TextDocument);
      const placed = performance.now();
      controller.paintAll();
      const painted = performance.now();
      opens.push(painted - started);
      placings.push(placed - started);
      paints.push(painted - placed);
    }
    const firstPaintRanges = editor.paintedCount();

    // Typing: one character at a time on a line a twentieth into the article, so nearly every
    // tag lies after the cursor and moves; each keystroke's spans shifted, then repainted.
    const cursorLine = Math.floor(document.lineCount / 20);
    let cursor = document.offsetAt(new Position(cursorLine, 3));
    const typed = 'the council met again ';
    const latencies: number[] = [];
    const shifts: number[] = [];
    collectGarbage();
    for (let index = 0; index < keystrokes; index++) {
      const event = document.replace(cursor, 0, typed[index % typed.length]);
      cursor += 1;
      const started = performance.now();
      session!.applyEdit(event);
      const shifted = performance.now();
      controller.paintAll();
      latencies.push(performance.now() - started);
      shifts.push(shifted - started);
    }
    // The session followed the typing without reading the document again: check it kept up.
    if (session!.text.text !== document.getText()) throw new Error('bench: the text of the session is not the text of the document after typing');
    const typedTag = session!.live.find((item) => item.state === 'ok' && item.start > session!.text.toCodePoint(cursor))!;
    if (session!.text.slice(typedTag.start, typedTag.end) !== typedTag.annotation.text) throw new Error('bench: a tag after the typing lost its text');

    // Saving what was typed: the text is written (VS Code's part, not timed), then the session
    // writes the moved spans through the store (the sidecar's one write path) and reloads.
    writeFileSync(article.textPath, document.getText());
    document.isDirty = false;
    const saveStarted = performance.now();
    const saved = await session!.writeAfterSave(document as unknown as vscode.TextDocument);
    const save = performance.now() - saveStarted;
    if (!saved?.ok) throw new Error(`bench: saving the typed article failed: ${saved && !saved.ok ? saved.problems[0]?.message : 'nothing written'}`);

    // Hover: the provider over a tagged word on the visible lines.
    const live = session!.live.find((item) => item.state === 'ok' && document.positionAt(session!.text.toUtf16(item.start)).line > cursorLine + 2)!;
    const hoverAt = document.positionAt(session!.text.toUtf16(live.start) + 1);
    const cancel = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
    const hovers: number[] = [];
    for (let run = 0; run < 20; run++) {
      const started = performance.now();
      const answer = hover.provideHover(document as unknown as vscode.TextDocument, hoverAt as unknown as vscode.Position, cancel);
      hovers.push(performance.now() - started);
      if (!answer) throw new Error('bench: the hover found no tag where one is');
    }

    // Word wrap on: the type labels are inlay hints, asked for by the editor for what it shows
    // (a screen of lines around the cursor) whenever it scrolls or the tags change.
    fake.settings.set('editor.wordWrap', 'on');
    const screen = new Range(new Position(cursorLine, 0), new Position(cursorLine + screenLines, 0));
    const hintRuns: number[] = [];
    let hintCount = 0;
    for (let run = 0; run < 20; run++) {
      const started = performance.now();
      const hints = labelHints.provideInlayHints(document as unknown as vscode.TextDocument, screen as unknown as vscode.Range, cancel) as vscode.InlayHint[];
      hintRuns.push(performance.now() - started);
      hintCount = hints.length;
    }
    fake.settings.delete('editor.wordWrap');
    const onScreen = session!.live.filter((item) => item.state !== 'orphan' && screen.contains(document.positionAt(session!.text.toUtf16(item.end)))).length;
    if (hintCount === 0 || hintCount !== onScreen) throw new Error(`bench: ${hintCount} label hints for a screen with ${onScreen} tags`);

    // The Tags view over an index holding this one file: the calls getChildren makes per level
    // (types; the largest type's first page of entities; its top entity's first page of
    // mentions, with the line of each from the file's text).
    const index = new CorpusIndex();
    index.setFile('long-article.txt', entryFromSidecar(readFileSync(`${article.textPath}.ann.yaml`, 'utf8'), `${article.textPath}.ann.yaml`));
    const tree = new TagsTree(index);
    const tagsView: number[] = [];
    const mentionsLevel: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const [largest] = tree.types('count');
      const entities = tree.entities(largest.type, 'count', { limit: 200 });
      tagsView.push(performance.now() - started);
      const mentionsStarted = performance.now();
      const mentions = tree.mentions(entities.items[0].key, { limit: 200 });
      const lines = new LineIndex(readFileSync(article.textPath, 'utf8'));
      for (const mention of mentions.items) lines.lineOf(mention.start);
      mentionsLevel.push(performance.now() - mentionsStarted);
    }
    controller.dispose();

    return [
      { name: 'long article: open + first paint (read and place the sidecar, every type\'s ranges to setDecorations)', corpus: label, value: median(opens), unit: 'ms', target: { kind: 'absolute', limit: 300 } },
      { name: 'for the record: of which reading and placing the sidecar (DocumentSession.reload)', corpus: label, value: median(placings), unit: 'ms' },
      { name: `for the record: of which the first paint (${firstPaintRanges.toLocaleString('en')} ranges painted)`, corpus: label, value: median(paints), unit: 'ms' },
      { name: `long article: keystroke p50 (${keystrokes} one-character inserts near the top: shift every span, repaint)`, corpus: label, value: percentile(latencies, 0.5), unit: 'ms' },
      { name: 'long article: keystroke p95', corpus: label, value: percentile(latencies, 0.95), unit: 'ms', target: { kind: 'absolute', limit: 5 } },
      { name: 'for the record: of which shifting the spans (DocumentSession.applyEdit), p95', corpus: label, value: percentile(shifts, 0.95), unit: 'ms' },
      { name: `for the record: save after typing (${keystrokes} characters): the moved spans written through the store, then reloaded`, corpus: label, value: save, unit: 'ms' },
      { name: 'long article: hover on a tag (the hover provider)', corpus: label, value: median(hovers), unit: 'ms' },
      { name: `long article: type labels for a screen with word wrap on (the inlay-hint provider, ${hintCount} hints)`, corpus: label, value: median(hintRuns), unit: 'ms' },
      { name: 'long article: Tags view types + first 200 entities of the largest type', corpus: label, value: median(tagsView), unit: 'ms', target: { kind: 'absolute', limit: 100 } },
      { name: 'long article: Tags view first 200 mentions of an entity, with their lines', corpus: label, value: median(mentionsLevel), unit: 'ms', target: { kind: 'absolute', limit: 100 } },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
