/**
 * Deterministic random documents for property tests of the writer: every construct of the model
 * in many combinations, built so that what the writer writes parses back to the same model
 * (no interpolation-only attribute values, parentheses placed where precedence needs them, ...).
 */
import type { Attribute, Block, BodyItem, Comment, Expr, File, ObjectItem, TemplateExpr, TemplatePart, TraversalStep } from '../../src/hcl/ast.js';

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** xorshift32 in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const NAMES = ['name', 'cidr_block', 'tags', 'image', 'port', 'enabled', 'awslogs-group', 'x', 'long_attribute_name', 'subnet_ids', 'policy', 'value'];
const ROOTS = ['var', 'local', 'each', 'count', 'aws_vpc', 'module', 'data', 'path'];
const FUNCTIONS = ['merge', 'lookup', 'jsonencode', 'try', 'templatefile', 'concat', 'cidrsubnet', 'format', 'toset', 'length'];
const TEXTS = ['plain', 'with "quotes"', 'back\\slash', 'line\nbreak', 'tab\there', '${not_interpolated}', '%{not_a_directive}', 'dollar $x and 100%', 'é 日本語 😀', 'ctrl \u0001', '', 'a-b_c', '$$ and %%'];
const HEREDOC_LINES = ['{', '  "Version": "2012-10-17",', '  "Effect": "Allow"', '}', '#!/bin/bash', 'echo "hello" | tr a-z A-Z', '  indented line', '', '   ', 'path = ${literal}', 'tab\tinside'];
const COMMENTS = ['Explains the next line.', 'TODO: tighten', '#### banner', '', 'é 日本', '* starred'];

function isLegacy(step: TraversalStep | undefined): boolean {
  return step?.kind === 'index' && step.legacy === true;
}

export function randomDocument(seed: number): File {
  return new DocumentGenerator(new Random(seed)).file();
}

class DocumentGenerator {
  /** Inside `${...}` everything is written on one line: no heredocs, multi-line hints or comments. */
  private inTemplate = 0;

  constructor(private readonly random: Random) {}

  private get multilineAllowed(): boolean {
    return this.inTemplate === 0;
  }

  file(): File {
    const r = this.random;
    const items: BodyItem[] = [];
    const count = 1 + r.int(5);
    const used = new Set<string>();
    for (let i = 0; i < count; i++) items.push(this.topLevelItem(i === 0, used));
    return { path: '', body: { items }, ...(r.chance(0.3) ? { headerComments: [this.comment('#'), this.comment('#')] } : {}) };
  }

  private topLevelItem(first: boolean, used: Set<string>): BodyItem {
    const r = this.random;
    switch (r.int(first ? 5 : 6)) {
      case 0:
        return this.block('resource', ['aws_thing', `n${r.int(99)}`], true);
      case 1:
        return this.block('locals', [], false);
      case 2:
        return this.block('module', [`m${r.int(9)}`], true);
      case 3:
        return this.block('output', ['out'], false);
      case 4:
        return this.block('data', ['aws_region', 'current'], true);
      default:
        return this.attribute(this.unusedName(used), 0);
    }
  }

