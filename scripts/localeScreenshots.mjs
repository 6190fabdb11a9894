// Screenshots of the extension in Spanish and Simplified Chinese, from the real workbench
// (code-server + Chromium), on a scratch copy of sample-corpus/: the sidebar, and the type picker
// open on a selected name.   npm run build && node scripts/localeScreenshots.mjs [outDir]
// VS Code's own strings stay English (its language packs cannot be installed offline, see
// host/displayLanguage.mjs); the extension's strings are in the display language.
// For CJK text that people can read, install a CJK font first (apt-get install fonts-noto-cjk),
// or Chromium draws empty boxes; the script runs without it.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './host/browser.mjs';
import { freePort, startCodeServer, workbenchUrl } from './host/codeServer.mjs';
import { displayLanguageArgs } from './host/displayLanguage.mjs';
import { ensureHost } from './host/install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.argv.slice(2).find((argument) => !argument.startsWith('--')) ?? path.join(root, 'docs', 'images'));
const locales = ['es', 'zh-cn'];
// An article in the locale's language, and words that show it is open.
const articles = { es: ['es/feria-comercial-bogota-shanghai.txt', 'Shanghái'], 'zh-cn': ['zh/hangzhou-cartagena-friendship-city.txt', '杭州'] };

async function shoot(browser, host, scratch, locale) {
  const [article, line] = articles[locale];
  const workspace = path.join(scratch, `corpus-${locale}`);
  const stateDir = path.join(scratch, `state-${locale}`);
  cpSync(path.join(root, 'sample-corpus'), workspace, { recursive: true });
  const server = await startCodeServer({
    host,
    stateDir,
    port: await freePort(),
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'editor.wordWrap': 'on', 'editor.fontSize': 15 },
    extraArgs: displayLanguageArgs(stateDir, locale),
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, locale });
  const target = path.join(outDir, `picker-${locale}.png`);
  try {
    await page.goto(workbenchUrl(server, { folder: workspace, extensionPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const language = await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE);
    if (language !== locale) throw new Error(`the workbench runs in ${language ?? 'en'}, not ${locale}`);
    await page.locator('.activitybar [role="tab"][aria-label^="News Annotator"], .activitybar a[aria-label^="News Annotator"]').first().click();
    // The icon's tooltip can open over the view and take the click meant for a row.
    await page.mouse.move(700, 700);
    await page.waitForTimeout(500);
    await page.locator('.monaco-list-row', { hasText: path.basename(article) }).first().click();
    await page.locator('.view-line', { hasText: line }).first().waitFor();
    await page.mouse.move(700, 700); // no hover tooltip over the sidebar
    await page.waitForTimeout(1500); // decorations are debounced; let them paint
    // Next Tag selects the first tagged name; Ctrl+Alt+T opens the type picker for it.
    await page.locator('.view-lines').first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Alt+BracketRight');
    await page.keyboard.press('Control+Alt+T');
    await page.locator('.quick-input-widget', { hasText: 'PERSON' }).first().waitFor();
    await page.mouse.move(1100, 700); // no hover tooltip over the picker
    await page.waitForTimeout(800);
    await page.screenshot({ path: target });
    process.stdout.write(`wrote ${target}\n`);
  } catch (error) {
    await page.screenshot({ path: path.join(outDir, `failed-picker-${locale}.png`) });
    throw error;
  } finally {
    await page.close();
    await server.stop();
  }
}

const host = ensureHost();
mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-locale-shots-'));
const browser = await launchBrowser(host.chromium);
try {
  for (const locale of locales) await shoot(browser, host, scratch, locale);
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
