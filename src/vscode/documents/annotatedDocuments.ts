import * as vscode from 'vscode';
import { isSidecarPath, textPathFor } from '../../core/sidecar/sidecarPath';
import type { AnnotationWorkspace } from '../../workspace/annotationWorkspace';
import type { ProjectService } from '../project/projectService';
import { DocumentSession } from './documentSession';
import { pathOfUri, uriOfPath } from '../uriPaths';

/**
 * Keeps a `DocumentSession` for every open corpus text file and keeps it true to what happens:
 * typing, saving, the text or the sidecar changing on disk (git pull, another window, a hand
 * edit). Everything that shows annotations listens to `onDidChange`.
 */
export class AnnotatedDocuments implements vscode.Disposable {
  private readonly sessions = new Map<string, DocumentSession>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly project: ProjectService,
    readonly workspace: AnnotationWorkspace,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.ann.yaml');
    const onSidecar = (uri: vscode.Uri) => {
      const textPath = textPathFor(pathOfUri(uri));
      if (textPath) this.reloadFromDisk(uriOfPath(textPath));
    };
    this.disposables.push(
      this.changeEmitter,
      watcher,
      watcher.onDidChange(onSidecar),
      watcher.onDidCreate(onSidecar),
      watcher.onDidDelete(onSidecar),
      vscode.workspace.onDidOpenTextDocument((document) => void this.open(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.sessions.delete(document.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((event) => this.onTextChanged(event)),
      vscode.workspace.onDidSaveTextDocument((document) => this.onSaved(document)),
      project.onDidChange(() => void this.reopenAll()),
      // Whatever wrote through the workspace (a command here, undo, Tag All), open files show it.
      workspace.onDidChangeFiles((textPaths) => {
        for (const textPath of textPaths) this.reloadFromDisk(uriOfPath(textPath));
      }),
    );
    void project.ready.then(() => this.reopenAll());
  }

  isCorpusDocument(document: vscode.TextDocument): boolean {
    return !isSidecarPath(document.uri.path) && this.project.isCorpusFile(document.uri);
  }

  /** The session of an open corpus document, loading it first when needed. */
  async sessionFor(document: vscode.TextDocument): Promise<DocumentSession | undefined> {
    await this.project.ready;
    return this.sessions.get(document.uri.toString()) ?? this.open(document);
  }

  /** The session if it is already loaded (for synchronous painters such as decorations). */
  loadedSession(uri: vscode.Uri): DocumentSession | undefined {
    return this.sessions.get(uri.toString());
  }

  all(): DocumentSession[] {
    return [...this.sessions.values()];
  }

  private async open(document: vscode.TextDocument): Promise<DocumentSession | undefined> {
    if (!this.isCorpusDocument(document)) return undefined;
    const key = document.uri.toString();
    const existing = this.sessions.get(key);
    if (existing) return existing;
    const session = new DocumentSession(document.uri, this.workspace, document);
    this.sessions.set(key, session);
    await session.enqueue(() => session.reload(document));
    this.changeEmitter.fire(document.uri);
    return session;
  }

  private async reopenAll(): Promise<void> {
    const open = vscode.workspace.textDocuments.filter((document) => this.isCorpusDocument(document));
    for (const key of this.sessions.keys()) if (!open.some((document) => document.uri.toString() === key)) this.sessions.delete(key);
    await Promise.all(open.map((document) => (this.sessions.has(document.uri.toString()) ? this.reload(document) : this.open(document))));
  }

  private async reload(document: vscode.TextDocument): Promise<void> {
    const session = this.sessions.get(document.uri.toString());
    if (!session) return;
    await session.enqueue(() => session.reload(document));
    this.changeEmitter.fire(document.uri);
  }

  private reloadFromDisk(textUri: vscode.Uri): void {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === textUri.toString());
    if (document) void this.reload(document);
  }

  private onTextChanged(event: vscode.TextDocumentChangeEvent): void {
    const session = this.sessions.get(event.document.uri.toString());
    if (!session || event.contentChanges.length === 0) return;
    if (event.document.isDirty) {
      session.applyEdit(event);
      this.changeEmitter.fire(event.document.uri);
    } else {
      // A clean document after a change equals the file on disk again (reloaded after an
      // outside change, or undone back to the saved text): read the sidecar for that text.
      void this.reload(event.document);
    }
  }

  private onSaved(document: vscode.TextDocument): void {
    const session = this.sessions.get(document.uri.toString());
    if (!session) return;
    void session
      .enqueue(() => session.writeAfterSave(document))
      .then((result) => {
        if (result && !result.ok) {
          const reason = result.problems[0]?.message ?? vscode.l10n.t('unknown problem');
          void vscode.window.showErrorMessage(vscode.l10n.t('News Annotator: the annotations of {0} were not saved: {1}', vscode.workspace.asRelativePath(document.uri), reason));
        }
        this.changeEmitter.fire(document.uri);
      });
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.sessions.clear();
  }
}
