import * as vscode from 'vscode';
import { isPlaced, type LiveAnnotation } from '../../core/editing/liveAnnotations';
import { setAttribute, setLinks } from '../../core/editing/relationActions';
import { parseKnowledgeBaseLookup, type KnowledgeBaseEntry } from '../../core/project/knowledgeBaseLookup';
import type { AttributeValue } from '../../core/sidecar/model';
import { isolateRightToLeft } from '../../core/text/bidiIsolate';
import { printable } from '../../core/text/printable';
import { commandIds } from '../commandIds';
import type { DocumentSession } from '../documents/documentSession';
import { annotationsAtSelections } from '../editing/fileActions';
import { activeCorpusEditor, type TaggingContext } from '../editing/registerTaggingCommands';
import { reportFailure } from './registerRelationCommands';
import { pathOfUri } from '../uriPaths';

interface AttributeArguments {
  readonly uri?: string;
  readonly id?: string;
  readonly name?: string;
  /** A value, `true` for a binary attribute, or `null` to remove it. */
  readonly value?: string | true | null;
}

interface LinkArguments {
  readonly uri?: string;
  readonly id?: string;
  /** The KB id to set (`wikidata:Q2841`), or '' to remove the links. */
  readonly link?: string;
}

/** The tag a hover link names ({uri, id}), or the innermost one at the cursor. */
async function targetTag(context: TaggingContext, args: { uri?: string; id?: string } | undefined): Promise<{ uri: vscode.Uri; session: DocumentSession; item: LiveAnnotation } | undefined> {
  if (args?.uri && args.id) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
    const session = await context.documents.sessionFor(document);
    const item = session?.live.find((candidate) => candidate.annotation.id === args.id);
    return session && item ? { uri: document.uri, session, item } : undefined;
  }
  const active = await activeCorpusEditor(context.documents);
  if (!active) return undefined;
  const item = annotationsAtSelections(active.editor, active.session).find(isPlaced);
  if (!item) {
    void vscode.window.showInformationMessage(vscode.l10n.t('News Annotator: there is no tag at the cursor.'));
    return undefined;
  }
  return { uri: active.editor.document.uri, session: active.session, item };
}

/** Rows of the project's KB lookup file; none when the project names none or it cannot be read. */
async function knowledgeBaseEntries(context: TaggingContext, uri: vscode.Uri): Promise<KnowledgeBaseEntry[]> {
  const lookup = context.project.configOf(uri).kbLookup;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!lookup || !folder) return [];
  try {
    return parseKnowledgeBaseLookup(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, lookup))));
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: the knowledge-base lookup {0} cannot be read; type the id.', lookup));
    return [];
  }
}

