/**
 * Expressions as tokens. Line breaks follow the model's `multiline` hints (one item per line,
 * trailing comma after each tuple item and call argument, none after object items); everything
 * else about spacing is left to `renderTokens`. Parentheses are added where the model's nesting
 * would otherwise read back differently (`(a + b) * c`).
 */
import type { BinaryOperator, CallExpr, Expr, ForExpr, LiteralExpr, ObjectExpr, ObjectItem, TemplateExpr, TraversalStep, TupleExpr } from './ast.js';
import { renderTokens } from './format-tokens.js';
import { TokenSink } from './token-sink.js';
import { isIdentifier, type TokenType } from './token.js';
import { writeCommentLines, writeTrailingComment } from './write-comment.js';
import { heredocPlan, writeHeredoc, writeQuotedTemplate } from './write-template.js';

/** One expression as HCL text, formatted as `terraform fmt` would (no trailing newline). */
export function writeExpr(expr: Expr): string {
  const sink = new TokenSink();
  writeExprTokens(sink, expr, false);
  return renderTokens(sink).replace(/\n$/, '');
}

/** Appends `expr`'s tokens; `singleLine` ignores multi-line hints (inside `${...}`). */
export function writeExprTokens(sink: TokenSink, expr: Expr, singleLine: boolean): void {
  new ExprWriter(sink, singleLine, false).write(expr, true);
}

/** Whether the value, written whole, ends with a heredoc: nothing may follow on its closing line. */
export function endsWithHeredoc(expr: Expr): boolean {
  switch (expr.kind) {
    case 'template':
      return heredocPlan(expr) !== undefined;
    case 'conditional':
      return endsWithHeredoc(expr.else);
    case 'binary':
      return endsWithHeredoc(expr.right);
    case 'unary':
      return endsWithHeredoc(expr.operand);
    default:
      return false;
  }
}

const BINARY_TOKENS: Readonly<Record<BinaryOperator, TokenType>> = {
  '||': 'or',
  '&&': 'and',
  '==': 'equalOp',
  '!=': 'notEqual',
  '<': 'lessThan',
  '>': 'greaterThan',
  '<=': 'lessThanEq',
  '>=': 'greaterThanEq',
  '+': 'plus',
  '-': 'minus',
  '*': 'star',
  '/': 'slash',
  '%': 'percent',
};

const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

const UNARY = 7;
const TERM = 8;

/** How tightly an expression binds: conditional 0, binary 1-6, unary (and `-5`) 7, terms 8. */
function precedence(expr: Expr): number {
  switch (expr.kind) {
    case 'conditional':
      return 0;
    case 'binary':
      return BINARY_PRECEDENCE[expr.op];
    case 'unary':
      return UNARY;
    case 'literal':
      return numberText(expr).startsWith('-') ? UNARY : TERM;
    default:
      return TERM;
  }
}

function numberText(expr: LiteralExpr): string {
  if (typeof expr.value !== 'number') return String(expr.value);
  if (expr.raw !== undefined) return expr.raw;
  if (!Number.isFinite(expr.value)) throw new Error(`HCL has no literal for the number ${expr.value}`);
  return String(expr.value);
}

/**
 * A heredoc's closing marker ends its line, which is only valid where newlines are ignored
 * (inside brackets and parentheses) or where the expression ends anyway (`tail`, e.g. the whole
 * value of an attribute, or the `else` of a conditional that is). Elsewhere it is written quoted.
 */
class ExprWriter {
  private bracketedWriter: ExprWriter | undefined;

  constructor(
    private readonly sink: TokenSink,
    private readonly singleLine: boolean,
    /** Inside `()` or `[]`, where line breaks mean nothing. */
    private readonly bracketed: boolean,
  ) {}

  private get inBrackets(): ExprWriter {
    if (this.bracketed) return this;
    this.bracketedWriter ??= new ExprWriter(this.sink, this.singleLine, true);
    return this.bracketedWriter;
  }

