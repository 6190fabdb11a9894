import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkBundles, checkManifest, placeholders, scanSource, type Catalog } from './translationCheck';

const root = path.join(__dirname, '..', '..', '..', '..');
const languages = ['es', 'zh-cn'] as const;
const readJson = (relative: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(root, relative), 'utf8')) as Record<string, unknown>;

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return typeScriptFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

function scanEditorLayer() {
  const scans = typeScriptFiles(path.join(root, 'src', 'vscode')).map((file) => scanSource(path.relative(root, file).split(path.sep).join('/'), readFileSync(file, 'utf8')));
  return { messages: scans.flatMap((scan) => scan.messages), problems: scans.flatMap((scan) => scan.problems) };
}

const bundles = (): Record<string, Catalog> => Object.fromEntries(languages.map((language) => [language, readJson(`l10n/bundle.l10n.${language}.json`)]));
const listed = (problems: readonly string[]) => `\n  ${problems.join('\n  ')}`;

describe('translations (Spanish, Simplified Chinese)', () => {
  describe('this extension', () => {
    it('localises every command title, view, welcome text and setting through package.nls*.json, with every key translated', () => {
      const manifest = readJson('package.json');
      const problems = checkManifest(manifest, readJson('package.nls.json'), Object.fromEntries(languages.map((language) => [language, readJson(`package.nls.${language}.json`)])));
      assert.deepEqual(problems, [], listed(problems));
      assert.equal(manifest.l10n, './l10n', 'package.json must point VS Code at the l10n bundles');
    });

    it('passes only literal messages to vscode.l10n.t, and no user-facing literal bypasses it', () => {
      const { messages, problems } = scanEditorLayer();
      assert.deepEqual(problems, [], listed(problems));
      assert.ok(messages.length > 50, `only ${messages.length} localised messages found: is the scan reading src/vscode?`);
    });

    it('translates every vscode.l10n.t message in both bundles, and the bundles hold nothing the code no longer says', () => {
      const problems = checkBundles(scanEditorLayer().messages, bundles());
      assert.deepEqual(problems, [], listed(problems));
    });

    it('ships the translations in the .vsix', () => {
      // .vscodeignore excludes everything, then lets the listed files back in.
      const rules = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim());
      assert.ok(rules.includes('!package.nls*.json'), '.vscodeignore must keep package.nls*.json');
      assert.ok(rules.includes('!l10n/*.json'), '.vscodeignore must keep l10n/*.json');
    });
  });

  describe('the checks themselves', () => {
    const manifest = {
      contributes: { commands: [{ command: 'x.run', title: '%command.run.title%', category: '%command.category%' }] },
    };
    const english = { 'command.run.title': 'Run {0}', 'command.category': 'X' };
    const spanish = { 'command.run.title': 'Ejecutar {0}', 'command.category': 'X' };

    it('accept a complete catalogue', () => {
      assert.deepEqual(checkManifest(manifest, english, { es: spanish }), []);
    });

    it('fail when a translation lacks a key, has an extra key, or changes placeholders', () => {
      const missing: Record<string, string> = { ...spanish };
      delete missing['command.run.title'];
      assert.match(checkManifest(manifest, english, { es: missing }).join('\n'), /package\.nls\.es\.json %command\.run\.title%: missing/);
      assert.match(checkManifest(manifest, english, { es: { ...spanish, 'command.gone.title': 'Ido' } }).join('\n'), /has %command\.gone\.title%, which package\.nls\.json does not/);
      assert.match(checkManifest(manifest, english, { es: { ...spanish, 'command.run.title': 'Ejecutar {1}' } }).join('\n'), /placeholders \{1\} differ from the English \{0\}/);
    });

    it('fail when package.json uses a key package.nls.json lacks, or a command title is not a key', () => {
      const withNewCommand = { ...manifest, contributes: { commands: [...manifest.contributes.commands, { command: 'x.stop', title: '%command.stop.title%', category: '%command.category%' }] } };
      assert.match(checkManifest(withNewCommand, english, { es: spanish }).join('\n'), /package\.nls\.json lacks %command\.stop\.title%/);
      const literalTitle = { ...manifest, contributes: { commands: [{ command: 'x.run', title: 'Run', category: '%command.category%' }] } };
      assert.match(checkManifest(literalTitle, english, { es: spanish }).join('\n'), /commands\[0\]\.title is not localised: "Run"/);
    });

    it('fail when a translated welcome text changes a command link', () => {
      const welcome = { contributes: { viewsWelcome: [{ view: 'v', contents: '%welcome%' }] } };
      const problems = checkManifest(welcome, { welcome: 'Nothing.\n[Open](command:x.open)' }, { es: { welcome: 'Nada.\n[Abrir](command:x.abrir)' } });
      assert.match(problems.join('\n'), /links, `code` or \$\(icons\) differ/);
    });

    it('read the messages of vscode.l10n.t calls, in quotes or back-quotes', () => {
      const scan = scanSource('a.ts', "vscode.l10n.t('Tagged {0} names.', count);\nvscode.l10n.t(`It’s \\`done\\``);\nvscode.l10n.t(\"Say \\\"hi\\\"\");");
      assert.deepEqual(scan.problems, []);
      assert.deepEqual(
        scan.messages.map((item) => item.message),
        ['Tagged {0} names.', 'It’s `done`', 'Say "hi"'],
      );
    });

    it('fail on a message that is not a literal, an alias of l10n.t, or a wrong number of arguments', () => {
      assert.match(scanSource('a.ts', 'vscode.l10n.t(message);').problems.join('\n'), /a\.ts:1: the message of vscode\.l10n\.t must be a string literal/);
      assert.match(scanSource('a.ts', 'vscode.l10n.t(`Tagged ${count}`);').problems.join('\n'), /must be a string literal/);
      assert.match(scanSource('a.ts', 'const t = vscode.l10n.t;').problems.join('\n'), /use vscode\.l10n only as/);
      assert.match(scanSource('a.ts', "import { l10n } from 'vscode';").problems.join('\n'), /import vscode and call vscode\.l10n\.t/);
      assert.match(scanSource('a.ts', "vscode.l10n.t('{0} of {1}', done);").problems.join('\n'), /uses 2 placeholder\(s\) but gets 1 argument/);
    });

    it('fail on user-facing literals that bypass vscode.l10n.t', () => {
      const source = [
        "void vscode.window.showInformationMessage('Nothing to undo.');",
        'item.tooltip = `${count} tags`;',
        "vscode.window.withProgress({ title: done ? 'Exporting' : 'Writing' }, run);",
        "void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to undo.'));",
        "item.text = `$(tag) ${count}`;",
        "item.name = 'News Annotator';",
        "markdown.appendMarkdown(`**${type}** *(${fuzzy ? 'found approximately' : vscode.l10n.t('edited')})*`);",
      ].join('\n');
      const problems = scanSource('a.ts', source).problems;
      assert.deepEqual(
        problems.map((line) => line.replace(/ shows .*/, '')),
        ['a.ts:1: showInformationMessage', 'a.ts:2: tooltip', 'a.ts:3: title', 'a.ts:3: title', 'a.ts:7: appendMarkdown'],
      );
    });

    it('fail when a bundle lacks a message, keeps one the code dropped, or changes placeholders', () => {
      const used = [{ message: 'Tagged {0} names.', where: 'a.ts:1' }];
      assert.deepEqual(checkBundles(used, { es: { 'Tagged {0} names.': 'Se etiquetaron {0} nombres.' } }), []);
      assert.match(checkBundles(used, { es: {} }).join('\n'), /bundle\.l10n\.es\.json "Tagged \{0\} names\." \(a\.ts:1\): missing/);
      assert.match(checkBundles([], { 'zh-cn': { 'Old message': '旧消息' } }).join('\n'), /bundle\.l10n\.zh-cn\.json has "Old message", which no vscode\.l10n\.t call uses any more/);
      assert.match(checkBundles(used, { es: { 'Tagged {0} names.': 'Se etiquetaron nombres.' } }).join('\n'), /placeholders \(none\) differ from the English \{0\}/);
      assert.match(checkBundles([{ message: '$(tag) {0} tags', where: 'a.ts:1' }], { es: { '$(tag) {0} tags': '$(tags) {0} etiquetas' } }).join('\n'), /\$\(icons\) differ/);
    });

    it('compare placeholders as sets of positions', () => {
      assert.equal(placeholders('{1} de {0}, {0}'), '{0},{1}');
      assert.equal(placeholders('no placeholders'), '');
    });
  });
});
