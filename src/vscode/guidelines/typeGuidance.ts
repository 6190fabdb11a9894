import * as vscode from 'vscode';
import type { EntityType } from '../../core/project';
import { commandIds } from '../commandIds';
import { commandLink, escapeMarkdown } from '../decorations/markdownText';

/** What the picker's detail line says about a type: its definition, else its one-line description. */
export function typeSummary(type: EntityType): string | undefined {
  return type.definition ?? type.description;
}

/** Whether a type says anything beyond its name. */
export function hasGuidance(type: EntityType): boolean {
  return typeSummary(type) !== undefined || (type.examples?.length ?? 0) > 0 || (type.notExamples?.length ?? 0) > 0;
}

/** The argument the Open Guidelines command takes from a link: the type, and the file or folder it is for. */
export interface GuidelinesTarget {
  type?: string;
  uri?: string;
}

/**
 * Appends a type's definition, examples and counter-examples to a hover or tooltip, and, when the
 * project names a guidelines file, a link to the type's section. Everything from the project file
 * is escaped: it is shown, never interpreted as Markdown.
 */
export function appendTypeGuidance(markdown: vscode.MarkdownString, type: EntityType, guidelines: { uri: vscode.Uri } | undefined): void {
  const summary = typeSummary(type);
  if (summary !== undefined) markdown.appendMarkdown(`${escapeMarkdown(summary)}\n\n`);
  const list = (texts: readonly string[]) => texts.map((text) => `“${escapeMarkdown(text)}”`).join(', ');
  if (type.examples?.length) markdown.appendMarkdown(`$(check) ${escapeMarkdown(vscode.l10n.t('Examples:'))} ${list(type.examples)}\n\n`);
  if (type.notExamples?.length) markdown.appendMarkdown(`$(close) ${escapeMarkdown(vscode.l10n.t('Not {0}:', type.name))} ${list(type.notExamples)}\n\n`);
  if (guidelines) {
    const target: GuidelinesTarget = { type: type.name, uri: guidelines.uri.toString() };
    markdown.appendMarkdown(`$(book) ${commandLink(vscode.l10n.t('Open guidelines'), commandIds.openGuidelines, target)}\n\n`);
  }
}
