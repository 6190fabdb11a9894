// Checks that keep the extension's translations complete and in step with the code: the manifest's
// %key% strings against package.nls*.json, and every vscode.l10n.t message of src/vscode against
// the l10n bundles. Pure functions over file contents, so the test can also show each check fail.
import ts from 'typescript';

export type Catalog = Readonly<Record<string, unknown>>;

/** A message the code passes to vscode.l10n.t, and where. */
export interface UsedMessage {
  readonly message: string;
  readonly where: string;
}

export interface SourceScan {
  readonly messages: readonly UsedMessage[];
  /** Calls the check cannot read (non-literal messages, aliases) and user-facing literals that bypass l10n. */
  readonly problems: readonly string[];
}

/** The positional placeholders of a message, sorted and without repeats: "{0} of {1}" -> "{0},{1}". */
export function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1])))]
    .sort((left, right) => left - right)
    .map((index) => `{${index}}`)
    .join(',');
}

/** Link targets, inline code and icons: a translation keeps them exactly (commands, setting names, $(tag)). */
function fixedParts(text: string): string {
  const targets = [...text.matchAll(/\]\(([^)]*)\)/g)].map((match) => match[1]);
  const code = [...text.matchAll(/`([^`]*)`/g)].map((match) => match[1]);
  const icons = [...text.matchAll(/\$\([a-z-~]+\)/g)].map((match) => match[0]);
  return JSON.stringify([targets, code, icons].map((parts) => [...parts].sort()));
}

function compareWithEnglish(english: string, translated: unknown, label: string): string[] {
  if (typeof translated !== 'string' || translated.trim() === '') return [`${label}: missing`];
  const problems: string[] = [];
  if (placeholders(english) !== placeholders(translated)) problems.push(`${label}: placeholders ${placeholders(translated) || '(none)'} differ from the English ${placeholders(english) || '(none)'}`);
  if (fixedParts(english) !== fixedParts(translated)) problems.push(`${label}: links, \`code\` or $(icons) differ from the English`);
  return problems;
}

// Manifest fields people read in the workbench: each must be a %key% so the translations reach
// it. (`description` stays plain English: package.json is also the npm package's manifest.)
const localisedFields: readonly ((manifest: Record<string, unknown>) => [string, unknown][])[] = [
  (manifest) => contributions(manifest, 'commands').flatMap((command, index) => [[`commands[${index}].title`, command.title], [`commands[${index}].category`, command.category]] as [string, unknown][]),
  (manifest) =>
    Object.entries((contributes(manifest).views ?? {}) as Record<string, Record<string, unknown>[]>).flatMap(([container, views]) =>
      views.map((view, index) => [`views.${container}[${index}].name`, view.name] as [string, unknown]),
    ),
  (manifest) => contributions(manifest, 'viewsWelcome').map((welcome, index) => [`viewsWelcome[${index}].contents`, welcome.contents]),
  (manifest) =>
    Object.entries(((contributes(manifest).configuration as Record<string, unknown> | undefined)?.properties ?? {}) as Record<string, Record<string, unknown>>).flatMap(([name, property]) =>
      ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']
        .filter((field) => property[field] !== undefined)
        .map((field) => [`configuration.${name}.${field}`, property[field]] as [string, unknown]),
    ),
];

function contributes(manifest: Record<string, unknown>): Record<string, unknown> {
  return (manifest.contributes ?? {}) as Record<string, unknown>;
}

function contributions(manifest: Record<string, unknown>, point: string): Record<string, unknown>[] {
  return (contributes(manifest)[point] ?? []) as Record<string, unknown>[];
}

function manifestKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%(.+)%$/.exec(value);
    if (match) found.add(match[1]);
  } else if (Array.isArray(value)) value.forEach((item) => manifestKeys(item, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => manifestKeys(item, found));
  return found;
}

/** package.json against package.nls.json and its translations (by language: 'es', 'zh-cn'). */
export function checkManifest(manifest: Record<string, unknown>, english: Catalog, translations: Readonly<Record<string, Catalog>>): string[] {
  const problems: string[] = [];
  for (const [field, value] of localisedFields.flatMap((fields) => fields(manifest))) {
    if (typeof value !== 'string' || !/^%.+%$/.test(value)) problems.push(`package.json ${field} is not localised: ${JSON.stringify(value)} (use a %key% from package.nls.json)`);
  }
  const used = manifestKeys(manifest);
  for (const key of used) {
    if (typeof english[key] !== 'string') problems.push(`package.nls.json lacks %${key}%, used in package.json`);
    for (const [language, catalog] of Object.entries(translations)) {
      if (typeof english[key] === 'string') problems.push(...compareWithEnglish(english[key], catalog[key], `package.nls.${language}.json %${key}%`));
    }
  }
  for (const key of Object.keys(english)) if (!used.has(key)) problems.push(`package.nls.json has %${key}%, which package.json no longer uses`);
  for (const [language, catalog] of Object.entries(translations)) {
    for (const key of Object.keys(catalog)) if (!(key in english)) problems.push(`package.nls.${language}.json has %${key}%, which package.nls.json does not`);
  }
  return problems;
}

