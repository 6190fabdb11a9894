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
 * Small colour swatches for the QuickPick, one SVG per type and theme, written once to the
 * extension's storage: QuickPick items can show an icon file but not an arbitrary colour.
 */
export class TypeSwatches {
  private readonly written = new Map<string, Promise<{ light: vscode.Uri; dark: vscode.Uri } | undefined>>();
  /** Swatches whose files are written, by key: what a view can show without waiting. */
  private readonly done = new Map<string, { light: vscode.Uri; dark: vscode.Uri } | undefined>();

  constructor(private readonly storage: vscode.Uri) {}

  icon(type: EntityType): Promise<{ light: vscode.Uri; dark: vscode.Uri } | undefined> {
    const key = keyOf(type);
    let pending = this.written.get(key);
    if (!pending) {
      pending = this.write(key, type).then((icon) => {
        this.done.set(key, icon);
        return icon;
      });
      this.written.set(key, pending);
    }
    return pending;
  }

  /**
   * The swatch if its files are already written; otherwise undefined, and the writing is started
   * (`icon` says when it is done). For tree rows, which must not wait on file writes: in the
   * browser they go through the workbench's storage and were seen to take many seconds.
   */
  iconIfWritten(type: EntityType): { light: vscode.Uri; dark: vscode.Uri } | undefined {
    void this.icon(type);
    return this.done.get(keyOf(type));
  }

  private async write(key: string, type: EntityType): Promise<{ light: vscode.Uri; dark: vscode.Uri } | undefined> {
    const folder = vscode.Uri.joinPath(this.storage, 'swatches');
    const svg = (colour: string) =>
      new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="2" y="3" width="12" height="10" rx="2" fill="${colour}"/></svg>`);
    try {
      await vscode.workspace.fs.createDirectory(folder);
      const light = vscode.Uri.joinPath(folder, `${key.replace(/[^A-Za-z0-9_-]/g, '')}-light.svg`);
      const dark = vscode.Uri.joinPath(folder, `${key.replace(/[^A-Za-z0-9_-]/g, '')}-dark.svg`);
      await vscode.workspace.fs.writeFile(light, svg(type.color.light));
      await vscode.workspace.fs.writeFile(dark, svg(type.color.dark));
      return { light, dark };
    } catch {
      return undefined; // Swatches are decoration: the picker works without them.
    }
  }
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
  const items: TypeItem[] = await Promise.all(
    types.map(async (type, index) => {
      const icon = await swatches.icon(type);
      return { type, label: type.name, description: describeTypeChoice(type, chordForSlot(index + 1), type.name === current, choiceWords), detail: typeSummary(type), ...(icon ? { iconPath: icon } : {}) };
    }),
  );
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
