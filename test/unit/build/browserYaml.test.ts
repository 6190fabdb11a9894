/**
 * The browser bundle leaves yaml's writer out (scripts/browserBundle.mjs, `withoutYamlWriter`).
 * Reading must not notice: the sidecar and project readers, bundled as the browser bundle bundles
 * them, give exactly what they give in Node for every kind of document, hand-edited and hostile.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import type * as esbuildTypes from 'esbuild';
import { parse, stringify } from 'yaml';
import { parseProjectFile } from '../../../src/core/project/parseProjectFile';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';

const root = path.join(__dirname, '..', '..', '..', '..');

interface Readers {
  parseSidecar: typeof parseSidecar;
  parseProjectFile: typeof parseProjectFile;
}

interface BrowserBundle {
  browserVariants: esbuildTypes.Plugin;
  withoutYamlWriter: esbuildTypes.Plugin;
}

/** The two readers, bundled for the browser with the browser build's plugins, loaded here. */
async function browserReaders(): Promise<{ readers: Readers; code: string }> {
  const esbuild = (await import('esbuild')) as typeof esbuildTypes;
  const bundle = (await import(pathToFileURL(path.join(root, 'scripts', 'browserBundle.mjs')).href)) as BrowserBundle;
  const result = await esbuild.build({
    absWorkingDir: root,
    stdin: { contents: "export { parseSidecar } from './src/core/sidecar/parseSidecar'; export { parseProjectFile } from './src/core/project/parseProjectFile';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [bundle.browserVariants, bundle.withoutYamlWriter],
  });
  const code = result.outputFiles[0].text;
  const module = { exports: {} as Readers };
  // In this realm, so that deepEqual compares its objects with this side's by their contents.
  const load = runInThisContext(`(function (module, exports) {\n${code}\n})`) as (module: unknown, exports: unknown) => void;
  load(module, module.exports);
  return { readers: module.exports, code };
}

const sampleSidecars = (): string[] => {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ann.yaml')) found.push(readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(root, 'sample-corpus'));
  walk(path.join(root, 'test', 'unit', 'fixtures', 'sidecar'));
  return found;
};

/** Documents only the full (yaml) reader takes, each a way a hand or an attacker can write one. */
const handWritten = [
  '# a comment\nformat: news-annotator/1\nsource:\n  file: a.txt\n  sha256: "00"\n  unit: codepoint\nstatus: done\nannotations:\n  - id: x1\n    type: PERSON\n    start: 0\n    end: 4\n    text: Anna\n',
  '? [a, b]\n: c\n',
  '{[a, b]: c, {d: e}: f}\n',
  'a: &anchor [1, 2]\nb: *anchor\n',
  'a: !!binary aGVsbG8=\nb: !custom x\n',
  '%YAML 1.1\n---\nformat: news-annotator/1\nsource: {file: a.txt, sha256: "00"}\nannotations: [{id: x, type: PERSON, start: 0, end: 1, text: "A", created: 2001-12-14}]\n',
  'format: a\nformat: b\n',
  '---\na: 1\n---\nb: 2\n',
  `${'['.repeat(200)}${']'.repeat(200)}\n`,
  'annotations: [unclosed\n',
  'annotations:\n  - {id: "a", text: "line one\\u2028line two"}\n',
  'key: |\n  block\n  text\nother: >-\n  folded\n  text\n',
  '\ufeffformat: news-annotator/1\r\nannotations: []\r\n',
  'annotations:\n\t- tab\n',
  '',
  '{',
];

describe("the browser bundle's yaml (its writer left out)", function () {
  this.timeout(120_000);
  let bundled: { readers: Readers; code: string };
  before(async () => {
    bundled = await browserReaders();
  });

  it('is the build without the writer', () => {
    assert.ok(bundled.code.includes('Writing YAML is not part of the browser build.'));
    assert.ok(!bundled.code.includes('function stringifyString('), "yaml's string writer is not there");
  });

  it('reads every sidecar, canonical or rewritten by hand in block style, as Node does', () => {
    const documents = sampleSidecars();
    assert.ok(documents.length >= 5);
    const blockStyle = documents.flatMap((text) => {
      try {
        return [stringify(parse(text))];
      } catch {
        return []; // the conflicted fixture is not YAML at all
      }
    });
    assert.ok(blockStyle.length >= 5);
    for (const document of [...documents, ...blockStyle, ...handWritten]) {
      assert.deepEqual(bundled.readers.parseSidecar(document, 'a.txt.ann.yaml'), parseSidecar(document, 'a.txt.ann.yaml'), document.slice(0, 200));
    }
  });

  it('reads project files, good and broken, as Node does', () => {
    const sample = readFileSync(path.join(root, 'sample-corpus', 'news-annotator.yaml'), 'utf8');
    const fixture = readFileSync(path.join(root, 'test', 'unit', 'fixtures', 'project', 'news-annotator.yaml'), 'utf8');
    for (const document of [sample, fixture, sample.replace('version: 1', 'version: [1]'), `${sample}\n? [x]\n: y\n`, ...handWritten]) {
      assert.deepEqual(bundled.readers.parseProjectFile(document, 'news-annotator.yaml'), parseProjectFile(document, 'news-annotator.yaml'), document.slice(0, 200));
    }
  });
});
