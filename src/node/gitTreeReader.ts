/**
 * Reads a corpus as a git commit has it, straight from the repository's object store: no
 * checkout, no work tree touched. `git ls-tree -r -z -l` lists the files under the corpus's folder
 * in that commit and one `git cat-file --batch` reads the blobs asked for. Git is always run with
 * an argument array (never a shell), the ref is checked to name a commit first, and
 * `--end-of-options` keeps a ref that starts with `-` from being read as an option.
 *
 * The result is a read-only `FileSystem` (the same interface the corpus store reads folders
 * through), so sidecars from git are parsed, anchored and validated by the same code as files on
 * disk. Only regular files are read: links and submodules in the tree are refused like links in
 * a folder, and blobs larger than `maximumBlobSize` are refused rather than held in memory.
 */
import { execFile, spawn } from 'node:child_process';
import type { FileStatus, FileSystem, LockResult } from '../core/store/fileSystem';

/** Blobs larger than this are not read (512 MiB: beyond any news text or sidecar). */
export const maximumBlobSize = 512 * 1024 * 1024;

export interface GitLocation {
  /** The repository's top folder. */
  top: string;
  /** The folder's path inside the repository, with `/` separators and a trailing `/` ('' at the top). */
  prefix: string;
}

export class GitError extends Error {}

/** Runs git with arguments (no shell) in a folder; its stdout as a Buffer. */
function git(cwd: string, args: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'buffer', maxBuffer: 1 << 30, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout, stderr) => {
      if (error !== null) reject(new GitError(stderr.toString('utf8').trim() || error.message));
      else resolve(stdout);
    });
  });
}

/** The repository that holds a folder, and the folder's place in it; a GitError when there is none. */
export async function locateInRepository(folder: string): Promise<GitLocation> {
  let output: string;
  try {
    output = (await git(folder, ['rev-parse', '--show-toplevel', '--show-prefix'])).toString('utf8');
  } catch (error) {
    throw new GitError(`${folder} is not inside a git repository (${error instanceof Error ? error.message : String(error)}).`);
  }
  const [top = '', prefix = ''] = output.split('\n');
  return { top, prefix };
}

/** The commit a ref names, or a GitError saying the ref does not exist. */
export async function resolveCommit(top: string, ref: string): Promise<string> {
  try {
    return (await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
  } catch {
    throw new GitError(`git: no commit named "${ref}" in the repository at ${top}.`);
  }
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number;
}

/** The files under `prefix` in a commit, by path relative to `prefix`. */
async function listTree(top: string, commit: string, prefix: string): Promise<Map<string, TreeEntry>> {
  const entries = new Map<string, TreeEntry>();
  let output: Buffer;
  try {
    // `COMMIT:PREFIX` lists paths relative to the corpus folder; `COMMIT:` is the top tree.
    output = await git(top, ['ls-tree', '-r', '-z', '-l', '--end-of-options', `${commit}:${prefix.replace(/\/$/u, '')}`]);
  } catch {
    // The folder did not exist in that commit: an empty corpus.
    return entries;
  }
  for (const record of output.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, object, size] = record.slice(0, tab).split(/ +/u);
    entries.set(record.slice(tab + 1), { mode, type, object, size: Number(size) });
  }
  return entries;
}

/** Reads blobs through one `git cat-file --batch`, in the order asked. */
function readBlobs(top: string, objects: readonly string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: top, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    const blobs: Buffer[] = [];
    // Output not yet taken apart, as chunks (joined only once a whole blob is there, so a long
    // blob arriving in many chunks is copied once, not once per chunk).
    let chunks: Buffer[] = [];
    let buffered = 0;
    let wanted: number | undefined;
    let stderr = '';
    const take = (): Buffer => {
      const joined = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      chunks = [joined];
      return joined;
    };
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      buffered += chunk.length;
      for (;;) {
        if (wanted === undefined) {
          const pending = take();
          const end = pending.indexOf(0x0a);
          if (end < 0) return;
          const header = pending.subarray(0, end).toString('utf8').split(' ');
          chunks = [pending.subarray(end + 1)];
          buffered -= end + 1;
          if (header[1] !== 'blob') {
            child.kill();
            reject(new GitError(`git cat-file: ${header.join(' ')}`));
            return;
          }
          wanted = Number(header[2]);
        }
        // The blob and the line feed after it.
        if (buffered < wanted + 1) return;
        const pending = take();
        blobs.push(Buffer.from(pending.subarray(0, wanted)));
        chunks = [pending.subarray(wanted + 1)];
        buffered -= wanted + 1;
        wanted = undefined;
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (blobs.length === objects.length) resolve(blobs);
      else reject(new GitError(`git cat-file stopped (exit ${code}) after ${blobs.length} of ${objects.length} objects: ${stderr.trim()}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(objects.map((object) => object + '\n').join(''));
  });
}

/**
 * A commit's files under the corpus folder as a read-only file system. `list()` gives every
 * path; `readFile` serves the blobs loaded by `load` (paths not loaded read as missing).
 */
export class GitTreeFileSystem implements FileSystem {
  private readonly blobs = new Map<string, Uint8Array>();

  private constructor(
    private readonly top: string,
    readonly commit: string,
    private readonly entries: ReadonlyMap<string, TreeEntry>,
  ) {}

  static async open(top: string, ref: string, prefix: string): Promise<GitTreeFileSystem> {
    const commit = await resolveCommit(top, ref);
    return new GitTreeFileSystem(top, commit, await listTree(top, commit, prefix));
  }

  /** Every path in the tree (regular files, links and submodules alike), sorted. */
  list(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Reads the regular files among `paths` that are small enough, in one batch. */
  async load(paths: Iterable<string>): Promise<void> {
    const wanted: Array<[string, string]> = [];
    for (const path of paths) {
      const entry = this.entries.get(path);
      if (entry !== undefined && isRegular(entry) && entry.size <= maximumBlobSize && !this.blobs.has(path)) wanted.push([path, entry.object]);
    }
    if (wanted.length === 0) return;
    const contents = await readBlobs(this.top, wanted.map(([, object]) => object));
    wanted.forEach(([path], index) => this.blobs.set(path, contents[index]));
  }

  readFile(path: string): Promise<Uint8Array | undefined> {
    const entry = this.entries.get(path);
    if (entry === undefined) return Promise.resolve(undefined);
    if (!isRegular(entry)) return Promise.reject(new Error(`it is ${entry.type === 'commit' ? 'a submodule' : 'a link'} in commit ${this.commit.slice(0, 12)}, not a regular file; it is not read`));
    if (entry.size > maximumBlobSize) return Promise.reject(new Error(`it is larger than ${maximumBlobSize / 1024 / 1024} MiB; it is not read`));
    const blob = this.blobs.get(path);
    return blob === undefined ? Promise.reject(new Error('it was not loaded from git')) : Promise.resolve(blob);
  }

  stat(path: string): Promise<FileStatus | undefined> {
    const entry = this.entries.get(path);
    return Promise.resolve(entry === undefined ? undefined : { size: entry.size, mtimeMs: 0, readOnly: true });
  }

  writeFileAtomic(): Promise<void> {
    return Promise.reject(new Error('a corpus read from git is read-only'));
  }

  lock(): Promise<LockResult> {
    return Promise.reject(new Error('a corpus read from git is read-only'));
  }

  removeFile(): Promise<void> {
    return Promise.reject(new Error('a corpus read from git is read-only'));
  }
}

const isRegular = (entry: TreeEntry) => entry.type === 'blob' && (entry.mode === '100644' || entry.mode === '100755');
