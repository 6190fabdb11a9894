// Bundles the web worker test suite (test/web/index.ts and the tests it loads) into one file
// for VS Code's web worker extension host: no Node built-ins, `vscode` provided by the host.
//
//   node scripts/buildWebTests.mjs [--entry test/web/index.ts] [--outfile out/web-tests/suite.js]
//
// Kept apart from scripts/build.mjs: only the web test run needs it, and it takes about 1 s.
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * mocha's browser build is a UMD file inside a `"type": "module"` package, so esbuild treats it
 * as an ES module whose `module` and `exports` are the *host's*: it would replace the suite's
 * own exports with the mocha object, and the host would then run mocha with its HTML reporter
 * (and fail on `document is not defined`). Hiding those names sends the UMD wrapper to its
 * last branch, which sets `globalThis.mocha` (typed by @types/mocha as `mocha`).
 */
const mochaAsGlobal = {
  name: 'mocha-as-global',
  setup(build) {
    build.onResolve({ filter: /^mocha\/mocha\.js$/ }, () => ({ path: path.join(root, 'node_modules', 'mocha', 'mocha.js'), namespace: 'mocha-global' }));
    build.onLoad({ filter: /.*/, namespace: 'mocha-global' }, async (args) => ({
      contents: `var module = undefined, exports = undefined, define = undefined;\n${await readFile(args.path, 'utf8')}`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

export async function buildWebTests({ entry = path.join(root, 'test', 'web', 'index.ts'), outfile = path.join(root, 'out', 'web-tests', 'suite.js') } = {}) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    // platform 'browser' makes any Node built-in reached from the tests a build error.
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [mochaAsGlobal],
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? path.resolve(process.argv[index + 1]) : undefined;
  };
  const written = await buildWebTests({ ...(option('--entry') ? { entry: option('--entry') } : {}), ...(option('--outfile') ? { outfile: option('--outfile') } : {}) });
  process.stdout.write(`web tests: ${path.relative(process.cwd(), written)}\n`);
}
