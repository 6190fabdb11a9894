/** Shared setup for the concurrency tests: a text of numbered words on disk, writer processes. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';

/** Every word is `w` and five digits, then a space: word i is `text[7i : 7i + 6]`. */
export const wordLength = 6;
export function wordStart(word: number): number {
  return word * (wordLength + 1);
}

/** A folder with `article.txt` of `words` numbered words; returns the text's path. */
export function wordCorpus(words: number): { folder: string; textPath: string } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'news-annotator-concurrency-'));
  const textPath = path.join(folder, 'article.txt');
  const text = Array.from({ length: words }, (_, index) => `w${String(index).padStart(5, '0')}`).join(' ') + '\n';
  writeFileSync(textPath, text);
  return { folder, textPath };
}

/** The words tagged in the sidecar of `textPath`, which must read completely. */
export function taggedWords(textPath: string): Set<number> {
  const sidecarPath = `${textPath}.ann.yaml`;
  const parsed = parseSidecar(readFileSync(sidecarPath, 'utf8'), sidecarPath);
  assert.ok(parsed.ok, `the sidecar reads: ${JSON.stringify(!parsed.ok && parsed.problems)}`);
  assert.ok(parsed.writable, 'the sidecar reads completely');
  return new Set(parsed.sidecar.annotations.map((annotation) => annotation.start / (wordLength + 1)));
}

const workerScript = path.join(__dirname, 'updateWorker.js');

export interface Worker {
  child: ChildProcess;
  /** Words whose update the worker saw succeed, so far. */
  acknowledged: number[];
  failures: string[];
  /** Resolves with the exit code (or signal name) when the process has ended. */
  exited: Promise<number | string>;
  /** Resolves when the first update was acknowledged (or the process ended). */
  firstAcknowledged: Promise<void>;
}

/** Starts a writer process tagging words `first` .. `first + count - 1` of `textPath`. */
export function startWorker(textPath: string, first: number, count: number): Worker {
  const child = spawn(process.execPath, [workerScript, textPath, String(first), String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acknowledged: number[] = [];
  const failures: string[] = [];
  let pending = '';
  let onFirst: () => void = () => undefined;
  const firstAcknowledged = new Promise<void>((resolve) => (onFirst = resolve));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('ack ')) {
        acknowledged.push(Number(line.slice(4)));
        onFirst();
      } else failures.push(line);
    }
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => {
      onFirst();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return { child, acknowledged, failures, exited, firstAcknowledged };
}
