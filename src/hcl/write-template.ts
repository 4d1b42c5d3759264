/**
 * Quoted templates and heredocs as tokens. String parts hold decoded text, so writing re-escapes
 * it: quoted strings the way hclwrite escapes them (`\"`, `\\`, `\n`, non-printables as `\u`),
 * and in both forms a literal `${`/`%{` is doubled to `$${`/`%%{`.
 */
import type { Expr, StripMarkers, TemplateExpr, TemplatePart } from './ast.js';
import type { HeredocIndent, TokenSink } from './token-sink.js';
import { isIdentifier, type TokenType } from './token.js';

type Emit = (type: TokenType, text: string) => void;
type WriteInner = (expr: Expr) => void;

export function writeQuotedTemplate(sink: TokenSink, parts: readonly TemplatePart[], writeInner: WriteInner): void {
  sink.push('oquote', '"');
  writeParts(mergeStrings(parts), 'quoted', (type, text) => sink.push(type, text), writeInner);
  sink.push('cquote', '"');
}

/** The escaped body of a quoted string, without the quotes (block labels use it). */
export function escapeQuoted(text: string): string {
  if (NOTHING_TO_ESCAPE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    switch (ch) {
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '$':
      case '%':
        out += text[i + 1] === '{' ? ch + ch : ch;
        break;
      default: {
        const point = text.codePointAt(i)!;
        const char = String.fromCodePoint(point);
        if (point > 0xffff) i++;
        out += NOT_PRINTABLE.test(char) ? unicodeEscape(point) : char;
      }
    }
  }
  return out;
}

