import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as esbuildTypes from 'esbuild';

const root = path.join(__dirname, '..', '..', '..', '..');

interface BrowserBundle {
  browserBundleOptions(options: { production?: boolean; root?: string }): esbuildTypes.BuildOptions;
}

async function browserBuild(): Promise<{ esbuild: typeof esbuildTypes; options: esbuildTypes.BuildOptions }> {
  const esbuild = (await import('esbuild')) as typeof esbuildTypes;
  const bundle = (await import(pathToFileURL(path.join(root, 'scripts', 'browserBundle.mjs')).href)) as BrowserBundle;
  return { esbuild, options: { ...bundle.browserBundleOptions({ production: true, root }), write: false, logLevel: 'silent' } };
}

describe('the browser bundle (dist/web/extension.js)', function () {
  this.timeout(120_000);

  it('requires nothing but vscode, and carries the browser twins instead of the Node modules', async () => {
    const { esbuild, options } = await browserBuild();
    const result = await esbuild.build({ ...options, metafile: true });
    const code = result.outputFiles![0].text;
    const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]));
    assert.deepEqual([...required], ['vscode']);
    // sha256.browser.ts in place of the one over node:crypto's createHash.
    const modules = Object.keys(result.metafile.inputs);
    assert.ok(modules.includes('src/core/text/sha256.browser.ts'), 'the TypeScript SHA-256');
    assert.ok(!modules.includes('src/core/text/sha256.ts'));
    assert.ok(!code.includes('createHash'));
    assert.ok(!code.includes('execFile'), 'no git for the annotator name');
    // The test API (src/vscode/testApi.ts) stays in development builds only: `corpusRows` is one of its members.
    assert.ok(!code.includes('corpusRows'), 'no test API in the production bundle');
  });

  it('stays within its size budget: 400 KB minified (issue 17)', async () => {
    const { esbuild, options } = await browserBuild();
    const result = await esbuild.build(options);
    const size = result.outputFiles![0].contents.length;
    // Over budget: see which modules grew with esbuild's metafile (docs/performance.md, "The
    // browser bundle"); Node-only code belongs in modules the browser entry does not import.
    assert.ok(size <= 400 * 1024, `dist/web/extension.js is ${(size / 1024).toFixed(1)} KB minified, over its 400 KB budget`);
  });

  it('keeps the test API in a development build, which the tests load', async () => {
    const { esbuild, options } = await browserBuild();
    const bundle = (await import(pathToFileURL(path.join(root, 'scripts', 'browserBundle.mjs')).href)) as BrowserBundle;
    const result = await esbuild.build({ ...options, ...bundle.browserBundleOptions({ production: false, root }), write: false, logLevel: 'silent' });
    assert.ok(result.outputFiles.some((file) => file.text.includes('corpusRows')));
  });

  it('fails on a Node built-in that reaches it, naming the import', async () => {
    const { esbuild, options } = await browserBuild();
    const stdin = { contents: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", resolveDir: path.join(root, 'src', 'vscode'), loader: 'ts' as const };
    await assert.rejects(esbuild.build({ ...options, entryPoints: undefined, stdin }), (error: Error) => /Could not resolve "node:fs"/.test(error.message));
  });
});
