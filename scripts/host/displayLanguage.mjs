// Runs code-server's workbench in another display language without VS Code's language pack.
//
// What decides the language (code-server 4.139.1, read from its server and workbench code and
// checked by running it): the server picks a locale from `--locale`, else `locale` in the user
// data's User/argv.json, else a `vscode.nls.locale` cookie, else the browser's Accept-Language.
// It only takes effect if a language pack for that locale is registered in the user data's
// languagepacks.json (written when a pack such as MS-CEINTL.vscode-language-pack-es is
// installed): the server then serves its messages and sets the workbench's language. Without a
// pack the workbench, `vscode.env.language` and so every extension's vscode.l10n and
// package.nls.<language>.json stay English, whatever `--locale` or the browser says.
//
// The real packs come from the Marketplace, which these machines cannot reach. So this registers
// an empty pack for the locale: VS Code's own strings stay English (as they would without a pack),
// while the workbench runs in that language and extensions get their translations, exactly as
// with the real pack installed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Prepares the user data of a server started on `stateDir` (see codeServer.mjs) for `locale`
 * ('es', 'zh-cn', …) and returns the arguments to pass as startCodeServer's extraArgs.
 */
export function displayLanguageArgs(stateDir, locale) {
  const userData = path.join(stateDir, 'user-data');
  const translations = path.join(stateDir, 'empty-language-pack', `${locale}.i18n.json`);
  mkdirSync(path.dirname(translations), { recursive: true });
  mkdirSync(userData, { recursive: true });
  // No translations: every VS Code message falls back to its English text.
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const languagePacks = {
    [locale]: {
      // The server caches the generated messages under this hash; any fixed value will do.
      hash: `empty-${locale}`,
      extensions: [{ extensionIdentifier: { id: `news-annotator.empty-language-pack-${locale}` }, version: '0.0.0' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(languagePacks));
  return ['--locale', locale];
}