/** Printable ASCII other than `"`, `$`, `%` and `\`. */
const NOTHING_TO_ESCAPE = /^[ !#&-[\]-~]*$/;

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const NOT_PRINTABLE = /^[^\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function unicodeEscape(point: number): string {
  return point > 0xffff ? `\\U${point.toString(16).padStart(8, '0')}` : `\\u${point.toString(16).padStart(4, '0')}`;
}

function escapeHeredoc(text: string): string {
  return text.replace(/([$%])(?=\{)/g, '$1$1');
}

/**
 * How a heredoc template can be written: `undefined` when it cannot (its text does not end with a
 * newline, which a heredoc always does), otherwise the marker and whether `<<-` keeps the text exact.
 */
export function heredocPlan(template: TemplateExpr): { marker: string; indented: boolean } | undefined {
  if (!template.heredoc) return undefined;
  const parts = mergeStrings(template.parts);
  const last = parts[parts.length - 1];
  if (last?.kind !== 'string' || !last.value.endsWith('\n')) return undefined;
  // Heredocs have no escapes: a `$` just before `${` (or `%` before `%{`) would read as `$${`.
  if (hasIntroducerLookalike(parts)) return undefined;
  const atoms = flatten(parts);
  const lines = new Set(
    atoms
      .filter((atom): atom is string => typeof atom === 'string')
      .join('')
      .split('\n')
      .map((line) => line.trim()),
  );
  const marker = [template.heredoc.marker, 'EOT', 'EOF', 'END', 'EOH'].find((candidate) => isIdentifier(candidate) && !lines.has(candidate)) ?? uniqueMarker(lines);
  // `<<-` removes the smallest indentation; if the text itself is indented, only `<<` keeps it.
  const indented = template.heredoc.indented && smallestIndent(atoms) === 0;
  return { marker, indented };
}

function hasIntroducerLookalike(parts: readonly TemplatePart[]): boolean {
  return parts.some((part, i) => {
    const next = parts[i + 1];
    if (part.kind === 'if') return hasIntroducerLookalike(part.then) || hasIntroducerLookalike(part.else ?? []);
    if (part.kind === 'for') return hasIntroducerLookalike(part.body);
    if (part.kind !== 'string' || next === undefined) return false;
    return (part.value.endsWith('$') && next.kind === 'interpolation') || (part.value.endsWith('%') && (next.kind === 'if' || next.kind === 'for'));
  });
}

function uniqueMarker(lines: ReadonlySet<string>): string {
  let n = 1;
  while (lines.has(`EOT${n}`)) n++;
  return `EOT${n}`;
}

export function writeHeredoc(sink: TokenSink, template: TemplateExpr, plan: { marker: string; indented: boolean }, writeInner: WriteInner): void {
  sink.push('oheredoc', `<<${plan.indented ? '-' : ''}${plan.marker}\n`);
  let atLineStart = true;
  const emit: Emit = (type, text) => {
    let indent: HeredocIndent | undefined;
    if (plan.indented && atLineStart && !(type === 'stringLit' && text.endsWith('\n') && text.trim() === '')) indent = 'content';
    sink.push(type, text, indent);
    atLineStart = type === 'stringLit' && text.endsWith('\n');
  };
  writeParts(mergeStrings(template.parts), 'heredoc', emit, writeInner);
  sink.push('cheredoc', plan.marker, plan.indented ? 'close' : undefined);
  sink.push('newline', '\n');
}

function writeParts(parts: readonly TemplatePart[], form: 'quoted' | 'heredoc', emit: Emit, writeInner: WriteInner): void {
  parts.forEach((part, index) => {
    switch (part.kind) {
      case 'string':
        writeText(part.value, parts[index + 1], form, emit);
        break;
      case 'interpolation':
        emit('interp', part.stripLeft ? '${~' : '${');
        writeInner(part.expr);
        emit('seqEnd', part.stripRight ? '~}' : '}');
        break;
      case 'if':
        writeDirective(emit, 'if', part.strip?.open, () => writeInner(part.cond));
        writeParts(part.then, form, emit, writeInner);
        if (part.else) {
          writeDirective(emit, 'else', part.strip?.else);
          writeParts(part.else, form, emit, writeInner);
        }
        writeDirective(emit, 'endif', part.strip?.close);
        break;
      case 'for':
        writeDirective(emit, 'for', part.strip?.open, () => {
          if (part.keyVar !== undefined) {
            emit('ident', part.keyVar);
            emit('comma', ',');
          }
          emit('ident', part.valueVar);
          emit('ident', 'in');
          writeInner(part.collection);
        });
        writeParts(part.body, form, emit, writeInner);
        writeDirective(emit, 'endfor', part.strip?.close);
        break;
    }
  });
}

function writeDirective(emit: Emit, keyword: string, strip: StripMarkers | undefined, writeClause?: () => void): void {
  emit('control', strip?.left ? '%{~' : '%{');
  emit('ident', keyword);
  writeClause?.();
  emit('seqEnd', strip?.right ? '~}' : '}');
}

function writeText(value: string, next: TemplatePart | undefined, form: 'quoted' | 'heredoc', emit: Emit): void {
  if (form === 'quoted') {
    let text = escapeQuoted(value);
    // A `$` right before `${` (or `%` before `%{`) would read as an escape: spell it as a \u escape.
    if (text.endsWith('$') && next?.kind === 'interpolation') text = `${text.slice(0, -1)}\\u0024`;
    if (text.endsWith('%') && (next?.kind === 'if' || next?.kind === 'for')) text = `${text.slice(0, -1)}\\u0025`;
    if (text !== '') emit('quotedLit', text);
    return;
  }
  for (const line of escapeHeredoc(value).match(/[^\n]*\n|[^\n]+/g) ?? []) emit('stringLit', line);
}

/** Adjacent string parts are one literal in HCL; merging them keeps escaping decisions local. */
function mergeStrings(parts: readonly TemplatePart[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.kind === 'string' && last?.kind === 'string') out[out.length - 1] = { kind: 'string', value: last.value + part.value };
    else if (part.kind !== 'string' || part.value !== '') out.push(part);
  }
  return out;
}

/** Template text with every non-literal (interpolation, directive marker) as `null`, in order. */
function flatten(parts: readonly TemplatePart[]): (string | null)[] {
  const atoms: (string | null)[] = [];
  for (const part of parts) {
    if (part.kind === 'string') atoms.push(part.value);
    else if (part.kind === 'interpolation') atoms.push(null);
    else if (part.kind === 'if') atoms.push(null, ...flatten(part.then), ...(part.else ? [null, ...flatten(part.else)] : []), null);
    else atoms.push(null, ...flatten(part.body), null);
  }
  return atoms;
}

/** The indentation `<<-` would remove from this text (see hclsyntax's flushHeredocTemplateParts). */
function smallestIndent(atoms: readonly (string | null)[]): number {
  let smallest = Infinity;
  let atLineStart = true;
  for (const atom of atoms) {
    if (atom === null) {
      if (atLineStart) smallest = 0;
      atLineStart = false;
      continue;
    }
    for (const line of atom.match(/[^\n]*\n|[^\n]+/g) ?? []) {
      if (atLineStart) {
        const indent = /^\s*/u.exec(line)?.[0] ?? '';
        const blank = indent.length === line.length && line.endsWith('\n');
        if (!blank) smallest = Math.min(smallest, [...indent].length);
      }
      atLineStart = line.endsWith('\n');
    }
  }
  return smallest;
}
