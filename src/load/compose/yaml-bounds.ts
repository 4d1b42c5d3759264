/**
 * What a YAML text may hold before it is parsed: no control characters (YAML is text; they mean a
 * binary file) and no collection nested deeper than a Compose file ever needs. The depth is
 * measured on the lexer's flat token stream: the yaml package's parser and composer both recurse
 * once per level and would exhaust the stack on deep input.
 */
import { CST, Lexer } from 'yaml';

/** Deeper than any real Compose file (they nest a dozen levels), shallow enough for every recursive walk. */
export const MAX_YAML_DEPTH = 100;

/** Offset of the first C0 control character YAML does not allow (tab, line feed, carriage return are fine), or -1. */
export function firstControlCharacter(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const match = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  return match ? match.index : -1;
}

/** Markers the lexer inserts that are not in the source. */
const VIRTUAL = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * Offset where nesting first goes past `limit`, or undefined. Block nesting is the stack of
 * indentations of the lines' first items (and of items after `-` or `?` on the same line, which
 * nest compactly); flow nesting counts open brackets. Either may count one level more than the
 * parser will build, never fewer.
 */
export function tooDeepAt(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let offset = 0;
  let column = 0;
  let lineStart = true;
  let afterIndicator = false;
  for (const token of new Lexer().lex(text)) {
    if (VIRTUAL.has(token)) continue;
    const type = CST.tokenType(token);
    const start = offset;
    const startColumn = column;
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    column = newline >= 0 ? token.length - newline - 1 : column + token.length;
    if (type === 'newline' || newline >= 0) {
      lineStart = true;
      afterIndicator = false;
      continue;
    }
    if (type === 'space' || type === 'comment') continue;
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) flow--;
    if (flow === 0 && (lineStart || afterIndicator)) {
      while (indents.length > 0 && indents[indents.length - 1]! > startColumn) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < startColumn) indents.push(startColumn);
    }
    if (indents.length + flow > limit) return start;
    lineStart = false;
    afterIndicator = type === 'seq-item-ind' || type === 'explicit-key-ind';
  }
  return undefined;
}
