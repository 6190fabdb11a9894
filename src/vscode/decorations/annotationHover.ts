import * as vscode from 'vscode';
import { isPlaced } from '../../core/editing/liveAnnotations';
import { commandIds } from '../commandIds';
import type { AnnotatedDocuments } from '../documents/annotatedDocuments';
import { appendTypeGuidance } from '../guidelines/typeGuidance';
import type { ProjectService } from '../project/projectService';
import { commandLink, escapeMarkdown } from './markdownText';
import { appendRelationSection, relationHoverCommands } from '../relations/relationHover';
import { workspaceDocumentSelector } from '../uriPaths';

/**
 * Hovering a tagged span shows its type with the type's definition and examples (and a link to
 * its section of the guidelines), then the text, annotator, time and note, with links to change it.
 */
export function registerAnnotationHover(documents: AnnotatedDocuments, project: ProjectService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(workspaceDocumentSelector(), {
    provideHover(document, position) {
      const session = documents.loadedSession(document.uri);
      if (!session) return undefined;
      const offset = session.text.toCodePoint(document.offsetAt(position));
      const here = session.live.filter((item) => isPlaced(item) && item.start <= offset && offset <= item.end);
      if (here.length === 0) return undefined;
      const markdown = new vscode.MarkdownString(undefined, true);
      markdown.isTrusted = { enabledCommands: [commandIds.changeTagType, commandIds.removeTag, commandIds.editNote, commandIds.openGuidelines, ...relationHoverCommands] };
      const types = project.typesFor(document.uri);
      const guidelines = project.guidelinesFor(document.uri) !== undefined ? { uri: document.uri } : undefined;
      for (const item of here) {
        const { annotation } = item;
        const args = { uri: document.uri.toString(), id: annotation.id };
        markdown.appendMarkdown(`**${escapeMarkdown(annotation.type)}** “${escapeMarkdown(annotation.text)}”`);
        if (item.state !== 'ok') {
          const state = item.state === 'fuzzy' ? vscode.l10n.t('found approximately: check it') : item.state === 'edited' ? vscode.l10n.t('edited, saved with the text') : vscode.l10n.t('cut by an edit: check it');
          markdown.appendMarkdown(` *(${escapeMarkdown(state)})*`);
        }
        markdown.appendMarkdown('\n\n');
        const type = types.find((candidate) => candidate.name === annotation.type);
        if (type) appendTypeGuidance(markdown, type, guidelines);
        const who = [annotation.annotator, annotation.created?.replace('T', ' ').replace('Z', ' UTC')].filter(Boolean).join(', ');
        if (who) markdown.appendMarkdown(`$(person) ${escapeMarkdown(who)}\n\n`);
        if (annotation.note) markdown.appendMarkdown(`$(note) ${escapeMarkdown(annotation.note)}\n\n`);
        markdown.appendMarkdown(
          `${commandLink(vscode.l10n.t('Change type'), commandIds.changeTagType, args)} · ${commandLink(vscode.l10n.t('Remove'), commandIds.removeTag, args)} · ${commandLink(annotation.note ? vscode.l10n.t('Edit note') : vscode.l10n.t('Add note'), commandIds.editNote, args)}\n\n`,
        );
        appendRelationSection(markdown, session, annotation, document.uri);
        if (here.length > 1) markdown.appendMarkdown('---\n\n');
      }
      return new vscode.Hover(markdown);
    },
  });
}
