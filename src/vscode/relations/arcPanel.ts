import * as vscode from 'vscode';
import { isPlaced } from '../../core/editing/liveAnnotations';
import { livePieces } from '../../core/editing/livePieces';
import { commandIds } from '../commandIds';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import type { ProjectService } from '../project/projectService';
import { revealMention } from '../tags/revealMention';
import { arcHtml, type ArcArticle } from './arcHtml';
import { webviewNonce } from '../webviewNonce';

const viewType = 'newsAnnotator.arcs';

/** What the page last reported drawing (tests read it). */
export interface ArcDrawing {
  readonly uri: string;
  readonly spans: number;
  readonly arcs: number;
}

/**
 * "Show Arcs": the open article drawn brat-like in a webview beside the editor, following the
 * active corpus editor and redrawn whenever its annotations change; a click reveals the tag.
 */
export class ArcPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  drawn: ArcDrawing | undefined;

  constructor(
    private readonly documents: AnnotatedDocuments,
    private readonly project: ProjectService,
    /** The extension's folder: the page's script and style are in its dist/webview. */
    private readonly extensionUri: vscode.Uri,
  ) {
    this.disposables.push(
      documents.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && this.documents.loadedSession(editor.document.uri)) {
          this.document = editor.document;
          this.schedule();
        }
      }),
      vscode.commands.registerCommand(commandIds.showArcs, () => this.show()),
    );
  }

  async show(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor ?? (this.document && vscode.window.visibleTextEditors.find((candidate) => candidate.document === this.document));
    const session = editor && (await this.documents.sessionFor(editor.document));
    if (!editor || !session) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: open a corpus article first.'));
      return false;
    }
    this.document = editor.document;
    if (this.panel) {
      this.panel.reveal(undefined, true);
      this.post();
      return true;
    }
    const pageFiles = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(viewType, vscode.l10n.t('Arcs'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [pageFiles] });
    this.panel = panel;
    const fileUri = (name: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(pageFiles, name)).toString();
    panel.webview.html = arcHtml(webviewNonce(), panel.webview.cspSource, vscode.env.language, vscode.l10n.t('This article has no tags yet.'), { script: fileUri('arcView.js'), style: fileUri('arcView.css') });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.drawn = undefined;
    }, undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), undefined, this.disposables);
    return true;
  }

  private receive(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { type, id, spans, arcs } = message as { type?: unknown; id?: unknown; spans?: unknown; arcs?: unknown };
    if (type === 'ready') this.post();
    else if (type === 'drawn' && typeof spans === 'number' && typeof arcs === 'number' && this.document) this.drawn = { uri: this.document.uri.toString(), spans, arcs };
    else if (type === 'reveal' && typeof id === 'string') void this.reveal(id);
  }

  private async reveal(id: string): Promise<void> {
    const document = this.document;
    const item = document && this.documents.loadedSession(document.uri)?.live.find((candidate) => candidate.annotation.id === id);
    if (!document || !item) return;
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    await revealMention(this.documents, { uri: document.uri, start: item.start, end: item.end, id, text: item.annotation.text });
  }

  private schedule(): void {
    if (!this.panel || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.post();
    }, 100);
  }

  private post(): void {
    const article = this.article();
    if (this.panel && article) void this.panel.webview.postMessage(article);
  }

  private article(): ArcArticle | undefined {
    const document = this.document;
    const session = document && this.documents.loadedSession(document.uri);
    if (!document || !session) return undefined;
    const colours = new Map(this.project.typesFor(document.uri).map((type) => [type.name, type.color]));
    const utf16 = (offset: number) => session.text.toUtf16(offset);
    const placed = session.live.filter((item) => isPlaced(item) && item.end > item.start);
    const ids = new Set(placed.map((item) => item.annotation.id));
    return {
      type: 'article',
      title: vscode.workspace.asRelativePath(document.uri),
      text: document.getText(),
      spans: placed.map((item) => {
        const colour = colours.get(item.annotation.type) ?? { light: '#666666', dark: '#aaaaaa' };
        const pieces = livePieces(item).map(([start, end]) => [utf16(start), utf16(end)] as const);
        return { id: item.annotation.id, type: item.annotation.type, start: utf16(item.start), end: utf16(item.end), pieces, light: colour.light, dark: colour.dark };
      }),
      relations: (session.sidecar?.relations ?? []).filter((relation) => ids.has(relation.from) && ids.has(relation.to)).map(({ id, type, from, to }) => ({ id, type, from, to })),
    };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