  /** `tail`: nothing follows `expr` before the end of the enclosing item. */
  write(expr: Expr, tail: boolean): void {
    const { sink } = this;
    switch (expr.kind) {
      case 'literal':
        return this.writeLiteral(expr);
      case 'template':
        return this.writeTemplate(expr, tail);
      case 'traversal':
        sink.push('ident', expr.root);
        return this.writeSteps(expr.steps);
      case 'call':
        return this.writeCall(expr);
      case 'tuple':
        return this.writeTuple(expr);
      case 'object':
        return this.writeObject(expr);
      case 'for':
        return this.writeFor(expr);
      case 'index':
        this.writeStepTarget(expr.target, 'index');
        sink.push('obrack', '[');
        this.inBrackets.write(expr.key, true);
        sink.push('cbrack', ']');
        return;
      case 'getattr':
        this.writeStepTarget(expr.target, 'attr');
        return this.writeSteps([{ kind: 'attr', name: expr.name }]);
      case 'splat':
        this.writeOperand(expr.target, TERM, false);
        if (expr.style === 'full') {
          sink.push('obrack', '[');
          sink.push('star', '*');
          sink.push('cbrack', ']');
        } else {
          sink.push('dot', '.');
          sink.push('star', '*');
        }
        return this.writeSteps(expr.steps);
      case 'conditional':
        this.writeOperand(expr.cond, 1, false);
        sink.push('question', '?');
        this.write(expr.then, false);
        sink.push('colon', ':');
        return this.write(expr.else, tail);
      case 'binary': {
        const level = BINARY_PRECEDENCE[expr.op];
        this.writeOperand(expr.left, level, false);
        sink.push(BINARY_TOKENS[expr.op], expr.op);
        return this.writeOperand(expr.right, level + 1, tail);
      }
      case 'unary':
        sink.push(expr.op === '-' ? 'minus' : 'bang', expr.op);
        return this.writeOperand(expr.operand, UNARY, tail);
      case 'paren':
        sink.push('oparen', '(');
        this.inBrackets.write(expr.inner, true);
        sink.push('cparen', ')');
        return;
    }
  }

  /** Writes `expr`, in parentheses when it binds more loosely than `minimum`. */
  private writeOperand(expr: Expr, minimum: number, tail: boolean): void {
    if (precedence(expr) >= minimum) return this.write(expr, tail);
    this.sink.push('oparen', '(');
    this.inBrackets.write(expr, true);
    this.sink.push('cparen', ')');
  }

  /**
   * The target of `[key]` / `.name`. Steps written after a splat would join it (`a[*].b.c` applies
   * `.c` to each element), so a splat target is parenthesized, except before an index on `.*`,
   * which ends that splat anyway.
   */
  private writeStepTarget(target: Expr, step: 'index' | 'attr'): void {
    const joinsSplat = target.kind === 'splat' && (target.style === 'full' || step === 'attr');
    this.writeOperand(target, joinsSplat ? TERM + 1 : TERM, false);
  }

  private writeLiteral(expr: LiteralExpr): void {
    if (typeof expr.value !== 'number') {
      this.sink.push('ident', String(expr.value));
      return;
    }
    const text = numberText(expr);
    if (text.startsWith('-')) {
      this.sink.push('minus', '-');
      this.sink.push('number', text.slice(1));
    } else {
      this.sink.push('number', text);
    }
  }

  private writeTemplate(expr: TemplateExpr, tail: boolean): void {
    const inner = (e: Expr) => writeExprTokens(this.sink, e, true);
    const plan = this.singleLine || !(this.bracketed || tail) ? undefined : heredocPlan(expr);
    if (plan) writeHeredoc(this.sink, expr, plan, inner);
    else writeQuotedTemplate(this.sink, expr.parts, inner);
  }

  private writeSteps(steps: readonly TraversalStep[]): void {
    const { sink } = this;
    let previousLegacy = false;
    for (const step of steps) {
      // `.0.1` is not valid HCL: a legacy index right after another is written `[1]`.
      const legacy: boolean = step.kind === 'index' && step.legacy === true && !previousLegacy && step.key.kind === 'literal' && typeof step.key.value === 'number' && /^\d+$/.test(numberText(step.key));
      previousLegacy = legacy;
      if (step.kind === 'attr' && isIdentifier(step.name)) {
        sink.push('dot', '.');
        sink.push('ident', step.name);
      } else if (step.kind === 'attr') {
        // Not a valid attribute name: the equivalent index step.
        sink.push('obrack', '[');
        writeQuotedTemplate(sink, [{ kind: 'string', value: step.name }], () => undefined);
        sink.push('cbrack', ']');
      } else if (legacy && step.key.kind === 'literal') {
        sink.push('dot', '.');
        sink.push('number', numberText(step.key));
      } else {
        sink.push('obrack', '[');
        this.inBrackets.write(step.key, true);
        sink.push('cbrack', ']');
      }
    }
  }

