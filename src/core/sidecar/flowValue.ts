/**
 * Writing values in the canonical flow style. Every string is a JSON string, which is also a
 * YAML double-quoted scalar, so no reader can coerce it (PyYAML reads a bare `NO` as false and a
 * bare `2026-11-24` as a date). A few characters JSON leaves raw are escaped as well: YAML forbids
 * raw C1 controls, DEL and U+FFFE/U+FFFF, YAML 1.1 readers treat U+0085, U+2028 and U+2029 as
 * line breaks, and a raw U+FEFF is easily taken for a byte-order mark.
 */
const needsExtraEscape = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const extraEscapes = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

// Characters that make a string need more than a pair of quotes around it (surrogates included
// so that lone ones go through JSON.stringify, which escapes them).
// eslint-disable-next-line no-control-regex
export const needsAnyEscape = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;

export function formatString(value: string): string {
  // Most values (names, ids, types) need nothing: skip JSON.stringify and the second scan.
  if (!needsAnyEscape.test(value)) return '"' + value + '"';
  const json = JSON.stringify(value);
  if (!needsExtraEscape.test(json)) return json;
  return json.replace(extraEscapes, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'));
}

// Keys written without quotes: identifiers that no YAML 1.1 or 1.2 reader resolves to a
// boolean or null (`on`, `no`, `null` and friends would become non-string keys in PyYAML).
const plainKey = /^[A-Za-z_][A-Za-z0-9_]*$/;
const reservedWords = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);

export function formatKey(key: string): string {
  return plainKey.test(key) && !reservedWords.has(key.toLowerCase()) ? key : formatString(key);
}

/**
 * Numbers in a form YAML 1.2 and PyYAML (YAML 1.1) both read back as the same number: PyYAML
 * only takes an exponent after a decimal point, so `1e+21` is written `1.0e+21`.
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  const text = String(value);
  const exponent = text.indexOf('e');
  if (exponent < 0 || text.includes('.')) return text;
  return `${text.slice(0, exponent)}.0${text.slice(exponent)}`;
}

/**
 * Any value read from YAML (string, number, boolean, null, list, map) on one line, maps with
 * their keys sorted so the output does not depend on the order a person wrote them in.
 * `depth` guards against cyclic or absurdly deep values handed in by a caller.
 */
export function formatValue(value: unknown, depth = 0): string {
  if (depth > 64) return 'null';
  switch (typeof value) {
    case 'string':
      return formatString(value);
    case 'number':
      return formatNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item) => formatValue(item, depth + 1)).join(', ')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort(compareText);
      return formatMap(keys.map((key) => [key, record[key]]), depth);
    }
    default:
      // undefined, functions and symbols have no YAML form.
      return 'null';
  }
}

/** `{key: value, ...}` from pairs already in the order they are to be written. */
export function formatMap(pairs: ReadonlyArray<readonly [string, unknown]>, depth = 0): string {
  if (pairs.length === 0) return '{}';
  let text = '{';
  for (let index = 0; index < pairs.length; index++) {
    const [key, value] = pairs[index];
    if (index > 0) text += ', ';
    text += formatKey(key) + ': ' + formatValue(value, depth + 1);
  }
  return text + '}';
}

/** Plain code-unit order: deterministic everywhere, unlike `localeCompare`. */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
