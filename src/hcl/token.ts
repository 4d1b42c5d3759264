/**
 * Token kinds of the HCL native syntax, shared by the lexer (reading) and the writer (whose
 * layout engine decides spacing from token kinds exactly as hclwrite does). Names follow
 * hclsyntax's `TokenType` so the formatting rules read like their Go original.
 */
export const TOKEN_TYPES = [
  'ident',
  'number',
  'oquote',
  'cquote',
  // Raw (still escaped) literal text inside a quoted template.
  'quotedLit',
  'oheredoc',
  'cheredoc',
  // Literal text inside a heredoc; one token per line at most, ending with its newline.
  'stringLit',
  // `${` or `${~`
  'interp',
  // `%{` or `%{~`
  'control',
  // `}` or `~}` closing an interpolation or directive.
  'seqEnd',
  'obrace',
  'cbrace',
  'obrack',
  'cbrack',
  'oparen',
  'cparen',
  'equal',
  'comma',
  'dot',
  'colon',
  'doubleColon',
  'question',
  'ellipsis',
  'fatArrow',
  'star',
  'slash',
  'plus',
  'minus',
  'percent',
  'equalOp',
  'notEqual',
  'lessThan',
  'lessThanEq',
  'greaterThan',
  'greaterThanEq',
  'and',
  'or',
  'bang',
  'comment',
  'newline',
  'invalid',
  'eof',
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];

/** How a token changes bracket nesting, as hclwrite counts it for indentation. */
export function bracketChange(type: TokenType): number {
  switch (type) {
    case 'obrace':
    case 'obrack':
    case 'oparen':
    case 'control':
    case 'interp':
      return 1;
    case 'cbrace':
    case 'cbrack':
    case 'cparen':
    case 'seqEnd':
      return -1;
    default:
      return 0;
  }
}

const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;

/** An HCL identifier: letters, digits, `_` and `-`, not starting with a digit or `-`. */
export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}
