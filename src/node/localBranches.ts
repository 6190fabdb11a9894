/** The local branches of the git repository that holds a folder, for the editor's Compare Annotations. */
import { execFile } from 'node:child_process';

/** Branch names, most recently committed first; an error when the folder is not in a repository. */
export function localBranches(folder: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // An argument array, no shell; for-each-ref prints names only, one a line.
    execFile('git', ['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)', 'refs/heads'], { cwd: folder, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve(stdout.split('\n').filter((line) => line !== ''));
    });
  });
}
