// Takes the README's screenshots from the real workbench (code-server + Chromium), on a scratch
// copy of sample-corpus/:   npm run build && node scripts/screenshots.mjs [outDir] [--only NAME.png]
// For screenshots meant for people install fonts first, or emoji and CJK draw as empty boxes:
//   apt-get install fonts-noto-color-emoji fonts-noto-cjk
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './host/browser.mjs';
import { freePort, startCodeServer, workbenchUrl } from './host/codeServer.mjs';
import { ensureHost } from './host/install.mjs';
import { showArcs } from './host/showArcs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.argv.slice(2).find((argument, index, all) => !argument.startsWith('--') && all[index - 1] !== '--only') ?? path.join(root, 'docs', 'images'));
const article = 'cartagena-hangzhou-sister-cities.txt';
const themeNames = { light: 'Default Light Modern', dark: 'Default Dark Modern', 'hc-light': 'Default High Contrast Light', 'hc-dark': 'Default High Contrast' };
// `--high-contrast`: only the tagged article in both high-contrast themes (to check readability).
const highContrastOnly = process.argv.includes('--high-contrast');
// `--only guidelines.png`: take that one screenshot (a theme with none of its shots is skipped).
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;

async function openArticle(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.activitybar [role="tab"][aria-label^="News Annotator"], .activitybar a[aria-label^="News Annotator"]').first().click();
  await page.locator('.monaco-list-row', { hasText: article }).first().click();
  await page.locator('.view-line', { hasText: 'Lucía Ferrán Osorio' }).first().waitFor();
  await page.waitForTimeout(1500); // decorations are debounced; let them paint
}

// Relations for the arc view's screenshot, added to the scratch copy only: the shipped sample
// sidecars stay without relations, which the export and import tests count on.
const sampleRelations = [
  ['r2p6q8sf', 'located_in', '2lodoebc', 'zoygxgx3'],
  ['r3v8n1xe', 'works_for', '57r4pova', 'tpu4ry66'],
  ['r7m2k9qa', 'meets', '7ez4m7pg', 'gwcymk2x'],
  ['r5c4t6yb', 'located_in', 'lsb5zlzp', 'w6qzyld7'],
  ['r9h2w3zd', 'sister_city', 'zoygxgx3', 'iukiykhu'],
];

function addSampleRelations(workspace) {
  const lines = sampleRelations.map(([id, type, from, to]) => `  - {id: "${id}", type: "${type}", from: "${from}", to: "${to}", annotator: "sample", created: "2026-11-24T09:00:00Z"}\n`);
  appendFileSync(path.join(workspace, 'en', `${article}.ann.yaml`), `relations:\n${lines.join('')}`);
}

// `prepare(workspace)` changes the scratch copy of the corpus before the workbench opens it; such
// shots get their own copy (`copy` names it), so the other shots of the theme show the corpus as it ships.
async function shoot(browser, host, scratch, theme, allShots, { copy = theme, prepare } = {}) {
  const shots = allShots.filter(([name]) => only === undefined || name === only);
  if (shots.length === 0) return;
  const workspace = path.join(scratch, `corpus-${copy}`);
  cpSync(path.join(root, 'sample-corpus'), workspace, { recursive: true });
  if (prepare) prepare(workspace);
  const server = await startCodeServer({
    host,
    stateDir: path.join(scratch, `state-${copy}`),
    port: await freePort(),
    settings: { 'workbench.colorTheme': themeNames[theme], 'editor.minimap.enabled': false, 'editor.wordWrap': 'on', 'editor.fontSize': 15 },
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  try {
    await openArticle(page, workbenchUrl(server, { folder: workspace, extensionPath: root })).catch(async (error) => {
      await page.screenshot({ path: path.join(outDir, `failed-${theme}.png`) });
      throw error;
    });
    for (const [name, action] of shots) {
      if (action) {
        await action(page).catch(async (error) => {
          await page.screenshot({ path: path.join(outDir, `failed-${name}`) });
          throw error;
        });
      }
      await page.screenshot({ path: path.join(outDir, name) });
      process.stdout.write(`wrote ${path.join(outDir, name)}\n`);
    }
  } finally {
    await page.close();
    await server.stop();
  }
}

/**
 * Where `word` is drawn in an editor row: the editor splits a row into spans only where inline
 * decorations start or end, so the word may share its span with its neighbours.
 */
/* global document, NodeFilter -- the callback runs in the page */
async function wordBox(row, word) {
  return row.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    }
    throw new Error(`${wanted} is not in the row`);
  }, word);
}