/** A quick pick of KB rows that also takes what is typed as an id. */
function pickKnowledgeBaseId(entries: readonly KnowledgeBaseEntry[], current: readonly string[], title: string): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { id: string };
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Type to filter, or type a new id (prefix:id)');
  quickPick.matchOnDescription = true;
  const fixed: Item[] = [
    ...(current.length > 0 ? [{ label: vscode.l10n.t('$(close) Remove the link'), id: '' }] : []),
    ...entries.map((entry) => ({ label: isolateRightToLeft(printable(entry.label || entry.id)), description: entry.id, id: entry.id })),
  ];
  quickPick.items = fixed;
  return new Promise((resolve) => {
    quickPick.onDidChangeValue((value) => {
      const typed = value.trim();
      const known = entries.some((entry) => entry.id === typed);
      quickPick.items = typed && !/\s/u.test(typed) && !known ? [{ label: typed, description: vscode.l10n.t('typed id'), id: typed }, ...fixed] : fixed;
    });
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.id);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** Set Attribute… and Set Knowledge-Base Link…: one write each, one undo step. */
export function registerAttributeCommands(context: TaggingContext): vscode.Disposable {
  const write = async (uri: vscode.Uri, label: string, factory: Parameters<TaggingContext['workspace']['edit']>[1][number]['factory']): Promise<boolean> => {
    const result = await context.workspace.edit(label, [{ textPath: pathOfUri(uri), factory }]);
    if (result.failures.length > 0) return reportFailure((detail) => vscode.l10n.t('News Annotator: saving failed, nothing was written. {0}', detail), result.failures), false;
    return result.changes.size > 0;
  };

  const chooseAttribute = async (args: AttributeArguments | undefined, uri: vscode.Uri, current: Record<string, AttributeValue>): Promise<{ name: string; value: AttributeValue | undefined } | undefined> => {
    const declared = context.project.configOf(uri).attributes;
    const name =
      args?.name ??
      (declared
        ? (await vscode.window.showQuickPick(
            declared.map((attribute) => ({ label: attribute.name, description: current[attribute.name] === undefined ? '' : String(current[attribute.name]), detail: attribute.description })),
            { title: vscode.l10n.t('Attribute') },
          ))?.label
        : (await vscode.window.showInputBox({ title: vscode.l10n.t('Attribute'), prompt: vscode.l10n.t('The project declares no attributes; name one.') }))?.trim());
    if (!name) return undefined;
    if (args?.value !== undefined) return { name, value: args.value ?? undefined };
    const values = declared?.find((attribute) => attribute.name === name)?.values;
    if (values === undefined && declared !== undefined) return { name, value: current[name] === undefined ? true : undefined };
    const remove = { label: vscode.l10n.t('$(close) Remove the attribute'), value: undefined };
    const options = values
      ? [...values.map((value) => ({ label: value, value: value })), ...(current[name] !== undefined ? [remove] : [])]
      : undefined;
    if (options) {
      const picked = await vscode.window.showQuickPick(options, { title: vscode.l10n.t('Value of {0}', name) });
      return picked ? { name, value: picked.value } : undefined;
    }
    const typed = await vscode.window.showInputBox({ title: vscode.l10n.t('Value of {0}', name), value: typeof current[name] === 'string' ? (current[name]) : '', prompt: vscode.l10n.t('Leave empty for a yes/no attribute.') });
    return typed === undefined ? undefined : { name, value: typed.trim() === '' ? true : typed.trim() };
  };

  const attribute = async (args?: AttributeArguments): Promise<boolean> => {
    const found = await targetTag(context, args);
    if (!found) return false;
    const chosen = await chooseAttribute(args, found.uri, found.item.annotation.attributes ?? {});
    if (!chosen) return false;
    const id = found.item.annotation.id;
    return write(found.uri, vscode.l10n.t('Set attribute {0}', chosen.name), (sidecar) => setAttribute(sidecar, id, chosen.name, chosen.value));
  };

  const knowledgeBaseLink = async (args?: LinkArguments): Promise<boolean> => {
    const found = await targetTag(context, args);
    if (!found) return false;
    const current = found.item.annotation.links ?? [];
    const link =
      args?.link ??
      (await pickKnowledgeBaseId(await knowledgeBaseEntries(context, found.uri), current, vscode.l10n.t('Knowledge-base link for “{0}”', isolateRightToLeft(printable(found.item.annotation.text)))));
    if (link === undefined) return false;
    const prefixes = context.project.configOf(found.uri).kbPrefixes;
    const prefix = link.split(':')[0];
    if (link !== '' && prefixes !== undefined && (!link.includes(':') || !prefixes.includes(prefix))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('News Annotator: {0} does not start with a knowledge-base prefix of the project ({1}).', link, prefixes.join(', ')));
      return false;
    }
    const id = found.item.annotation.id;
    return write(found.uri, vscode.l10n.t('Set knowledge-base link'), (sidecar) => setLinks(sidecar, id, link === '' ? [] : [link]));
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.setAttribute, (args?: AttributeArguments) => attribute(args)),
    vscode.commands.registerCommand(commandIds.setKnowledgeBaseLink, (args?: LinkArguments) => knowledgeBaseLink(args)),
  );
}
