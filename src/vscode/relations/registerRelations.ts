import * as vscode from 'vscode';
import type { TaggingContext } from '../editing/registerTaggingCommands';
import { ArcPanel } from './arcPanel';
import { registerAttributeCommands } from './registerAttributeCommands';
import { registerRelationCommands } from './registerRelationCommands';
import { RelationHints } from './relationHints';

export interface RelationsFeature {
  readonly disposable: vscode.Disposable;
  readonly hints: RelationHints;
  readonly arcs: ArcPanel;
}

/** Relations, discontinuous spans, attributes and KB links in the editor, and the arc view. */
export function registerRelations(context: TaggingContext, extensionUri: vscode.Uri): RelationsFeature {
  const hints = new RelationHints(context.documents);
  const arcs = new ArcPanel(context.documents, context.project, extensionUri);
  return { hints, arcs, disposable: vscode.Disposable.from(hints, arcs, registerRelationCommands(context), registerAttributeCommands(context)) };
}