/** Every message the code uses against each bundle (by language), and each bundle against the code. */
export function checkBundles(used: readonly UsedMessage[], bundles: Readonly<Record<string, Catalog>>): string[] {
  const problems: string[] = [];
  const messages = new Map<string, string>();
  for (const item of used) if (!messages.has(item.message)) messages.set(item.message, item.where);
  for (const [language, bundle] of Object.entries(bundles)) {
    for (const [message, where] of messages) problems.push(...compareWithEnglish(message, bundle[message], `bundle.l10n.${language}.json ${JSON.stringify(message)} (${where})`));
    for (const key of Object.keys(bundle)) if (!messages.has(key)) problems.push(`bundle.l10n.${language}.json has ${JSON.stringify(key)}, which no vscode.l10n.t call uses any more`);
  }
  return problems;
}

// Where a string literal reaches the user directly. Calls: which arguments are shown ('all', or
// indices). Properties: object-literal keys and assigned members that the workbench shows.
const shownArguments: Readonly<Record<string, 'all' | readonly number[]>> = {
  showInformationMessage: 'all',
  showWarningMessage: 'all',
  showErrorMessage: 'all',
  setStatusBarMessage: [0],
  showInputBox: 'all',
  CodeAction: [0],
  TreeItem: [0],
  Diagnostic: [1],
  MarkdownString: [0],
  appendMarkdown: [0],
  appendText: [0],
  problem: [1],
};
const shownProperties = new Set(['title', 'placeHolder', 'placeholder', 'prompt', 'tooltip', 'detail', 'description', 'message', 'label', 'text', 'validationMessage']);
// Names that are never translated.
const untranslated = new Set(['News Annotator']);

function calledName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

/** String literals (and template text) an expression shows directly: through ?:, ??, || and +, and inside `${…}`. */
function literalsIn(expression: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression];
  if (ts.isTemplateExpression(expression)) return [expression, ...expression.templateSpans.flatMap((span) => literalsIn(span.expression))];
  if (ts.isParenthesizedExpression(expression)) return literalsIn(expression.expression);
  if (ts.isConditionalExpression(expression)) return [...literalsIn(expression.whenTrue), ...literalsIn(expression.whenFalse)];
  if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(expression.operatorToken.kind)) {
    return [...literalsIn(expression.left), ...literalsIn(expression.right)];
  }
  return [];
}

function hasWords(node: ts.Node): boolean {
  const parts = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)] : [(node as ts.StringLiteral).text];
  const text = parts.join(' ').trim();
  // Codicons such as $(tag) are icons, not words.
  return !untranslated.has(text) && /\p{L}/u.test(text.replace(/\$\([a-z-~]+\)/g, ''));
}

function isL10nAccess(node: ts.Node): node is ts.PropertyAccessExpression {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'l10n';
}

/** Reads one src/vscode file: its vscode.l10n.t messages, and what the check cannot accept. */
export function scanSource(file: string, content: string): SourceScan {
  const source = ts.createSourceFile(file, content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const messages: UsedMessage[] = [];
  const problems: string[] = [];
  const at = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const flagLiterals = (expression: ts.Expression, context: string) => {
    for (const literal of literalsIn(expression)) if (hasWords(literal)) problems.push(`${at(literal)}: ${context} shows ${literal.getText(source)} without vscode.l10n.t`);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportSpecifier(node) && (node.propertyName ?? node.name).text === 'l10n') problems.push(`${at(node)}: import vscode and call vscode.l10n.t, so this check sees every message`);
    if (isL10nAccess(node)) {
      const member = node.parent;
      const call = member.parent;
      if (!ts.isPropertyAccessExpression(member) || member.name.text !== 't' || !ts.isCallExpression(call) || call.expression !== member) {
        problems.push(`${at(node)}: use vscode.l10n only as vscode.l10n.t('literal message', ...), so this check sees every message`);
      } else {
        const [first, ...rest] = call.arguments;
        if (!first || !(ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          problems.push(`${at(call)}: the message of vscode.l10n.t must be a string literal (the bundles are keyed by it), not ${first ? first.getText(source) : 'nothing'}`);
        } else {
          messages.push({ message: first.text, where: at(call) });
          const highest = Math.max(-1, ...[...first.text.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1])));
          if (rest.some((argument) => ts.isObjectLiteralExpression(argument))) problems.push(`${at(call)}: pass positional arguments for {0}, {1}… (named ones are not checked)`);
          else if (highest + 1 !== rest.length) problems.push(`${at(call)}: ${JSON.stringify(first.text)} uses ${highest + 1} placeholder(s) but gets ${rest.length} argument(s)`);
        }
      }
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calledName(node.expression);
      // Own keys only: a call such as `.toString(…)` must not find Object.prototype's members.
      const shown = name === undefined || !Object.hasOwn(shownArguments, name) ? undefined : shownArguments[name];
      (node.arguments ?? []).forEach((argument, index) => {
        if (shown === 'all' || shown?.includes(index)) flagLiterals(argument, name!);
      });
    }
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && shownProperties.has(node.name.text)) flagLiterals(node.initializer, node.name.text);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && shownProperties.has(node.left.name.text)) {
      flagLiterals(node.right, node.left.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { messages, problems };
}
