// The browser build of the extension (package.json `browser`): dist/web/extension.js, for
// vscode.dev, github.dev and code-server's web worker. scripts/build.mjs builds it;
// test/unit/build/browserBundle.test.ts builds it in memory to check what reaches it.
//
// Node built-ins are not marked external: an import of one that reaches the browser entry cannot
// be resolved for platform 'browser', and the build fails with its name and importer.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The browser build takes `name.browser.ts` wherever a module `name.ts` has one beside it: the
// few modules whose desktop version needs Node (SHA-256 through node:crypto, git for the
// annotator's name, fsPath for paths) have a browser twin with the same exports.
export const browserVariants = {
  name: 'browser-variants',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const base = path.resolve(args.resolveDir, args.path);
      const variant = `${base}.browser.ts`;
      return existsSync(`${base}.ts`) && existsSync(variant) ? { path: variant } : undefined;
    });
  },
};

// The extension reads YAML with the yaml library but never writes it (the canonical writer is its
// own, src/core/sidecar/serializeSidecar.ts), yet yaml's writer reaches the bundle through the
// toString methods of its nodes: about 13 KB of the browser budget. Its modules are replaced by
// ones with the same exports that throw when called; the readers turn a throw into a reported
// problem, and test/unit/build/browserYaml.test.ts reads the same documents both ways.
const yamlWriterModule = /[\\/]yaml[\\/]browser[\\/]dist[\\/]stringify[\\/][^\\/]+\.js$/;

export const withoutYamlWriter = {
  name: 'without-yaml-writer',
  setup(build) {
    build.onLoad({ filter: yamlWriterModule }, (args) => {
      const names = [...readFileSync(args.path, 'utf8').matchAll(/^export \{([^}]*)\}/gm)].flatMap((match) => match[1].split(',').map((name) => name.trim().split(/\s+as\s+/).pop()).filter(Boolean));
      if (names.length === 0) return { errors: [{ text: `${args.path}: no export list found; check the yaml stub in scripts/browserBundle.mjs` }] };
      const stub = `const absent = () => { throw new Error('Writing YAML is not part of the browser build.'); };\n${names.map((name) => `export const ${name} = absent;`).join('\n')}\n`;
      return { contents: stub, loader: 'js' };
    });
  },
};

/** What production bundles define (both entries): no test API (src/vscode/activateShared.ts). */
export const productionDefine = { NEWS_ANNOTATOR_TEST_API: 'false' };

/** esbuild options of the browser bundle; `root` is the project folder (the current one by default). */
export function browserBundleOptions({ production = false, root = process.cwd() } = {}) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: ['src/vscode/extension.browser.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    // Plain fuzzy search is all the search uses; Fuse's build without extended search and logical
    // queries answers it the same, in less code. Production takes the package's own minified copy
    // of it (its `min-basic` export): 1.3 KB smaller than esbuild's minifying of the same code.
    alias: { 'fuse.js': production ? 'fuse.js/min-basic' : 'fuse.js/basic' },
    charset: 'utf8',
    ...(production ? { define: productionDefine } : {}),
    plugins: [browserVariants, withoutYamlWriter],
  };
}
