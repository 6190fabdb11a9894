import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { paintAllUpTo } from '../../src/core/editing/paintWindows';
import { sidecarFormat, type Annotation } from '../../src/core/sidecar/model';
import { serializeSidecar } from '../../src/core/sidecar/serializeSidecar';
import { annotationContext } from '../../src/core/text/annotationContext';
import { CodePointIndex } from '../../src/core/text/codePoints';
import { sha256Hex } from '../../src/core/text/decodeText';
import { api, eventually, openArticle, restoreSampleCorpus, workspaceFile } from './support';

const file = 'en/long-article-generated.txt';
const taggedLines = 1_500;
const untaggedLines = 1_500;

/** Eight letters, as sidecar ids are: `longa` and the number in base 26. */
function idOf(number: number): string {
  let letters = '';
  for (let rest = number, place = 0; place < 3; place++, rest = Math.floor(rest / 26)) letters = String.fromCharCode(97 + (rest % 26)) + letters;
  return `longa${letters}`;
}

/** 1,500 lines with two tags each, then 1,500 lines without: 3,000 tags, more than are painted whole. */
function writeLongArticle(): void {
  const lines: string[] = [];
  const annotations: Annotation[] = [];
  let offset = 0;
  for (let line = 0; line < taggedLines + untaggedLines; line++) {
    const text = line < taggedLines ? `Line ${line}: Kampala 🌍 met Entebbe again.` : `Line ${line}: the council met again on Tuesday.`;
    if (line < taggedLines) {
      for (const [name, type] of [['Kampala', 'LOCATION'], ['Entebbe', 'LOCATION']] as const) {
        const start = offset + Array.from(text.slice(0, text.indexOf(name))).length;
        annotations.push({ id: idOf(annotations.length), type, start, end: start + name.length, text: name });
      }
    }
    lines.push(text);
    offset += Array.from(text).length + 1;
  }
  const content = `${lines.join('\n')}\n`;
  const bytes = Buffer.from(content, 'utf8');
  // With their context, as the editor writes tags: a reload while text is unsaved finds them again exactly.
  const index = new CodePointIndex(content);
  for (const annotation of annotations) Object.assign(annotation, annotationContext(index, annotation.start, annotation.end));
  const textPath = workspaceFile(file).fsPath;
  writeFileSync(textPath, bytes);
  const source = { file: 'long-article-generated.txt', sha256: sha256Hex(bytes), unit: 'codepoint', encoding: 'utf-8', bom: false, newline: 'lf' } as const;
  writeFileSync(`${textPath}.ann.yaml`, serializeSidecar({ format: sidecarFormat, source, status: 'in-progress', annotations }));
}

/** The text of a code-point span of the document, as the sidecar counts it. */
function codePointSlice(document: vscode.TextDocument, start: number, end: number): string {
  return Array.from(document.getText()).slice(start, end).join('');
}

describe('Long articles', () => {
  // VS Code for the Web saves a second after each edit; what is tested here is typing, not
  // saving (saving re-anchors every tag in the store: see docs/performance.md, Long articles).
  const files = () => vscode.workspace.getConfiguration('files');
  let autoSave: string | undefined;
  before(async () => {
    await api();
    autoSave = files().inspect<string>('autoSave')?.globalValue;
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    assert.equal(files().get('autoSave'), 'off');
    writeLongArticle();
  });
  after(async () => {
    await files().update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    await restoreSampleCorpus();
  });

  it('paints a long article around the screen and again when it is scrolled', async () => {
    const editor = await openArticle(file);
    const annotations = await (await api()).annotationsOf(editor.document.uri);
    assert.equal(annotations.length, 2 * taggedLines);
    assert.ok(annotations.length > paintAllUpTo);
    (await api()).paintNow();
    const atTop = (await api()).lastPaintedRanges(editor.document.uri);
    assert.ok(atTop > 0 && atTop < annotations.length, `around the screen only: ${atTop} of ${annotations.length}`);
    // Far into the untagged half: the scroll alone brings a repaint, with nothing to paint there.
    editor.revealRange(new vscode.Range(taggedLines + 1_000, 0, taggedLines + 1_000, 0), vscode.TextEditorRevealType.AtTop);
    await eventually(async () => ((await api()).lastPaintedRanges(editor.document.uri) === 0 ? true : undefined), 'a repaint after scrolling to untagged lines');
    editor.revealRange(new vscode.Range(taggedLines - 5, 0, taggedLines - 5, 0), vscode.TextEditorRevealType.AtTop);
    await eventually(async () => ((await api()).lastPaintedRanges(editor.document.uri) > 0 ? true : undefined), 'a repaint after scrolling back to tagged lines');
  });

  it('keeps every tag on its words while typing, emoji included, through to the last line', async () => {
    const editor = await openArticle(file);
    const typed = ['B', 'R', 'E', 'A', 'K', '🚨', ' '];
    for (const [index, character] of typed.entries()) {
      await editor.edit((builder) => builder.insert(new vscode.Position(10, 8 + index + (index > 5 ? 1 : 0)), character));
    }
    const annotations = await (await api()).annotationsOf(editor.document.uri);
    const placed = annotations.filter((item) => item.state === 'ok');
    assert.equal(placed.length, 2 * taggedLines);
    for (const item of [placed[0], placed[25], placed[placed.length - 1]]) assert.equal(codePointSlice(editor.document, item.start, item.end), item.text, `${item.id} at ${item.start}`);
    const last = annotations.find((item) => item.id === idOf(2 * taggedLines - 1))!;
    assert.equal(codePointSlice(editor.document, last.start, last.end), 'Entebbe');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
