/**
 * Quoted templates and heredocs. Template tokens are first read into a flat list (literals,
 * interpolations, directive markers), because `<<-` indentation stripping works on that flat list
 * exactly as hclsyntax does; then escapes are decoded and directives nested into the model's parts.
 */
import type { DirectiveStrip, Expr, Range, StripMarkers, TemplateExpr, TemplatePart } from './ast.js';
import { parseExpression } from './parse-expr.js';
import type { TokenIndex, TokenReader } from './reader.js';
import { decodeQuoted, flushHeredoc, unescapeHeredoc } from './template-text.js';

type DirectiveKeyword = 'if' | 'else' | 'endif' | 'for' | 'endfor';

type FlatToken =
  | { readonly kind: 'literal'; raw: string; range: Range }
  | { readonly kind: 'interp'; readonly expr: Expr; readonly stripLeft: boolean; readonly stripRight: boolean; readonly range: Range }
  | {
      readonly kind: 'directive';
      readonly keyword: DirectiveKeyword;
      readonly strip: StripMarkers;
      readonly range: Range;
      readonly cond?: Expr;
      readonly keyVar?: string;
      readonly valueVar?: string;
      readonly collection?: Expr;
    };

export function parseQuotedTemplate(r: TokenReader): TemplateExpr {
  const open = r.skip();
  r.pushNewlines(true); // template tokens never include newlines; this keeps peek() exact
  const plain = r.peekType() === 'quotedLit' && r.peekType(1) === 'cquote';
  r.popNewlines();
  // Fast path for the most common case, a plain string.
  if (plain) {
    const literal = r.skip();
    const range = r.range(literal);
    const value = decodeQuoted(r.reportAt, r.text(literal), range);
    return { kind: 'template', parts: [{ kind: 'string', value, range }], range: r.span(open, r.skip()) };
  }
  const flat = readFlatTokens(r);
  const close = r.peekType() === 'cquote' ? r.skip() : r.previous(); // the lexer reported a missing quote
  for (const token of flat) if (token.kind === 'literal') token.raw = decodeQuoted(r.reportAt, token.raw, token.range);
  return { kind: 'template', parts: nestParts(r, flat, r.range(close)), range: r.span(open, close) };
}

export function parseHeredocTemplate(r: TokenReader): TemplateExpr {
  const open = r.skip();
  const { marker, indented } = r.heredoc(open) ?? { marker: '', indented: false };
  const flat = readFlatTokens(r);
  const close = r.peekType() === 'cheredoc' ? r.skip() : r.previous(); // the lexer reported a missing marker
  if (indented) flushHeredoc(flat.map((token) => (token.kind === 'literal' ? token : undefined)));
  for (const token of flat) if (token.kind === 'literal') token.raw = unescapeHeredoc(token.raw);
  return { kind: 'template', parts: nestParts(r, flat, r.range(close)), heredoc: { marker, indented }, range: r.span(open, close) };
}

// ---------------------------------------------------------------------------------------------
// Flat reading
// ---------------------------------------------------------------------------------------------

function readFlatTokens(r: TokenReader): FlatToken[] {
  const flat: FlatToken[] = [];
  r.pushNewlines(true); // template tokens never include newlines; this keeps peek() exact
  for (;;) {
    const type = r.peekType();
    if (type === 'quotedLit' || type === 'stringLit') {
      const token = r.skip();
      flat.push({ kind: 'literal', raw: r.text(token), range: r.range(token) });
    } else if (type === 'interp') {
      flat.push(readInterpolation(r));
    } else if (type === 'control') {
      flat.push(readDirective(r));
    } else {
      break;
    }
  }
  r.popNewlines();
  return flat;
}

function readInterpolation(r: TokenReader): FlatToken {
  const open = r.skip();
  r.pushNewlines(false);
  const expr = parseExpression(r);
  const close = expectSequenceEnd(r, open, 'interpolation');
  r.popNewlines();
  return { kind: 'interp', expr, stripLeft: r.strip(open), stripRight: close !== undefined && r.strip(close), range: r.span(open, close ?? r.previous()) };
}

