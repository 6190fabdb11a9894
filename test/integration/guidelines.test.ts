import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { OpenedGuidelines } from '../../src/vscode/guidelines/openGuidelines';
import { api, eventually, openArticle, restoreSampleCorpus, select, workspaceFile } from './support';

const article = 'en/cartagena-hangzhou-sister-cities.txt';

interface SampleType {
  name: string;
  definition: string;
  examples: string[];
}

function sampleType(name: string): SampleType {
  const project = parse(readFileSync(workspaceFile('news-annotator.yaml').fsPath, 'utf8')) as { types: SampleType[] };
  const type = project.types.find((candidate) => candidate.name === name);
  assert.ok(type, `the sample project file has no ${name}`);
  return type;
}

/** Markdown as a person reads it: the hover escapes every punctuation mark taken from the file. */
const unescaped = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

/** The editor showing GUIDELINES.md, once it is visible. */
function guidelinesEditor(): Promise<vscode.TextEditor> {
  return eventually(() => vscode.window.visibleTextEditors.find((editor) => editor.document.uri.path.endsWith('/GUIDELINES.md')), 'GUIDELINES.md to be shown');
}

describe('Guidelines beside the work', () => {
  after(restoreSampleCorpus);

  before(async () => {
    await api();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens GUIDELINES.md beside the article at the PERSON section, keeping the article focused', async () => {
    const editor = await openArticle(article);
    const opened = await vscode.commands.executeCommand<OpenedGuidelines>('newsAnnotator.openGuidelines', 'PERSON');
    assert.equal(opened?.heading, 'PERSON');
    const guidelines = await guidelinesEditor();
    assert.notEqual(guidelines.viewColumn, editor.viewColumn, 'the guidelines open in another column, beside the article');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the article keeps the focus');
    const heading = guidelines.document.lineAt(guidelines.selection.active.line).text;
    assert.equal(heading, '## PERSON');
    assert.equal(guidelines.selection.active.line, opened.line - 1);
    // Revealed at the top of the editor, not merely somewhere in the file. Sticky scroll may keep
    // the file's title pinned above it, so the first visible line can be a line or two earlier.
    await eventually(() => {
      const first = guidelines.visibleRanges[0]?.start.line ?? -1;
      const line = guidelines.selection.active.line;
      if (first <= line && line - first <= 3 && first > 0) return true;
      throw new Error(`first visible line ${first + 1}, heading at ${line + 1}`);
    }, 'the PERSON heading at the top of the guidelines editor');
  });

  it('opens at the section of the tag under the cursor, in the column already showing the guidelines', async () => {
    const editor = await openArticle(article);
    await vscode.commands.executeCommand('newsAnnotator.openGuidelines', 'PERSON');
    const first = await guidelinesEditor();
    const cartagena = select(editor, 'Cartagena', 1);
    editor.selection = new vscode.Selection(cartagena.start.translate(0, 2), cartagena.start.translate(0, 2));
    const opened = await vscode.commands.executeCommand<OpenedGuidelines>('newsAnnotator.openGuidelines');
    assert.equal(opened?.heading, 'LOCATION');
    const guidelines = await eventually(async () => {
      const shown = await guidelinesEditor();
      return shown.document.lineAt(shown.selection.active.line).text === '## LOCATION' ? shown : undefined;
    }, 'the LOCATION section');
    assert.equal(guidelines.viewColumn, first.viewColumn);
    assert.equal(vscode.window.visibleTextEditors.filter((shown) => shown.document.uri.path.endsWith('/GUIDELINES.md')).length, 1);
  });

  it('shows the type’s definition, examples and a guidelines link on hover over a tag', async () => {
    const editor = await openArticle(article);
    const person = sampleType('PERSON');
    const name = select(editor, 'Lucía Ferrán Osorio');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, name.start.translate(0, 3));
    const text = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
    assert.ok(unescaped(text).includes(person.definition), `hover lacks the definition:\n${text}`);
    assert.ok(unescaped(text).includes(`“${person.examples[0]}”`), `hover lacks the examples:\n${text}`);
    assert.match(text, /\[Open guidelines\]\(command:newsAnnotator\.openGuidelines\?/);
  });

  it('gives each type in the Tags view its definition as tooltip and the guidelines action', async () => {
    const extension = await api();
    const location = sampleType('LOCATION');
    const row = await eventually(async () => (await extension.tagsItems(1)).find((item) => item.row.startsWith('LOCATION |')), 'the LOCATION row');
    assert.equal(row.contextValue, 'tagType');
    assert.ok(unescaped(row.tooltip ?? '').includes(location.definition), `tooltip: ${row.tooltip}`);
    const packageJson = JSON.parse(readFileSync(path.join(vscode.extensions.getExtension('news-annotator.news-annotator')!.extensionPath, 'package.json'), 'utf8')) as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const menu = packageJson.contributes.menus['view/item/context'].filter((item) => item.command === 'newsAnnotator.openGuidelinesForType');
    assert.ok(menu.some((item) => item.when?.includes('viewItem == tagType')));
  });

  it('shows each type in the Tags view with a swatch of its own colour, drawn in memory', async () => {
    const extension = await api();
    const types = await eventually(async () => {
      const rows = (await extension.tagsItems(1)).filter((item) => item.contextValue === 'tagType');
      return rows.length >= 5 ? rows : undefined;
    }, 'the type rows');
    const fills = types.map((row) => {
      // A data: URI, not a file: the browser build could neither write nor show swatch files quickly.
      const match = /^data:image\/svg\+xml;base64,(.+)$/.exec(row.icon ?? '');
      assert.ok(match, `${row.row}: icon ${row.icon}`);
      return /fill="(#[0-9a-fA-F]{6})"/.exec(Buffer.from(match[1], 'base64').toString('ascii'))?.[1];
    });
    assert.equal(new Set(fills).size, types.length, `one colour per type: ${fills.join(', ')}`);
  });

  it('opens nothing when the project names no guidelines, or when GUIDELINES.md is a link out of the corpus', async () => {
    const projectFile = workspaceFile('news-annotator.yaml').fsPath;
    const original = readFileSync(projectFile, 'utf8');
    const outside = mkdtempSync(path.join(tmpdir(), 'guidelines-outside-'));
    try {
      writeFileSync(projectFile, original.replace(/^guidelines:.*\n/m, ''));
      await eventually(async () => ((await vscode.commands.executeCommand('newsAnnotator.openGuidelines', 'PERSON')) === undefined ? true : undefined), 'the project without guidelines to load', 10_000);

      writeFileSync(projectFile, original.replace(/^guidelines:.*$/m, 'guidelines: ../GUIDELINES.md'));
      const problem = await eventually(() => vscode.languages.getDiagnostics(workspaceFile('news-annotator.yaml')).find((item) => item.code === 'project-guidelines'), 'the refused path in Problems', 10_000);
      const line = original.split('\n').findIndex((text) => text.startsWith('guidelines:'));
      assert.deepEqual([problem.range.start.line, problem.range.start.character], [line, 'guidelines: '.length]);
      assert.equal(await vscode.commands.executeCommand('newsAnnotator.openGuidelines', 'PERSON'), undefined);

      writeFileSync(projectFile, original);
      const secret = path.join(outside, 'secret.md');
      writeFileSync(secret, '## PERSON\nnot part of the corpus\n');
      const guidelinesFile = workspaceFile('GUIDELINES.md').fsPath;
      renameSync(guidelinesFile, `${guidelinesFile}.own`);
      symlinkSync(secret, guidelinesFile);
      await eventually(() => (vscode.languages.getDiagnostics(workspaceFile('news-annotator.yaml')).length === 0 ? true : undefined), 'the project file to load again', 10_000);
      assert.equal(await vscode.commands.executeCommand('newsAnnotator.openGuidelines', 'PERSON'), undefined);
      assert.ok(!vscode.workspace.textDocuments.some((document) => document.getText().includes('not part of the corpus')));
      rmSync(guidelinesFile);
      renameSync(`${guidelinesFile}.own`, guidelinesFile);
    } finally {
      writeFileSync(projectFile, original);
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
