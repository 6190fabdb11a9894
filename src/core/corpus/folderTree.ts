/**
 * Groups corpus files (workspace-relative paths with `/` separators) into the folder tree the
 * Corpus view shows: folders first, then files, each level sorted by name.
 */
export interface FolderNode {
  readonly kind: 'folder';
  readonly name: string;
  /** Relative path of the folder, '' for the root. */
  readonly path: string;
  readonly folders: FolderNode[];
  readonly files: FileNode[];
}

export interface FileNode {
  readonly kind: 'file';
  readonly name: string;
  readonly path: string;
}

export function buildFolderTree(relativePaths: Iterable<string>): FolderNode {
  const root: FolderNode = { kind: 'folder', name: '', path: '', folders: [], files: [] };
  const folders = new Map<string, FolderNode>([['', root]]);
  const folderAt = (folderPath: string): FolderNode => {
    const existing = folders.get(folderPath);
    if (existing) return existing;
    const cut = folderPath.lastIndexOf('/');
    const parent = folderAt(cut < 0 ? '' : folderPath.slice(0, cut));
    const created: FolderNode = { kind: 'folder', name: folderPath.slice(cut + 1), path: folderPath, folders: [], files: [] };
    parent.folders.push(created);
    folders.set(folderPath, created);
    return created;
  };
  for (const filePath of new Set(relativePaths)) {
    const cut = filePath.lastIndexOf('/');
    folderAt(cut < 0 ? '' : filePath.slice(0, cut)).files.push({ kind: 'file', name: filePath.slice(cut + 1), path: filePath });
  }
  for (const folder of folders.values()) {
    folder.folders.sort((a, b) => compareNames(a.name, b.name));
    folder.files.sort((a, b) => compareNames(a.name, b.name));
  }
  return root;
}

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}