function readDirective(r: TokenReader): FlatToken {
  const open = r.skip();
  r.pushNewlines(false);
  const keyword = r.text(r.peek());
  let payload: Pick<Extract<FlatToken, { kind: 'directive' }>, 'cond' | 'keyVar' | 'valueVar' | 'collection'> = {};
  if (r.peekType() !== 'ident' || !isDirectiveKeyword(keyword)) {
    r.errorAt(r.peek(), 'Invalid template control keyword', 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.');
  } else {
    r.skip();
    if (keyword === 'if') payload = { cond: parseExpression(r) };
    else if (keyword === 'for') payload = readForClause(r);
  }
  const close = expectSequenceEnd(r, open, 'directive');
  r.popNewlines();
  const strip: StripMarkers = { ...(r.strip(open) ? { left: true } : {}), ...(close !== undefined && r.strip(close) ? { right: true } : {}) };
  return { kind: 'directive', keyword: isDirectiveKeyword(keyword) ? keyword : 'endif', strip, range: r.span(open, close ?? r.previous()), ...payload };
}

function readForClause(r: TokenReader): { keyVar?: string; valueVar: string; collection: Expr } {
  const first = expectIdent(r);
  let keyVar: string | undefined;
  let valueVar = first;
  if (r.accept('comma')) {
    keyVar = first;
    valueVar = expectIdent(r);
  }
  if (r.isKeyword('in')) r.skip();
  else r.errorAt(r.peek(), 'Invalid template for directive', 'The "in" keyword is required after the iterator variable names.');
  return { ...(keyVar !== undefined ? { keyVar } : {}), valueVar, collection: parseExpression(r) };
}

function expectIdent(r: TokenReader): string {
  if (r.peekType() !== 'ident') {
    r.errorAt(r.peek(), 'Invalid template for directive', 'An iterator variable name is required here.');
    return '';
  }
  return r.text(r.skip());
}

function expectSequenceEnd(r: TokenReader, open: TokenIndex, what: 'interpolation' | 'directive'): TokenIndex | undefined {
  const type = r.peekType();
  if (type === 'seqEnd') return r.skip();
  if (type === 'eof' || type === 'cquote' || type === 'cheredoc') {
    if (!r.reportedAfter(r.start(open))) r.error(`Unclosed template ${what} sequence`, `There is no closing brace for this ${what} sequence before the end of the template.`, r.range(open));
  } else {
    r.errorAt(r.peek(), `Extra characters after ${what} expression`, `Expected a closing brace to end the ${what} expression, but found extra characters.`);
  }
  return undefined;
}

function isDirectiveKeyword(word: string): word is DirectiveKeyword {
  return word === 'if' || word === 'else' || word === 'endif' || word === 'for' || word === 'endfor';
}

// ---------------------------------------------------------------------------------------------
// Nesting
// ---------------------------------------------------------------------------------------------

interface Sequence {
  readonly parts: TemplatePart[];
  readonly next: number;
  readonly stopper?: Extract<FlatToken, { kind: 'directive' }>;
}

/** `end` is the template's closing token, where a missing `endif`/`endfor` is reported (as hclsyntax does). */
function nestParts(r: TokenReader, flat: readonly FlatToken[], end: Range): TemplatePart[] {
  return new TemplateNester(r, flat, end).sequence(0, []).parts;
}

type Directive = Extract<FlatToken, { kind: 'directive' }>;

class TemplateNester {
  constructor(
    private readonly r: TokenReader,
    private readonly flat: readonly FlatToken[],
    private readonly end: Range,
  ) {}

  /** Parts from `start` until one of the `stopAt` directives (returned as `stopper`) or the end. */
  sequence(start: number, stopAt: readonly DirectiveKeyword[]): Sequence {
    const parts: TemplatePart[] = [];
    let i = start;
    while (i < this.flat.length) {
      const token = this.flat[i]!;
      i++;
      if (token.kind === 'literal') {
        appendString(parts, token.raw, token.range);
      } else if (token.kind === 'interp') {
        parts.push({
          kind: 'interpolation',
          expr: token.expr,
          ...(token.stripLeft ? { stripLeft: true } : {}),
          ...(token.stripRight ? { stripRight: true } : {}),
          range: token.range,
        });
      } else if (stopAt.includes(token.keyword)) {
        return { parts, next: i, stopper: token };
      } else if (token.keyword === 'if' || token.keyword === 'for') {
        const result = token.keyword === 'if' ? this.ifDirective(i, token) : this.forDirective(i, token);
        parts.push(result.part);
        i = result.next;
      } else {
        this.r.error(`Unexpected "${token.keyword}" directive`, `There is no opening directive that this "${token.keyword}" would close.`, token.range);
      }
    }
    return { parts, next: i };
  }

  private ifDirective(start: number, open: Directive): { part: TemplatePart; next: number } {
    const then = this.sequence(start, ['else', 'endif']);
    let otherwise: Sequence | undefined;
    let close = then.stopper;
    if (close?.keyword === 'else') {
      otherwise = this.sequence(then.next, ['endif']);
      close = otherwise.stopper;
    }
    if (!close) this.missingEnd(open, 'if', 'endif');
    const strip = directiveStrip(open, then.stopper?.keyword === 'else' ? then.stopper : undefined, close);
    return {
      part: {
        kind: 'if',
        cond: open.cond ?? { kind: 'literal', value: null },
        then: then.parts,
        ...(otherwise ? { else: otherwise.parts } : {}),
        ...(strip ? { strip } : {}),
        range: { start: open.range.start, end: (close ?? open).range.end },
      },
      next: otherwise?.next ?? then.next,
    };
  }

  private forDirective(start: number, open: Directive): { part: TemplatePart; next: number } {
    const body = this.sequence(start, ['endfor']);
    if (!body.stopper) this.missingEnd(open, 'for', 'endfor');
    const strip = directiveStrip(open, undefined, body.stopper);
    return {
      part: {
        kind: 'for',
        ...(open.keyVar !== undefined ? { keyVar: open.keyVar } : {}),
        valueVar: open.valueVar ?? '',
        collection: open.collection ?? { kind: 'literal', value: null },
        body: body.parts,
        ...(strip ? { strip } : {}),
        range: { start: open.range.start, end: (body.stopper ?? open).range.end },
      },
      next: body.next,
    };
  }

  private missingEnd(open: Directive, keyword: string, end: string): void {
    const at = `${open.range.start.line},${open.range.start.column}`;
    this.r.error('Unexpected end of template', `The ${keyword} directive at ${at} is missing its corresponding ${end} directive.`, this.end);
  }
}

function directiveStrip(open: Directive, middle: Directive | undefined, close: Directive | undefined): DirectiveStrip | undefined {
  const strip: { open?: StripMarkers; else?: StripMarkers; close?: StripMarkers } = {};
  if (open.strip.left || open.strip.right) strip.open = open.strip;
  if (middle && (middle.strip.left || middle.strip.right)) strip.else = middle.strip;
  if (close && (close.strip.left || close.strip.right)) strip.close = close.strip;
  return strip.open || strip.else || strip.close ? strip : undefined;
}

/** Adds literal text, merging with a preceding string part (heredocs arrive one line at a time). */
function appendString(parts: TemplatePart[], value: string, range: Range): void {
  if (value === '') return;
  const last = parts[parts.length - 1];
  if (last?.kind === 'string') {
    parts[parts.length - 1] = { kind: 'string', value: last.value + value, range: { start: (last.range ?? range).start, end: range.end } };
  } else {
    parts.push({ kind: 'string', value, range });
  }
}
