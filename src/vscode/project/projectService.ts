import * as vscode from 'vscode';
import { readProject } from '../../core/corpus/readProject';
import { printable } from '../../core/text/printable';
import { createCorpusMatcher, defaultProjectConfig, parseProjectFile, projectFileName, type CorpusMatcher, type EntityType, type ProjectConfig } from '../../core/project';
import type { Problem } from '../../core/problem';
import type { FileSystem } from '../../core/store/fileSystem';
import { isWorkspaceFileUri } from '../uriPaths';

/**
 * A workspace folder's files walled in at its root (paths relative to it), or undefined where the
 * host has no such walls and files are read through `workspace.fs` (the browser).
 */
export type OpenFolderFiles = (folder: vscode.WorkspaceFolder) => Promise<FileSystem | undefined>;

interface FolderProject {
  readonly config: ProjectConfig;
  readonly matcher: CorpusMatcher;
  readonly problems: readonly Problem[];
}

/**
 * The corpus project of each workspace folder: `news-annotator.yaml` at the folder's root, or the
 * defaults. Reloaded when the file changes; problems in it go to the Problems panel.
 */
export class ProjectService implements vscode.Disposable {
  private readonly projects = new Map<string, FolderProject>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('news-annotator-project');
  private readonly disposables: vscode.Disposable[] = [];
  readonly ready: Promise<void>;

  constructor(readonly openFolderFiles: OpenFolderFiles) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${projectFileName}`);
    const reload = () => void this.reloadAll();
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(reload));
    this.ready = this.reloadAll();
  }

  private async reloadAll(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const loaded = await Promise.all(folders.map(async (folder) => [folder.uri.toString(), await this.load(folder)] as const));
    this.projects.clear();
    this.diagnostics.clear();
    for (const [key, project] of loaded) {
      this.projects.set(key, project);
      if (project.problems.length > 0) {
        const folder = folders.find((candidate) => candidate.uri.toString() === key)!;
        this.diagnostics.set(vscode.Uri.joinPath(folder.uri, projectFileName), project.problems.map(toDiagnostic));
      }
    }
    this.changeEmitter.fire();
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<FolderProject> {
    // On disk, read it as the command line does: inside the folder's walls, a link refused.
    const walled = await this.openFolderFiles(folder).catch(() => undefined);
    if (walled) {
      const read = await readProject(walled);
      return { config: read.config, matcher: createCorpusMatcher(read.config), problems: read.problems };
    }
    const uri = vscode.Uri.joinPath(folder.uri, projectFileName);
    let content: string | undefined;
    try {
      content = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      content = undefined; // No project file: the defaults apply.
    }
    const { config, problems } = content === undefined ? { config: defaultProjectConfig(), problems: [] } : parseProjectFile(content, projectFileName);
    return { config, matcher: createCorpusMatcher(config), problems };
  }

  private projectOf(uri: vscode.Uri): { folder: vscode.WorkspaceFolder; project: FolderProject } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const project = folder && this.projects.get(folder.uri.toString());
    return folder && project ? { folder, project } : undefined;
  }

  /** Whether the file is corpus text per its folder's project (sidecars never are). */
  isCorpusFile(uri: vscode.Uri): boolean {
    if (!isWorkspaceFileUri(uri)) return false;
    const found = this.projectOf(uri);
    if (!found) return false;
    const root = found.folder.uri.path.replace(/\/$/, '');
    return uri.path.startsWith(`${root}/`) && found.project.matcher(uri.path.slice(root.length + 1));
  }

  /** Entity types of the project the file belongs to (the defaults outside any folder). */
  typesFor(uri?: vscode.Uri): readonly EntityType[] {
    const found = uri && this.projectOf(uri);
    return (found?.project.config ?? this.first()).types;
  }

  /** The project of the file's folder (the defaults outside any folder). */
  configOf(uri: vscode.Uri): ProjectConfig {
    return this.projectOf(uri)?.project.config ?? this.first();
  }

  /** Every entity type of every folder, by name (the first definition wins). */
  allTypes(): readonly EntityType[] {
    const byName = new Map<string, EntityType>();
    for (const project of this.projects.values()) for (const type of project.config.types) if (!byName.has(type.name)) byName.set(type.name, type);
    if (byName.size === 0) for (const type of defaultProjectConfig().types) byName.set(type.name, type);
    return [...byName.values()];
  }

  /** The guidelines file (corpus-relative) that the project of `uri`'s folder names, if any. */
  guidelinesFor(uri: vscode.Uri): string | undefined {
    return this.projectOf(uri)?.project.config.guidelines;
  }

  matcherFor(folder: vscode.WorkspaceFolder): CorpusMatcher {
    return this.projects.get(folder.uri.toString())?.matcher ?? createCorpusMatcher(defaultProjectConfig());
  }

  configFor(folder: vscode.WorkspaceFolder): ProjectConfig {
    return this.projects.get(folder.uri.toString())?.config ?? defaultProjectConfig();
  }

  private first(): ProjectConfig {
    const [project] = this.projects.values();
    return project?.config ?? defaultProjectConfig();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.diagnostics.dispose();
    this.changeEmitter.dispose();
  }
}

export function toDiagnostic(item: Problem): vscode.Diagnostic {
  const position = new vscode.Position(Math.max(0, item.line - 1), Math.max(0, item.column - 1));
  const severity =
    item.severity === 'error' ? vscode.DiagnosticSeverity.Error : item.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), printable(item.message), severity);
  diagnostic.source = 'News Annotator';
  diagnostic.code = item.code;
  return diagnostic;
}
