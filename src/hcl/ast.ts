/**
 * The HCL document model shared by the parser (which fills in `range`s) and the writer (which
 * ignores them). Only `src/hcl/` turns this model into text or text into this model; every other
 * layer builds or reads these plain objects.
 *
 * The model follows the HCL native syntax specification:
 * https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md
 */

/** 1-based line and column (columns count Unicode code points), 0-based byte-free string offset. */
export interface Pos {
  readonly line: number;
  readonly column: number;
  /** Offset in UTF-16 code units into the source string (what `String.prototype.slice` takes). */
  readonly offset: number;
}

export interface Range {
  readonly start: Pos;
  /** Exclusive end. */
  readonly end: Pos;
}

/** A `#`, `//` or `/* *\/` comment, text without the comment markers, trimmed. */
export interface Comment {
  readonly text: string;
  readonly style: '#' | '//' | '/*';
  readonly range?: Range;
}

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

export interface File {
  /** Path as given to the parser (used in findings). Empty for documents built in memory. */
  readonly path: string;
  readonly body: Body;
  /** Comments at the very top of the file that are separated from the first item by a blank line. */
  readonly headerComments?: readonly Comment[];
}

export interface Body {
  readonly items: readonly BodyItem[];
  /** Range of the body's content; for a block, from after `{` to before `}`. */
  readonly range?: Range;
}

export type BodyItem = Attribute | Block | BlankLine;

export interface Attribute {
  readonly kind: 'attribute';
  readonly name: string;
  readonly expr: Expr;
  /** Comment lines directly above the attribute (no blank line between). */
  readonly leadingComments?: readonly Comment[];
  /** A comment on the same line, after the value. */
  readonly trailingComment?: Comment;
  readonly range?: Range;
  readonly nameRange?: Range;
}

export interface Block {
  readonly kind: 'block';
  /** `resource`, `variable`, `dynamic`, `ingress`, ... */
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: Body;
  readonly leadingComments?: readonly Comment[];
  readonly range?: Range;
  readonly typeRange?: Range;
  readonly labelRanges?: readonly Range[];
}

/**
 * An explicit empty line. The writer adds the conventional blank lines itself (between blocks,
 * after meta-arguments); builders use this only to group attributes. The parser produces it only
 * for a blank line the writer would not add by itself, so grouping survives a round trip.
 */
