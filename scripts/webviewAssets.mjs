// The webview pages' scripts and styles as files: dist/webview/arcView.js and arcView.css, which
// the arc view loads through webview URIs (src/vscode/relations/arcPanel.ts). Their sources are
// TypeScript modules exporting the text (arcScript.ts, arcStyle.ts), so lint and the type-checker
// see them; here each module is evaluated for its text, minified in production (the bundler
// could not minify a script inside a string), and written beside the bundles. Neither bundle
// carries them: the browser bundle has a size budget (issue 17).
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const assets = [
  { source: 'src/vscode/relations/arcScript.ts', name: 'arcScript', file: 'arcView.js', loader: 'js' },
  { source: 'src/vscode/relations/arcStyle.ts', name: 'arcStyle', file: 'arcView.css', loader: 'css' },
];

/** The text a module exports under `name`. */
async function exportedText(root, source, name) {
  const module = await esbuild.build({ absWorkingDir: root, entryPoints: [source], bundle: false, write: false, format: 'cjs', platform: 'neutral', logLevel: 'silent' });
  const loaded = { exports: {} };
  new Function('module', 'exports', module.outputFiles[0].text)(loaded, loaded.exports);
  const text = loaded.exports[name];
  if (typeof text !== 'string') throw new Error(`${source} does not export the string ${name}`);
  return text;
}

/** Writes every page file into `<root>/dist/webview/`; returns their paths. */
export async function writeWebviewAssets({ production = false, root = process.cwd() } = {}) {
  const folder = path.join(root, 'dist', 'webview');
  mkdirSync(folder, { recursive: true });
  const written = [];
  for (const { source, name, file, loader } of assets) {
    const text = await exportedText(root, source, name);
    const output = production ? (await esbuild.transform(text, { loader, minify: true, target: 'es2020' })).code : text;
    const target = path.join(folder, file);
    writeFileSync(target, output);
    written.push(target);
  }
  return written;
}
