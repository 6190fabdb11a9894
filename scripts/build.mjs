// Builds everything the extension, the CLI and the tests run from.
//   dist/extension.js  the extension for the desktop (package.json `main`), one bundle ('vscode' is provided by the host)
//   dist/web/extension.js the extension for the browser (package.json `browser`): vscode.dev,
//                      github.dev, code-server's web worker; no Node built-in may reach it
//   dist/cli.js        the `news-annotator` command line, one bundle
//   dist/agreeWorker.js the worker threads of `news-annotator agree`
//   dist/summaryWorker.js the worker threads of `news-annotator stats` and `validate`
//   dist/suggestWorker.js the worker threads of `news-annotator suggest`
//   dist/indexWorker.js the worker threads of the extension's cold start (beside extension.js)
//   dist/webview/        the webview pages' script and style files (scripts/webviewAssets.mjs)
//   out/               every source and test file transpiled one to one, for mocha
// --production (npm pack, npm run package) writes minified bundles without source maps, and no out/.
// Type-checking is `tsc --noEmit`'s job; esbuild only strips types, which keeps builds fast.
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeWebviewAssets } from './webviewAssets.mjs';
import { browserBundleOptions, productionDefine } from './browserBundle.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--tests-only --outdir DIR` transpiles src/ and test/ into DIR and touches nothing else, so
// several people (or agents) can run unit tests from one work tree without racing on out/.
const testsOnly = process.argv.includes('--tests-only');
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex > 0 ? process.argv[outdirIndex + 1] : 'out';

function typeScriptFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return typeScriptFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// esbuild writes a new dist/cli.js without the run bit; `npx news-annotator` in this repository
// runs the file itself, so it must stay executable after every build and watch rebuild.
const executable = (file) => ({
  name: 'executable',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0) chmodSync(file, 0o755);
    });
  },
});

// In production, the size of the browser bundle (issue 17 aims at 400 KB minified at most).
const reportSize = (file) => ({
  name: 'report-size',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0 && production) console.log(`${file}: ${(statSync(file).size / 1024).toFixed(1)} KB minified`);
    });
  },
});

const builds = testsOnly ? [] : [
  { ...bundleOptions, entryPoints: ['src/vscode/extension.node.ts'], outfile: 'dist/extension.js', external: ['vscode'], ...(production ? { define: productionDefine } : {}) },
  // The browser entry (scripts/browserBundle.mjs: no Node built-in may reach it).
  { ...bundleOptions, ...browserBundleOptions({ production }), plugins: [...browserBundleOptions({ production }).plugins, reportSize('dist/web/extension.js')] },
  { ...bundleOptions, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [executable('dist/cli.js')] },
  // `agree`'s worker threads (src/node/compareInWorkers.ts) run this file, found beside cli.js.
  { ...bundleOptions, entryPoints: ['src/node/agreeWorker.ts'], outfile: 'dist/agreeWorker.js' },
  // `stats` and `validate`'s worker threads (src/node/summariseInWorkers.ts), beside cli.js too.
  { ...bundleOptions, entryPoints: ['src/node/summaryWorker.ts'], outfile: 'dist/summaryWorker.js' },
  // `suggest`'s worker threads (src/node/suggestInWorkers.ts), beside cli.js too.
  { ...bundleOptions, entryPoints: ['src/node/suggestWorker.ts'], outfile: 'dist/suggestWorker.js' },
  // The extension's cold start reads with worker threads (src/node/readIndexInWorkers.ts), beside extension.js.
  { ...bundleOptions, entryPoints: ['src/node/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
];
if (!production) {
  builds.push({
    entryPoints: [...typeScriptFiles('src'), ...typeScriptFiles('test')],
    outdir,
    outbase: '.',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

if (!testsOnly) rmSync('dist', { recursive: true, force: true });
// A production build (npm pack, npm run package) writes only dist/: it leaves out/ as it was.
if (!production) rmSync(outdir, { recursive: true, force: true });
if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching src/ and test/ (Ctrl+C to stop)');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
// After the bundles (a build starts by clearing dist/). Watch mode writes them once: an edit to
// a page's script or style needs another `npm run build`.
if (!testsOnly) await writeWebviewAssets({ production });
