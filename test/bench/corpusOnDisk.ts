/** Writes the synthetic corpus to a temporary folder: texts, canonical sidecars, and JSON twins for the baseline. */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sidecarFormat, type Sidecar } from '../../src/core/sidecar/model';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { sha256Hex } from '../../src/core/text/decodeText';
import { syntheticDocuments, type CorpusOptions } from './syntheticCorpus';

export interface CorpusOnDisk {
  readonly root: string;
  /** Same data as one JSON file per sidecar, for the "read + JSON.parse" baseline. */
  readonly jsonRoot: string;
  readonly files: string[];
  readonly annotations: number;
  readonly sidecarBytes: number;
}

export function sidecarOf(fileName: string, bytes: Uint8Array, crlf: boolean, annotations: Sidecar['annotations']): Sidecar {
  return {
    format: sidecarFormat,
    source: { file: fileName, sha256: sha256Hex(bytes), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: crlf ? 'crlf' : 'lf' },
    status: annotations.length % 3 === 0 ? 'done' : 'in-progress',
    annotations,
  };
}

export function writeCorpus(folder: string, options: CorpusOptions): CorpusOnDisk {
  const root = path.join(folder, 'corpus');
  const jsonRoot = path.join(folder, 'json');
  const files: string[] = [];
  let annotations = 0;
  let sidecarBytes = 0;
  for (const document of syntheticDocuments(options)) {
    const textPath = path.join(root, document.path);
    mkdirSync(path.dirname(textPath), { recursive: true });
    mkdirSync(path.dirname(path.join(jsonRoot, document.path)), { recursive: true });
    const bytes = Buffer.from(document.text, 'utf8');
    writeFileSync(textPath, bytes);
    const sidecar = sidecarOf(path.basename(document.path), bytes, document.crlf, document.annotations);
    const content = serializeSidecar(sidecar);
    writeFileSync(`${textPath}.ann.yaml`, content);
    writeFileSync(path.join(jsonRoot, `${document.path}.json`), JSON.stringify(sidecar));
    files.push(document.path);
    annotations += document.annotations.length;
    sidecarBytes += Buffer.byteLength(content);
  }
  // A real corpus was not written a second ago: date the files an hour back, or the index cache
  // would (rightly) distrust them as possibly changed within the same clock tick.
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const file of files) {
    utimesSync(path.join(root, file), anHourAgo, anHourAgo);
    utimesSync(path.join(root, `${file}.ann.yaml`), anHourAgo, anHourAgo);
  }
  return { root, jsonRoot, files, annotations, sidecarBytes };
}
