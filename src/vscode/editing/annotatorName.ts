import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';

let gitUserName: Promise<string | undefined> | undefined;

function readGitUserName(cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 2000 }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
  });
}

/**
 * Who is annotating, recorded on each new annotation: the `newsAnnotator.annotator` setting,
 * else git's `user.name` (what a corpus under git already knows), else the operating-system user.
 */
export async function annotatorName(): Promise<string> {
  const configured = vscode.workspace.getConfiguration('newsAnnotator').get<string>('annotator', '').trim();
  if (configured) return configured;
  gitUserName ??= readGitUserName(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
  const fromGit = await gitUserName;
  if (fromGit) return fromGit;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