  private block(type: string, labels: string[], meta: boolean, depth = 1): Block {
    const r = this.random;
    const items: BodyItem[] = [];
    if (meta && r.chance(0.5)) items.push(this.attribute(r.pick(['count', 'for_each']), depth));
    if (meta && r.chance(0.2)) items.push({ kind: 'attribute', name: 'provider', expr: this.traversal() });
    const count = r.int(6);
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      if (r.chance(0.15) && items.length > 0) items.push({ kind: 'blank' });
      if (depth < 3 && r.chance(0.2)) items.push(r.chance(0.3) ? this.dynamicBlock(depth) : this.block(r.pick(['setting', 'ingress', 'content_block']), r.chance(0.3) ? ['label'] : [], false, depth + 1));
      else items.push(this.attribute(this.unusedName(used), depth));
    }
    if (meta && r.chance(0.3)) items.push({ kind: 'attribute', name: 'depends_on', expr: { kind: 'tuple', items: [this.traversal()], multiline: false } });
    if (meta && r.chance(0.2)) items.push({ kind: 'block', type: 'lifecycle', labels: [], body: { items: [this.attribute('create_before_destroy', depth + 1)] } });
    return { kind: 'block', type, labels, body: { items }, ...(r.chance(0.3) ? { leadingComments: [this.comment()] } : {}) };
  }

  private dynamicBlock(depth: number): Block {
    const r = this.random;
    const items: BodyItem[] = [{ kind: 'attribute', name: 'for_each', expr: this.traversal() }];
    if (r.chance(0.5)) items.push({ kind: 'attribute', name: 'iterator', expr: { kind: 'traversal', root: 'item', steps: [] } });
    items.push(this.block('content', [], false, depth + 2));
    return { kind: 'block', type: 'dynamic', labels: ['rule'], body: { items } };
  }

  private attribute(name: string, depth: number): Attribute {
    const r = this.random;
    let expr = this.expr(depth < 2 ? 3 : 2, true);
    // A lone interpolation would be unwrapped by the writer, as terraform fmt does.
    if (expr.kind === 'template' && !expr.heredoc && expr.parts.length === 1 && expr.parts[0]!.kind === 'interpolation') expr = { ...expr, parts: [...expr.parts, { kind: 'string', value: '!' }] };
    const heredoc = expr.kind === 'template' && expr.heredoc !== undefined;
    return {
      kind: 'attribute',
      name,
      expr,
      ...(r.chance(0.2) ? { leadingComments: [this.comment()] } : {}),
      ...(!heredoc && r.chance(0.2) ? { trailingComment: this.comment() } : {}),
    };
  }

  private name(): string {
    return this.random.pick(NAMES);
  }

  /** Attribute names must be unique within a body. */
  private unusedName(used: Set<string>): string {
    let name = this.name();
    for (let n = 2; used.has(name); n++) name = `${this.name()}_${n}`;
    used.add(name);
    return name;
  }

  private comment(style?: Comment['style']): Comment {
    const r = this.random;
    const chosen = style ?? r.pick(['#', '#', '//', '/*'] as const);
    const text = r.pick(COMMENTS);
    return { text: chosen === '#' || !text.startsWith('#') ? text : text.replace(/^#+\s*/, ''), style: chosen };
  }

  // -------------------------------------------------------------------------------------------
  // Expressions
  // -------------------------------------------------------------------------------------------

  /**
   * `heredocOk`: the position lets a heredoc's closing line end the expression (a whole value,
   * a tuple item, a call argument); elsewhere the writer would have to quote it.
   */
  private expr(depth: number, heredocOk = false): Expr {
    const r = this.random;
    if (depth <= 0) return this.term(0);
    switch (r.int(14)) {
      case 0:
        return this.template(depth);
      case 1:
        return heredocOk ? this.heredoc() : this.plainString();
      case 2:
        return this.call(depth);
      case 3:
        return this.tuple(depth);
      case 4:
        return this.object(depth);
      case 5:
        return this.forExpr(depth);
      case 6:
        return { kind: 'conditional', cond: this.operand(depth - 1), then: this.expr(depth - 1), else: this.expr(depth - 1) };
      case 7:
        return { kind: 'binary', op: r.pick(['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%'] as const), left: this.operand(depth - 1), right: this.operand(depth - 1) };
      case 8:
        return { kind: 'unary', op: r.pick(['!', '-'] as const), operand: r.chance(0.5) ? this.traversal() : this.paren(depth - 1) };
      case 9:
        return this.postfix(depth);
      case 10:
        return this.splat();
      default:
        return this.term(depth);
    }
  }

  /** An operand of a binary or conditional: a term, or anything in parentheses. */
  private operand(depth: number): Expr {
    return this.random.chance(0.7) ? this.term(0) : this.paren(depth);
  }

  private paren(depth: number): Expr {
    return { kind: 'paren', inner: this.expr(Math.max(0, depth)) };
  }

  private term(depth: number): Expr {
    const r = this.random;
    switch (r.int(depth > 0 ? 6 : 5)) {
      case 0:
        return this.number();
      case 1:
        return { kind: 'literal', value: r.pick([true, false, null]) };
      case 2:
        return this.plainString();
      case 3:
      case 4:
        return this.traversal();
      default:
        return this.call(depth);
    }
  }

  private number(): Expr {
    const raw = this.random.pick(['0', '1', '42', '1.50', '1e3', '2.5E-2', '-2', '-0.25', '65535']);
    return { kind: 'literal', value: Number(raw), raw };
  }

  private plainString(): TemplateExpr {
    const text = this.random.pick(TEXTS);
    return { kind: 'template', parts: text === '' ? [] : [{ kind: 'string', value: text }] };
  }

  private traversal(): Expr {
    const r = this.random;
    const steps: TraversalStep[] = [];
    const count = 1 + r.int(3);
    for (let i = 0; i < count; i++) {
      const kind = r.int(6);
      const n = r.int(3);
      if (kind === 0) steps.push({ kind: 'index', key: { kind: 'literal', value: n, raw: String(n) } });
      else if (kind === 1) steps.push({ kind: 'index', key: r.chance(0.5) ? this.plainString() : { kind: 'traversal', root: 'each', steps: [{ kind: 'attr', name: 'key' }] } });
      else if (kind === 2 && r.chance(0.3) && !isLegacy(steps[steps.length - 1])) steps.push({ kind: 'index', key: { kind: 'literal', value: 0, raw: '0' }, legacy: true });
      else steps.push({ kind: 'attr', name: r.pick(NAMES) });
    }
    return { kind: 'traversal', root: r.pick(ROOTS), steps };
  }

  private splat(): Expr {
    const r = this.random;
    const style = r.pick(['full', 'attr'] as const);
    const steps: TraversalStep[] = [{ kind: 'attr', name: 'id' }];
    if (style === 'full' && r.chance(0.5)) steps.push({ kind: 'index', key: { kind: 'literal', value: 0, raw: '0' } });
    return { kind: 'splat', target: r.chance(0.7) ? this.traversal() : this.call(0), style, steps };
  }

  /** Steps on something that is not a plain name: an index or attribute access on a call. */
  private postfix(depth: number): Expr {
    const r = this.random;
    const target = r.chance(0.5) ? this.call(depth - 1) : this.paren(depth - 1);
    return r.chance(0.5) ? { kind: 'index', target, key: this.term(0) } : { kind: 'getattr', target, name: r.pick(NAMES) };
  }

  private call(depth: number): Expr {
    const r = this.random;
    const args: Expr[] = [];
    const count = r.int(4);
    for (let i = 0; i < count; i++) args.push(this.expr(depth - 1, true));
    const expandFinal = args.length > 0 && r.chance(0.1);
    return { kind: 'call', name: r.pick(FUNCTIONS), args, ...(expandFinal ? { expandFinal } : {}), ...(args.length > 0 && this.multilineAllowed && r.chance(0.3) ? { multiline: true } : {}) };
  }

  private tuple(depth: number): Expr {
    const r = this.random;
    const items: Expr[] = [];
    const count = r.chance(0.1) ? 12 : r.int(4);
    for (let i = 0; i < count; i++) items.push(this.expr(depth - 1, true));
    return { kind: 'tuple', items, multiline: items.length > 0 && this.multilineAllowed && r.chance(0.4) };
  }

  private object(depth: number): Expr {
    const r = this.random;
    const items: ObjectItem[] = [];
    const count = r.int(5);
    const multiline = count > 0 && this.multilineAllowed && r.chance(0.6);
    for (let i = 0; i < count; i++) {
      const value = this.expr(depth - 1, multiline);
      const heredoc = value.kind === 'template' && value.heredoc !== undefined;
      items.push({
        key: this.objectKey(),
        value,
        ...(multiline && r.chance(0.2) ? { leadingComments: [this.comment()] } : {}),
        ...(multiline && !heredoc && r.chance(0.2) ? { trailingComment: this.comment() } : {}),
      });
    }
    return { kind: 'object', items, multiline };
  }

  private objectKey(): Expr {
    const r = this.random;
    const kind = r.int(5);
    if (kind === 0) return { kind: 'template', parts: [{ kind: 'string', value: r.pick(['a b', 'Name', 'é', 'x.y']) }] };
    if (kind === 1) return { kind: 'paren', inner: this.traversal() };
    return { kind: 'traversal', root: r.pick(NAMES), steps: [] };
  }

  private forExpr(depth: number): Expr {
    const r = this.random;
    const object = r.chance(0.5);
    const keyVar = object || r.chance(0.5) ? 'k' : undefined;
    return {
      kind: 'for',
      result: object ? 'object' : 'tuple',
      ...(keyVar ? { keyVar } : {}),
      valueVar: 'v',
      collection: this.traversal(),
      ...(object ? { keyExpr: { kind: 'traversal', root: 'k', steps: [] } } : {}),
      valueExpr: this.expr(depth - 1),
      ...(r.chance(0.4) ? { cond: { kind: 'binary', op: '!=', left: { kind: 'traversal', root: 'v', steps: [] }, right: { kind: 'literal', value: null } } } : {}),
      ...(object && r.chance(0.2) ? { grouping: true } : {}),
      ...(this.multilineAllowed && r.chance(0.3) ? { multiline: true } : {}),
    };
  }

  private template(depth: number): TemplateExpr {
    const r = this.random;
    const parts: TemplatePart[] = [];
    const count = 1 + r.int(4);
    for (let i = 0; i < count; i++) {
      const last = parts[parts.length - 1];
      if (last?.kind !== 'string' && r.chance(0.5)) parts.push({ kind: 'string', value: r.pick(TEXTS.filter((t) => t !== '')) });
      else if (r.chance(0.8)) parts.push({ kind: 'interpolation', expr: this.insideTemplate(() => this.expr(Math.min(depth - 1, 1))), ...(r.chance(0.1) ? { stripLeft: true } : {}) });
      else if (r.chance(0.5)) parts.push({ kind: 'if', cond: this.traversal(), then: [{ kind: 'string', value: 'yes' }], ...(r.chance(0.5) ? { else: [{ kind: 'string', value: 'no' }] } : {}) });
      else parts.push({ kind: 'for', valueVar: 'v', collection: this.traversal(), body: [{ kind: 'interpolation', expr: { kind: 'traversal', root: 'v', steps: [] } }, { kind: 'string', value: ',' }] });
    }
    return { kind: 'template', parts };
  }

  private insideTemplate<T>(make: () => T): T {
    this.inTemplate++;
    try {
      return make();
    } finally {
      this.inTemplate--;
    }
  }

  private heredoc(): TemplateExpr {
    const r = this.random;
    if (!this.multilineAllowed) return this.plainString();
    const indented = r.chance(0.7);
    const lines: string[] = [r.pick(['{', '#!/bin/bash', 'plain start'])];
    const count = r.int(5);
    for (let i = 0; i < count; i++) lines.push(r.pick(HEREDOC_LINES));
    const parts: TemplatePart[] = [{ kind: 'string', value: `${lines.join('\n')}\n` }];
    if (r.chance(0.4)) parts.push({ kind: 'interpolation', expr: this.traversal() }, { kind: 'string', value: ' tail\n' });
    return { kind: 'template', parts, heredoc: { marker: r.pick(['EOT', 'POLICY']), indented } };
  }
}
