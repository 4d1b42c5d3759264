/**
 * Expressions, following hclsyntax's grammar: conditional < binary operators by precedence <
 * unary `!`/`-` < terms, each followed by its postfix steps (see `parse-postfix.ts`).
 */
import type { BinaryOperator, Expr, ForExpr, ObjectExpr, ObjectItem, Range, TupleExpr } from './ast.js';
import { toComment } from './comments.js';
import { parsePostfix } from './parse-postfix.js';
import { parseHeredocTemplate, parseQuotedTemplate } from './parse-template.js';
import type { TokenIndex, TokenReader } from './reader.js';
import type { TokenType } from './token.js';

/** Binary operators and how tightly they bind (all left-associative), loosest first. */
const BINARY: ReadonlyMap<TokenType, { readonly op: BinaryOperator; readonly level: number }> = new Map(
  (
    [
      [['or', '||']],
      [['and', '&&']],
      [
        ['equalOp', '=='],
        ['notEqual', '!='],
      ],
      [
        ['lessThan', '<'],
        ['greaterThan', '>'],
        ['lessThanEq', '<='],
        ['greaterThanEq', '>='],
      ],
      [
        ['plus', '+'],
        ['minus', '-'],
      ],
      [
        ['star', '*'],
        ['slash', '/'],
        ['percent', '%'],
      ],
    ] as const
  ).flatMap((operators, level) => operators.map(([type, op]) => [type, { op, level }] as const)),
);

export function parseExpression(r: TokenReader): Expr {
  const cond = parseBinary(r, 0);
  if (r.peekType() !== 'question') return cond;
  r.skip();
  const then = parseExpression(r);
  if (!r.accept('colon')) {
    r.errorAt(r.peek(), 'Missing false expression in conditional', 'The conditional operator (...?...:...) requires a false expression, delimited by a colon.');
    return { kind: 'conditional', cond, then, else: placeholder(r, r.peek()), range: rangeOf(cond, then) };
  }
  const otherwise = parseExpression(r);
  return { kind: 'conditional', cond, then, else: otherwise, range: rangeOf(cond, otherwise) };
}

/** Precedence climbing: operators binding at least as tightly as `minLevel`. */
function parseBinary(r: TokenReader, minLevel: number): Expr {
  let left = parseOperand(r);
  for (;;) {
    const operator = BINARY.get(r.peekType());
    if (!operator || operator.level < minLevel) return left;
    r.skip();
    const right = parseBinary(r, operator.level + 1);
    left = { kind: 'binary', op: operator.op, left, right, range: rangeOf(left, right) };
  }
}

/** A term with its postfix steps. */
function parseOperand(r: TokenReader): Expr {
  return parsePostfix(r, parseTerm(r));
}

function parseTerm(r: TokenReader): Expr {
  switch (r.peekType()) {
    case 'number': {
      const token = r.skip();
      const raw = r.text(token);
      return { kind: 'literal', value: Number(raw), raw, range: r.range(token) };
    }
    case 'ident':
      return parseIdentTerm(r);
    case 'oquote':
      return parseQuotedTemplate(r);
    case 'oheredoc':
      return parseHeredocTemplate(r);
    case 'oparen':
      return parseParens(r);
    case 'obrack':
      return parseTuple(r);
    case 'obrace':
      return parseObject(r);
    case 'minus':
    case 'bang':
      return parseUnary(r);
    default:
      r.errorAt(r.peek(), 'Invalid expression', 'Expected the start of an expression, but found an invalid expression token.');
      return placeholder(r, r.peek());
  }
}

function parseUnary(r: TokenReader): Expr {
  const opToken = r.skip();
  const minus = r.type(opToken) === 'minus';
  const operand = parseOperand(r);
  const range: Range = { start: r.startPos(opToken), end: operand.range?.end ?? r.endPos(r.previous()) };
  // `-5` is a negative number literal, as `num(-5)` builds it.
  if (minus && operand.kind === 'literal' && typeof operand.value === 'number' && operand.raw !== undefined && !operand.raw.startsWith('-')) {
    return { kind: 'literal', value: -operand.value, raw: `-${operand.raw}`, range };
  }
  return { kind: 'unary', op: minus ? '-' : '!', operand, range };
}

function parseIdentTerm(r: TokenReader): Expr {
  const first = r.skip();
  const after = r.peekType();
  if (after === 'oparen' || after === 'doubleColon') return parseCall(r, first);
  const name = r.text(first);
  const range = r.range(first);
  if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', range };
  if (name === 'null') return { kind: 'literal', value: null, range };
  return { kind: 'traversal', root: name, steps: [], range, rootRange: range };
}

