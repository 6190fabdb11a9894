/**
 * Reads one side of a comparison from git's object store, without a checkout: the corpus texts
 * under a folder of the repository at a branch or commit, and their sidecars. Git runs through
 * execFile with argument arrays (no shell), `ls-tree -r -z` lists the tree and one
 * `cat-file --batch` process streams every blob.
 */
import { execFile, spawn } from 'node:child_process';
import type { Side, SideDocument } from '../core/agreement/agreementReport';
import type { CorpusMatcher } from '../core/project';
import { parseSidecar } from '../core/sidecar/parseSidecar';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';
import { decodeText } from '../core/text/decodeText';

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve(stdout);
    });
  });
}

/** The repository that holds `folder`, and the folder's path inside it (`''` or ending in `/`). */
export async function repositoryOf(folder: string): Promise<{ root: string; prefix: string }> {
  const [root, prefix] = (await git(folder, ['rev-parse', '--show-toplevel', '--show-prefix'])).split('\n');
  return { root: root ?? folder, prefix: prefix ?? '' };
}

/** Local branches, most recently committed first. */
export async function localBranches(folder: string): Promise<string[]> {
  const output = await git(folder, ['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)', 'refs/heads']);
  return output.split('\n').filter((line) => line !== '');
}

/** Blob ids of the files under `prefix` at `ref`, keyed by path relative to `prefix`. */
async function listBlobs(root: string, ref: string, prefix: string): Promise<Map<string, string>> {
  const output = await git(root, ['ls-tree', '-r', '-z', '--full-tree', ref, '--', ...(prefix === '' ? [] : [prefix])]);
  const blobs = new Map<string, string>();
  for (const entry of output.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, kind, id] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (kind === 'blob' && id && path.startsWith(prefix)) blobs.set(path.slice(prefix.length), id);
  }
  return blobs;
}

/** The contents of the blobs, through one `git cat-file --batch`. */
function readBlobs(root: string, ids: readonly string[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(errors.trim() || `git cat-file exited with ${code}`));
      const output = Buffer.concat(chunks);
      const blobs = new Map<string, Buffer>();
      let offset = 0;
      while (offset < output.length) {
        const lineEnd = output.indexOf(10, offset);
        if (lineEnd < 0) break;
        const [id, kind, size] = output.subarray(offset, lineEnd).toString('utf8').split(' ');
        offset = lineEnd + 1;
        if (kind === 'missing' || !id || size === undefined) continue;
        const length = Number(size);
        blobs.set(id, output.subarray(offset, offset + length));
        offset += length + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(ids.map((id) => `${id}\n`).join(''));
  });
}

/**
 * The corpus at `ref` under the repository folder that holds `folder`: every text the matcher
 * takes (paths relative to `folder`), with the annotations of its sidecar (none without one).
 * Sidecars that cannot be read leave their text out, named in `unreadable`.
 */
export async function readGitSide(folder: string, ref: string, isCorpusFile: CorpusMatcher): Promise<{ side: Side; unreadable: string[] }> {
  // A name that git would read as an option is never passed on.
  if (ref.startsWith('-')) throw new Error(`${ref} is not a branch or commit.`);
  const { root, prefix } = await repositoryOf(folder);
  const blobs = await listBlobs(root, ref, prefix);
  const texts = [...blobs.keys()].filter((path) => isCorpusFile(path)).sort();
  const wanted = texts.flatMap((path) => [blobs.get(path)!, ...(blobs.has(sidecarPathFor(path)) ? [blobs.get(sidecarPathFor(path))!] : [])]);
  const contents = await readBlobs(root, [...new Set(wanted)]);
  const documents: SideDocument[] = [];
  const unreadable: string[] = [];
  for (const path of texts) {
    const text = contents.get(blobs.get(path)!);
    if (!text) continue;
    const sidecarId = blobs.get(sidecarPathFor(path));
    const sidecarBytes = sidecarId === undefined ? undefined : contents.get(sidecarId);
    if (sidecarBytes === undefined) {
      documents.push({ path, text: decodeText(text).text, annotations: [] });
      continue;
    }
    const parsed = parseSidecar(sidecarBytes.toString('utf8'), sidecarPathFor(path));
    if (!parsed.ok) {
      unreadable.push(path);
      continue;
    }
    documents.push({ path, text: decodeText(text).text, annotations: parsed.sidecar.annotations });
  }
  return { side: { name: `git:${ref}`, documents }, unreadable };
}