export interface BlankLine {
  readonly kind: 'blank';
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | TraversalExpr
  | CallExpr
  | TupleExpr
  | ObjectExpr
  | ForExpr
  | IndexExpr
  | GetAttrExpr
  | SplatExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ParenExpr;

/** `"a"` without interpolation is a TemplateExpr with one string part, not a LiteralExpr. */
export interface LiteralExpr {
  readonly kind: 'literal';
  /** Numbers keep their source spelling in `raw` so `1.50` round-trips. */
  readonly value: number | boolean | null;
  readonly raw?: string;
  readonly range?: Range;
}

/** `~` strip markers on one `%{ ... }` delimiter pair: `%{~ if x ~}` is `{ left: true, right: true }`. */
export interface StripMarkers {
  readonly left?: boolean;
  readonly right?: boolean;
}

/**
 * Strip markers of a directive: `open` is `%{if}`/`%{for}`, `else` is `%{else}`, `close` is
 * `%{endif}`/`%{endfor}`. Kept (rather than applied to the text) so a template round-trips.
 */
export interface DirectiveStrip {
  readonly open?: StripMarkers;
  readonly else?: StripMarkers;
  readonly close?: StripMarkers;
}

export type TemplatePart =
  | { readonly kind: 'string'; readonly value: string; readonly range?: Range }
  | { readonly kind: 'interpolation'; readonly expr: Expr; readonly stripLeft?: boolean; readonly stripRight?: boolean; readonly range?: Range }
  | { readonly kind: 'if'; readonly cond: Expr; readonly then: readonly TemplatePart[]; readonly else?: readonly TemplatePart[]; readonly strip?: DirectiveStrip; readonly range?: Range }
  | { readonly kind: 'for'; readonly keyVar?: string; readonly valueVar: string; readonly collection: Expr; readonly body: readonly TemplatePart[]; readonly strip?: DirectiveStrip; readonly range?: Range };

/**
 * A quoted string or a heredoc. String parts hold the *decoded* text (escapes resolved, `$${`
 * unescaped); the writer re-escapes.
 */
export interface TemplateExpr {
  readonly kind: 'template';
  readonly parts: readonly TemplatePart[];
  /** Present for `<<EOT` / `<<-EOT` heredocs. */
  readonly heredoc?: { readonly marker: string; readonly indented: boolean };
  readonly range?: Range;
}

export type TraversalStep =
  | { readonly kind: 'attr'; readonly name: string; readonly range?: Range }
  /** `[expr]`, or the legacy `.0` form (`legacy: true`). */
  | { readonly kind: 'index'; readonly key: Expr; readonly legacy?: boolean; readonly range?: Range };

/**
 * A name followed by attribute and index steps: `var.region`, `aws_subnet.private[0].id`,
 * `each.value`, `count.index`, `path.module`, or a bare name like `string` in a type constraint.
 */
export interface TraversalExpr {
  readonly kind: 'traversal';
  readonly root: string;
  readonly steps: readonly TraversalStep[];
  readonly range?: Range;
  readonly rootRange?: Range;
}

export interface CallExpr {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expr[];
  /** `f(list...)` */
  readonly expandFinal?: boolean;
  /** Writer hint: one argument per line. Parser sets it when a line break follows the opening bracket. */
  readonly multiline?: boolean;
  readonly range?: Range;
  readonly nameRange?: Range;
}

export interface TupleExpr {
  readonly kind: 'tuple';
  readonly items: readonly Expr[];
  /** Writer hint: one item per line. Parser sets it when a line break follows the opening bracket. */
  readonly multiline?: boolean;
  readonly range?: Range;
}

export interface ObjectItem {
  /**
   * A bare identifier key (`name = ...`) is a TraversalExpr with no steps; a quoted key is a
   * TemplateExpr; `(expr) = ...` is a ParenExpr.
   */
  readonly key: Expr;
  readonly value: Expr;
  /** `=` or `:` as written; the writer always writes `=`. */
  readonly separator?: '=' | ':';
  readonly leadingComments?: readonly Comment[];
  readonly trailingComment?: Comment;
  readonly range?: Range;
}

export interface ObjectExpr {
  readonly kind: 'object';
  readonly items: readonly ObjectItem[];
  /** Writer hint: one item per line. Parser sets it when a line break follows the opening bracket. */
  readonly multiline?: boolean;
  readonly range?: Range;
}

/** `[for k, v in coll : v if cond]` or `{for k, v in coll : k => v... if cond}`. */
export interface ForExpr {
  readonly kind: 'for';
  readonly result: 'tuple' | 'object';
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expr;
  /** Only for `result: 'object'`. */
  readonly keyExpr?: Expr;
  readonly valueExpr: Expr;
  readonly cond?: Expr;
  /** `...` after the value of an object `for`. */
  readonly grouping?: boolean;
  /** Writer hint: brackets on their own lines. Parser sets it when a line break follows the opening bracket. */
  readonly multiline?: boolean;
  readonly range?: Range;
}

/** `expr[key]` where `expr` is not a plain traversal (e.g. `local.m[each.key]` stays a traversal). */
export interface IndexExpr {
  readonly kind: 'index';
  readonly target: Expr;
  readonly key: Expr;
  readonly range?: Range;
}

/** `expr.name` where `expr` is not a plain traversal (e.g. `f(x).id`). */
export interface GetAttrExpr {
  readonly kind: 'getattr';
  readonly target: Expr;
  readonly name: string;
  readonly range?: Range;
}

/**
 * `target[*].a.b` (full splat, `style: 'full'`) or `target.*.a` (attribute-only splat).
 * `steps` are applied to each element.
 */
export interface SplatExpr {
  readonly kind: 'splat';
  readonly target: Expr;
  readonly style: 'full' | 'attr';
  readonly steps: readonly TraversalStep[];
  readonly range?: Range;
}

export interface ConditionalExpr {
  readonly kind: 'conditional';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
  readonly range?: Range;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly range?: Range;
}

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: '!' | '-';
  readonly operand: Expr;
  readonly range?: Range;
}

export interface ParenExpr {
  readonly kind: 'paren';
  readonly inner: Expr;
  readonly range?: Range;
}