/** `name(args)` or a provider-namespaced `provider::aws::arn_parse(args)`. */
function parseCall(r: TokenReader, first: TokenIndex): Expr {
  let name = r.text(first);
  let nameEnd = first;
  while (r.peekType() === 'doubleColon') {
    r.skip();
    if (r.peekType() !== 'ident') {
      r.errorAt(r.peek(), 'Missing function name', 'Function scope resolution symbol :: must be followed by a function name in this scope.');
      return placeholder(r, r.peek());
    }
    nameEnd = r.skip();
    name += `::${r.text(nameEnd)}`;
  }
  if (r.peekType() !== 'oparen') {
    r.errorAt(r.peek(), 'Missing function call', 'A namespaced function name must be followed by its arguments in parentheses.');
    return placeholder(r, r.peek());
  }
  const open = r.skip();
  const multiline = r.peekRawType() === 'newline';
  r.pushNewlines(false);
  const args: Expr[] = [];
  let expandFinal = false;
  while (r.peekType() !== 'cparen' && r.peekType() !== 'eof') {
    args.push(parseExpression(r));
    const separator = r.peekType();
    if (separator === 'comma') {
      r.skip();
    } else if (separator === 'ellipsis') {
      r.skip();
      expandFinal = true;
      if (r.peekType() !== 'cparen') {
        r.errorAt(r.peek(), 'Missing closing parenthesis', 'An expanded function argument (with ...) must be immediately followed by closing parentheses.');
      }
      break;
    } else if (separator !== 'cparen') {
      r.errorAt(r.peek(), 'Missing argument separator', 'A comma is required to separate each function argument from the next.');
      break;
    }
  }
  const close = r.closeWith('cparen', open, 'Unterminated function call', 'There is no closing parenthesis for this function call before the end of the file.');
  r.popNewlines();
  return {
    kind: 'call',
    name,
    args,
    ...(expandFinal ? { expandFinal } : {}),
    multiline,
    range: r.span(first, close),
    nameRange: nameEnd === first ? r.range(first) : r.span(first, nameEnd),
  };
}

function parseParens(r: TokenReader): Expr {
  const open = r.skip();
  r.pushNewlines(false);
  const inner = parseExpression(r);
  const close = r.closeWith('cparen', open, 'Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.');
  r.popNewlines();
  return { kind: 'paren', inner, range: r.span(open, close) };
}

function isForIntro(r: TokenReader): boolean {
  return r.isKeyword('for') && r.peekType(1) === 'ident';
}

function parseTuple(r: TokenReader): Expr {
  const open = r.skip();
  const multiline = r.peekRawType() === 'newline';
  r.pushNewlines(false);
  if (isForIntro(r)) {
    const forExpr = parseFor(r, open, 'tuple', multiline);
    r.popNewlines();
    return forExpr;
  }
  const items: Expr[] = [];
  while (r.peekType() !== 'cbrack' && r.peekType() !== 'eof') {
    items.push(parseExpression(r));
    if (r.accept('comma')) continue;
    if (r.peekType() !== 'cbrack' && r.peekType() !== 'eof') {
      r.errorAt(r.peek(), 'Missing item separator', 'Expected a comma to mark the beginning of the next item.');
      break;
    }
  }
  const close = r.closeWith('cbrack', open, 'Unterminated tuple constructor expression', 'There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.');
  r.popNewlines();
  return { kind: 'tuple', items, multiline, range: r.span(open, close) } satisfies TupleExpr;
}

function parseObject(r: TokenReader): Expr {
  const open = r.skip();
  const multiline = r.peekRawType() === 'newline';
  r.pushNewlines(true);
  r.skipNewlines();
  if (isForIntro(r)) {
    r.pushNewlines(false);
    const forExpr = parseFor(r, open, 'object', multiline);
    r.popNewlines();
    r.popNewlines();
    return forExpr;
  }
  const items: ObjectItem[] = [];
  let previousEnd = r.end(open);
  for (;;) {
    r.skipNewlines();
    const next = r.peekType();
    if (next === 'cbrace' || next === 'eof') break;
    const item = parseObjectItem(r, previousEnd);
    if (!item) break;
    items.push(item);
    previousEnd = r.end(r.previous());
    const separator = r.peekType();
    if (separator === 'comma') r.skip();
    else if (separator !== 'newline' && separator !== 'cbrace') {
      r.errorAt(r.peek(), 'Missing attribute separator', 'Expected a newline or comma to mark the beginning of the next attribute.');
      break;
    }
  }
  r.skipNewlines();
  const close = r.closeWith('cbrace', open, 'Unterminated object constructor expression', 'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.');
  r.popNewlines();
  return { kind: 'object', items, multiline, range: r.span(open, close) } satisfies ObjectExpr;
}