/** Runs `news-annotator suggest` on the copy with a few names the sample article leaves untagged. */
function suggestFromGazetteer(workspace) {
  const gazetteer = path.join(path.dirname(workspace), 'names.tsv');
  // Names that do not cut into the tagged "Lucía Ferrán Osorio", which openArticle waits for.
  const names = [['Chinese Embassy', 'ORG'], ['Bogotá', 'LOCATION'], ['Asia-Pacific', 'LOCATION'], ['Zhejiang', 'LOCATION'], ['ICETEX', 'ORG'], ['Cartagena Chamber of Commerce', 'ORG'], ['Caribe Global News', 'ORG']];
  writeFileSync(gazetteer, `name\ttype\n${names.map((row) => row.join('\t')).join('\n')}\n`);
  execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'suggest', workspace, '--gazetteer', gazetteer], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Runs Reattach Sidecars of Moved Texts from the command palette, up to its list of moves. */
async function openRelinkPicker(page) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor();
  await input.fill('>Reattach Sidecars of Moved Texts');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reattach Sidecars' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: 'Move these sidecars beside their texts?' }).first().waitFor();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'mombasa-2024.txt' }).first().waitFor();
}

/** Renames two tagged texts as `git mv` would, leaving their sidecars behind, for Reattach Sidecars of Moved Texts. */
function moveTwoTexts(workspace) {
  mkdirSync(path.join(workspace, 'en', 'archive'), { recursive: true });
  renameSync(path.join(workspace, 'en', 'mombasa-port-modernisation-deal.txt'), path.join(workspace, 'en', 'archive', 'mombasa-2024.txt'));
  renameSync(path.join(workspace, 'zh', 'hangzhou-cartagena-friendship-city.txt'), path.join(workspace, 'zh', 'hangzhou-cartagena.txt'));
}