  private writeCall(expr: CallExpr): void {
    const { sink } = this;
    expr.name.split('::').forEach((segment, i) => {
      if (i > 0) sink.push('doubleColon', '::');
      sink.push('ident', segment);
    });
    sink.push('oparen', '(');
    const multiline = !this.singleLine && expr.multiline === true && expr.args.length > 0;
    if (multiline) sink.newline();
    expr.args.forEach((arg, i) => {
      const last = i === expr.args.length - 1;
      this.inBrackets.write(arg, true);
      if (last && expr.expandFinal) sink.push('ellipsis', '...');
      else if (multiline || !last) sink.push('comma', ',');
      if (multiline) sink.newline();
    });
    sink.push('cparen', ')');
  }

  private writeTuple(expr: TupleExpr): void {
    const { sink } = this;
    const multiline = !this.singleLine && expr.multiline === true && expr.items.length > 0;
    sink.push('obrack', '[');
    if (multiline) sink.newline();
    expr.items.forEach((item, i) => {
      this.inBrackets.write(item, true);
      if (multiline || i < expr.items.length - 1) sink.push('comma', ',');
      if (multiline) sink.newline();
    });
    sink.push('cbrack', ']');
  }

  /** Object items end at line breaks, so inside braces the writer is not `bracketed`. */
  private writeObject(expr: ObjectExpr): void {
    const { sink } = this;
    const items = this.bracketed ? new ExprWriter(sink, this.singleLine, false) : this;
    const hasComments = expr.items.some((item) => item.leadingComments?.length || item.trailingComment);
    const multiline = !this.singleLine && (expr.multiline === true || hasComments) && expr.items.length > 0;
    sink.push('obrace', '{');
    if (multiline) sink.newline();
    expr.items.forEach((item, i) => {
      const last = i === expr.items.length - 1;
      if (multiline) items.writeObjectLine(item);
      else {
        items.writeObjectKey(item.key);
        sink.push('equal', '=');
        items.write(item.value, last);
        if (!last) sink.push('comma', ',');
      }
    });
    sink.push('cbrace', '}');
  }

  private writeObjectLine(item: ObjectItem): void {
    const { sink } = this;
    const heredocValue = endsWithHeredoc(item.value);
    for (const comment of item.leadingComments ?? []) writeCommentLines(sink, comment);
    if (heredocValue && item.trailingComment) writeCommentLines(sink, item.trailingComment);
    this.writeObjectKey(item.key);
    sink.push('equal', '=');
    this.write(item.value, true);
    if (item.trailingComment && !heredocValue) writeTrailingComment(sink, item.trailingComment);
    else sink.newline();
  }

  /** Identifier keys bare, quoted keys quoted, anything else as written (`(var.key)`). */
  private writeObjectKey(key: Expr): void {
    if (key.kind === 'traversal' && key.steps.length === 0) this.sink.push('ident', key.root);
    else if (key.kind === 'template') writeQuotedTemplate(this.sink, key.parts, (e) => writeExprTokens(this.sink, e, true));
    else this.write(key, false);
  }

  private writeFor(expr: ForExpr): void {
    const { sink } = this;
    const multiline = !this.singleLine && expr.multiline === true;
    const [open, close]: [TokenType, TokenType] = expr.result === 'tuple' ? ['obrack', 'cbrack'] : ['obrace', 'cbrace'];
    sink.push(open, expr.result === 'tuple' ? '[' : '{');
    if (multiline) sink.newline();
    sink.push('ident', 'for');
    if (expr.keyVar !== undefined) {
      sink.push('ident', expr.keyVar);
      sink.push('comma', ',');
    }
    sink.push('ident', expr.valueVar);
    sink.push('ident', 'in');
    const inside = this.inBrackets;
    inside.write(expr.collection, true);
    sink.push('colon', ':');
    if (expr.result === 'object') {
      inside.write(expr.keyExpr ?? { kind: 'literal', value: null }, true);
      sink.push('fatArrow', '=>');
    }
    inside.write(expr.valueExpr, true);
    if (expr.result === 'object' && expr.grouping) sink.push('ellipsis', '...');
    if (expr.cond) {
      sink.push('ident', 'if');
      inside.write(expr.cond, true);
    }
    if (multiline) sink.newline();
    sink.push(close, expr.result === 'tuple' ? ']' : '}');
  }
}
