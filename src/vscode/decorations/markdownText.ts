import { printable } from '../../core/text/printable';

/** A Markdown link that runs `command` with `args` (the hover's or tooltip's trust list must allow it). */
export function commandLink(title: string, command: string, args: unknown): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** File text shown as literal Markdown on one line: no markup, no control or reordering characters. */
export function escapeMarkdown(text: string): string {
  return printable(text).replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