const host = ensureHost();
mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(path.join(tmpdir(), 'news-annotator-shots-'));
const browser = await launchBrowser(host.chromium);
try {
  if (highContrastOnly) {
    await shoot(browser, host, scratch, 'hc-light', [['tagged-article-hc-light.png']]);
    await shoot(browser, host, scratch, 'hc-dark', [['tagged-article-hc-dark.png']]);
  } else await shoot(browser, host, scratch, 'light', [
    ['tagged-article-light.png'],
    [
      'tag-picker-light.png',
      async (page) => {
        // Next Tag selects a tagged name; Ctrl+Alt+T opens the type picker for it.
        await page.locator('.view-lines').first().click({ position: { x: 5, y: 5 } });
        await page.keyboard.press('Control+Home');
        for (let count = 0; count < 3; count++) await page.keyboard.press('Control+Alt+BracketRight');
        // The pointer stays off the picker, or the row under it shows its description's hover.
        await page.mouse.move(900, 700);
        await page.keyboard.press('Control+Alt+T');
        await page.locator('.quick-input-widget', { hasText: 'PERSON' }).first().waitFor();
        await page.waitForTimeout(800); // the picker fades in: a shot taken at once shows the editor through it
      },
    ],
    [
      'guidelines.png',
      async (page) => {
        // Next Tag three times selects the byline's PERSON; Open Guidelines (Ctrl+Alt+G) opens
        // GUIDELINES.md beside the article at the PERSON section; then the hover over that tag.
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+B');
        await page.locator('.view-lines').first().click({ position: { x: 5, y: 5 } });
        await page.keyboard.press('Control+Home');
        for (let count = 0; count < 3; count++) await page.keyboard.press('Control+Alt+BracketRight');
        await page.keyboard.press('Control+Alt+G');
        await page.locator('.view-line', { hasText: '## PERSON' }).first().waitFor();
        await page.keyboard.press('ArrowRight');
        const name = page.locator('.editor-group-container').first().locator('.view-line span span', { hasText: /Ostrowe/ }).first();
        await name.hover();
        await page.locator('.monaco-hover', { hasText: 'Open guidelines' }).first().waitFor();
        await page.waitForTimeout(500);
      },
    ],
  ]);
  if (!highContrastOnly) await shoot(browser, host, scratch, 'light', [
    [
      'suggestions.png',
      async (page) => {
        // The article with its tags and, dashed and labelled TYPE?, the names `suggest` found
        // untagged (two of them overlapping tags); then the hover over one (ICETEX) with
        // Accept / Reject / Accept all.
        await page.locator('.view-lines').first().click({ position: { x: 5, y: 5 } });
        // The end of the article shows the paragraphs where the suggested names are.
        await page.keyboard.press('Control+End');
        // The row once the suggestion is drawn: the name, then its type as an inlay hint (word wrap is on).
        const row = page.locator('.view-line', { hasText: /ICETEX\s*ORG\?/ }).first();
        await row.waitFor();
        // The editor may still be scrolling: a hover that does not open is tried once more.
        await page.waitForTimeout(800);
        const hover = page.locator('.monaco-hover', { hasText: 'Suggested' }).first();
        const hoverName = async () => {
          const box = await wordBox(row, 'ICETEX');
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        };
        await hoverName();
        if (!(await hover.waitFor({ timeout: 5000 }).then(() => true, () => false))) {
          await page.mouse.move(5, 5);
          await hoverName();
          await hover.waitFor();
        }
        await page.waitForTimeout(500);
      },
    ],
  ], { copy: 'light-suggested', prepare: suggestFromGazetteer });
  if (!highContrastOnly) await shoot(browser, host, scratch, 'dark', [
    ['tagged-article-dark.png'],
    [
      'tags-view-dark.png',
      async (page) => {
        const tags = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Tags' }) }).first();
        await tags.locator('.monaco-list-row', { hasText: 'LOCATION' }).first().click();
        await tags.locator('.monaco-list-row', { hasText: 'Cartagena' }).first().click();
        await tags.locator('.monaco-list-row', { hasText: '.txt:' }).first().waitFor();
        await page.waitForTimeout(500);
      },
    ],
    [
      'search-tags-dark.png',
      async (page) => {
        await page.keyboard.press('Control+Alt+F');
        const input = page.locator('.quick-input-widget input').first();
        await input.waitFor();
        await input.fill('bogota');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'LOCATION' }).first().waitFor();
        await page.waitForTimeout(800);
      },
    ],
  ]);
  if (!highContrastOnly) await shoot(browser, host, scratch, 'light', [
    [
      'relink-picker.png',
      async (page) => {
        // The sidecars two renames outside the editor left behind, found by content, to confirm.
        await openRelinkPicker(page);
        await page.waitForTimeout(500);
      },
    ],
    [
      'relink-done.png',
      async (page) => {
        // OK: both sidecars move, and the Corpus view counts the tags under the new names.
        await page.keyboard.press('Escape');
        await openRelinkPicker(page);
        await page.keyboard.press('Enter');
        await page.locator('.monaco-list-row', { hasText: /mombasa-2024\.txt\s*[1-9]/ }).first().waitFor({ timeout: 30_000 });
        await page.waitForTimeout(800);
      },
    ],
  ], { copy: 'light-relink', prepare: moveTwoTexts });
  if (!highContrastOnly) await shoot(browser, host, scratch, 'light', [
    [
      'arcs.png',
      async (page) => {
        // The article drawn beside the editor, brat-like.
        await showArcs(page);
      },
    ],
  ], { copy: 'light-arcs', prepare: addSampleRelations });
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
