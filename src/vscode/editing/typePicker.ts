import * as vscode from 'vscode';
import { describeTypeChoice, keyLetterPauseMs, typeForKeyLetter, typeOnAccept } from '../../core/editing/typeChoice';
import type { EntityType } from '../../core/project';
import { typeSummary } from '../guidelines/typeGuidance';

/** The keyboard chords bound to the first types, in project order (see package.json keybindings). */
export function chordForSlot(slot: number): string | undefined {
  if (slot < 1 || slot > 9) return undefined;
  return onMac() ? `⌥⌘${slot}` : `Ctrl+Alt+${slot}`;
}

/** Whether the keyboard is a Mac's: Node says so on the desktop, the user agent in a browser worker. */
function onMac(): boolean {
  if (typeof process !== 'undefined') return process.platform === 'darwin';
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '';
  return /Mac/.test(agent);
}

/**
 * Runs `callback` once the events already queued are handled; returns what cancels it. Node's
 * setImmediate runs after pending I/O; a browser worker has no setImmediate, and a zero timeout
 * there runs after the messages already queued.
 */
function afterPendingEvents(callback: () => void): () => void {
  if (typeof setImmediate === 'function') {
    const immediate = setImmediate(callback);
    return () => clearImmediate(immediate);
  }
  const timer = setTimeout(callback, 0);
  return () => clearTimeout(timer);
}

/**
 * Small colour swatches for the type picker and the Tags view, one SVG per type and theme: items
 * and rows can show an icon image but not an arbitrary colour. The images are `data:` URIs, made
 * in memory. They were files written to the extension's storage once, which in the browser build
 * went through the workbench's storage: rows and the picker waited seconds for them there, and the
 * images did not show at all.
 */
export class TypeSwatches {
  private readonly made = new Map<string, { light: vscode.Uri; dark: vscode.Uri }>();

  icon(type: EntityType): { light: vscode.Uri; dark: vscode.Uri } {
    const key = keyOf(type);
    let icon = this.made.get(key);
    if (!icon) {
      icon = { light: swatchUri(type.color.light), dark: swatchUri(type.color.dark) };
      this.made.set(key, icon);
    }
    return icon;
  }
}

/** The project's colours are checked as #rgb or #rrggbb when read; anything else is drawn grey. */
function swatchUri(colour: string): vscode.Uri {
  const fill = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(colour) ? colour : '#808080';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="2" y="3" width="12" height="10" rx="2" fill="${fill}"/></svg>`;
  // btoa: in browser workers and in Node alike; the text is ASCII.
  return vscode.Uri.parse(`data:image/svg+xml;base64,${btoa(svg)}`);
}

function keyOf(type: EntityType): string {
  return `${type.name}-${type.color.light}-${type.color.dark}`;
}

interface TypeItem extends vscode.QuickPickItem {
  readonly type: EntityType;
}


/**
 * Asks for an entity type: each item shows its colour, key, chord and definition; `current`
 * (Change Type) is marked and highlighted. Typing filters by name and Enter picks; a type's key
 * letter typed alone picks that type once typing pauses (see core/editing/typeChoice.ts), so
 * Ctrl+Alt+T then P tags as PERSON, and typing `person` never closes the picker half-way, which
 * would send the rest of the name into the article.
 */
export async function pickEntityType(types: readonly EntityType[], swatches: TypeSwatches, title: string, current?: string): Promise<EntityType | undefined> {
  const choiceWords = { current: vscode.l10n.t('current type'), key: (letter: string) => vscode.l10n.t('key {0}', letter) };
  const items: TypeItem[] = types.map((type, index) => ({ type, label: type.name, description: describeTypeChoice(type, chordForSlot(index + 1), type.name === current, choiceWords), detail: typeSummary(type), iconPath: swatches.icon(type) }));
  const quickPick = vscode.window.createQuickPick<TypeItem>();
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Type a name (Enter picks it), or a key letter alone to pick at once');
  quickPick.items = items;
  quickPick.matchOnDetail = true;
  const currentItem = items.find((item) => item.type.name === current);
  if (currentItem) quickPick.activeItems = [currentItem];
  return new Promise((resolve) => {
    let settled = false;
    let pause: ReturnType<typeof setTimeout> | undefined;
    let recheck: (() => void) | undefined;
    const cancelPending = () => {
      if (pause) clearTimeout(pause);
      recheck?.();
      pause = recheck = undefined;
    };
    const finish = (type: EntityType | undefined) => {
      cancelPending();
      if (settled) return;
      settled = true;
      resolve(type);
      quickPick.dispose();
    };
    quickPick.onDidChangeValue((value) => {
      cancelPending();
      const byKey = typeForKeyLetter(types, value);
      if (!byKey) return;
      const keyed = items.find((item) => item.type === byKey);
      // Highlight what the key letter will pick, so Enter picks the same at once.
      if (keyed) quickPick.activeItems = [keyed];
      pause = setTimeout(() => {
        // A busy extension host runs an expired timer before it reads the keystrokes that came
        // meanwhile: let those arrive first, then look again.
        recheck = afterPendingEvents(() => {
          if (quickPick.value === value) finish(byKey);
        });
      }, keyLetterPauseMs);
    });
    quickPick.onDidAccept(() => finish(typeOnAccept(types, quickPick.value, (quickPick.selectedItems[0] ?? quickPick.activeItems[0])?.type)));
    quickPick.onDidHide(() => finish(undefined));
    quickPick.show();
  });
}
