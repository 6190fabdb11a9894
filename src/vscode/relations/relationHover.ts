import * as vscode from 'vscode';
import { relationsOf } from '../../core/editing/relationActions';
import type { Annotation } from '../../core/sidecar/model';
import { commandIds } from '../commandIds';
import { commandLink, escapeMarkdown } from '../decorations/markdownText';
import type { DocumentSession } from '../documents/documentSession';

/** The commands the hover's relation, attribute and link rows run (its trust list must allow them). */
export const relationHoverCommands = [commandIds.linkTag, commandIds.removeRelation, commandIds.revealMention, commandIds.setAttribute, commandIds.setKnowledgeBaseLink];

/**
 * A tag's relations in its hover, each with a link to the other end and one that removes it;
 * then its attributes and knowledge-base links, and links to link, set an attribute or a KB id.
 */
export function appendRelationSection(markdown: vscode.MarkdownString, session: DocumentSession, annotation: Annotation, uri: vscode.Uri): void {
  const sidecar = session.sidecar;
  if (!sidecar) return;
  const { outgoing, incoming } = relationsOf(sidecar, annotation.id);
  // Only the other ends: a long article's hover would otherwise map every one of its tags.
  const otherIds = new Set([...outgoing.map((relation) => relation.to), ...incoming.map((relation) => relation.from)]);
  const byId = new Map<string, (typeof session.live)[number]>();
  if (otherIds.size > 0) for (const item of session.live) if (otherIds.has(item.annotation.id)) byId.set(item.annotation.id, item);
  const row = (arrow: string, type: string, otherId: string, relationId: string) => {
    const other = byId.get(otherId);
    const otherText = other ? `“${escapeMarkdown(other.annotation.text)}” (${escapeMarkdown(other.annotation.type)})` : escapeMarkdown(otherId);
    const reveal = other
      ? ` ${commandLink('$(go-to-file)', commandIds.revealMention, { uri: uri.toString(), start: other.start, end: other.end, id: otherId, text: other.annotation.text })}`
      : '';
    const remove = commandLink(vscode.l10n.t('Remove relation'), commandIds.removeRelation, { uri: uri.toString(), id: relationId });
    return `${arrow} **${escapeMarkdown(type)}** ${otherText}${reveal} · ${remove}\n\n`;
  };
  for (const relation of outgoing) markdown.appendMarkdown(row('→', relation.type, relation.to, relation.id));
  for (const relation of incoming) markdown.appendMarkdown(row('←', relation.type, relation.from, relation.id));
  const attributes = Object.entries(annotation.attributes ?? {}).map(([name, value]) => (value === true ? escapeMarkdown(name) : `${escapeMarkdown(name)}=${escapeMarkdown(value)}`));
  if (attributes.length > 0) markdown.appendMarkdown(`$(symbol-property) ${attributes.join(', ')}\n\n`);
  if ((annotation.links ?? []).length > 0) markdown.appendMarkdown(`$(link) ${(annotation.links ?? []).map(escapeMarkdown).join(', ')}\n\n`);
  const args = { uri: uri.toString(), id: annotation.id };
  markdown.appendMarkdown(
    `${commandLink(vscode.l10n.t('Link…'), commandIds.linkTag, { from: annotation.id })} · ${commandLink(vscode.l10n.t('Set attribute'), commandIds.setAttribute, args)} · ${commandLink(vscode.l10n.t('Set KB link'), commandIds.setKnowledgeBaseLink, args)}\n\n`,
  );
}