function parseObjectItem(r: TokenReader, previousEnd: number): ObjectItem | undefined {
  const keyStart = r.peek();
  const leading = r.comments.claimBetween(previousEnd, r.start(keyStart));
  const key = parseObjectKey(r);
  const separator = r.peekType();
  if (separator !== 'equal' && separator !== 'colon') {
    r.errorAt(r.peek(), 'Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.');
    return undefined;
  }
  r.skip();
  const value = parseExpression(r);
  const last = r.previous();
  // A trailing comment belongs to the item only when the item ends its line.
  const afterItem = r.peekType() === 'comma' ? r.peekType(1) : r.peekType();
  const trailing = afterItem === 'newline' || afterItem === 'eof' ? r.comments.claimTrailing(r.endPos(last).line, r.end(last)) : undefined;
  return {
    key,
    value,
    separator: separator === 'colon' ? ':' : '=',
    ...(leading.length > 0 ? { leadingComments: leading.map(toComment) } : {}),
    ...(trailing ? { trailingComment: toComment(trailing) } : {}),
    range: r.span(keyStart, last),
  };
}

/** A bare identifier key is a name even when it spells a keyword (`{ null = 1 }`). */
function parseObjectKey(r: TokenReader): Expr {
  const after = r.peekType(1);
  if (r.peekType() === 'ident' && (after === 'equal' || after === 'colon')) {
    const token = r.skip();
    const range = r.range(token);
    return { kind: 'traversal', root: r.text(token), steps: [], range, rootRange: range };
  }
  return parseExpression(r);
}

/** `[for k, v in coll : value if cond]` / `{for k, v in coll : key => value... if cond}`; newlines already ignored. */
function parseFor(r: TokenReader, open: TokenIndex, result: 'tuple' | 'object', multiline: boolean): ForExpr {
  r.skip(); // for
  const first = expectName(r);
  let keyVar: string | undefined;
  let valueVar = first;
  if (r.accept('comma')) {
    keyVar = first;
    valueVar = expectName(r);
  }
  if (r.isKeyword('in')) r.skip();
  else r.errorAt(r.peek(), "Invalid 'for' expression", 'The "in" keyword is required after the iterator variable names.');
  const collection = parseExpression(r);
  if (!r.accept('colon')) r.errorAt(r.peek(), "Invalid 'for' expression", 'A colon is required after the collection expression.');
  let keyExpr: Expr | undefined;
  if (result === 'object') {
    keyExpr = parseExpression(r);
    if (!r.accept('fatArrow')) r.errorAt(r.peek(), "Invalid 'for' expression", 'The "=>" symbol is required between the key and value of an object "for" expression.');
  }
  const valueExpr = parseExpression(r);
  const grouping = result === 'object' && r.accept('ellipsis');
  let cond: Expr | undefined;
  if (r.isKeyword('if')) {
    r.skip();
    cond = parseExpression(r);
  }
  const close = r.closeWith(result === 'tuple' ? 'cbrack' : 'cbrace', open, "Invalid 'for' expression", `Expected a closing ${result === 'tuple' ? 'bracket' : 'brace'} to end the "for" expression.`);
  return {
    kind: 'for',
    result,
    ...(keyVar !== undefined ? { keyVar } : {}),
    valueVar,
    collection,
    ...(keyExpr ? { keyExpr } : {}),
    valueExpr,
    ...(cond ? { cond } : {}),
    ...(grouping ? { grouping } : {}),
    multiline,
    range: r.span(open, close),
  };
}

function expectName(r: TokenReader): string {
  if (r.peekType() !== 'ident') {
    r.errorAt(r.peek(), "Invalid 'for' expression", 'An iterator variable name is required here.');
    return '';
  }
  return r.text(r.skip());
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function rangeOf(first: Expr, last: Expr): Range | undefined {
  return first.range && last.range ? { start: first.range.start, end: last.range.end } : undefined;
}

/** Stands in for an expression that could not be parsed, so callers always get a node. */
function placeholder(r: TokenReader, at: TokenIndex): Expr {
  const start = r.startPos(at);
  return { kind: 'literal', value: null, range: { start, end: start } };
}
