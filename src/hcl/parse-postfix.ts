/**
 * The steps after a term: `.attr`, `[key]`, legacy `.0`, and the splats `[*]` and `.*` with the
 * steps that apply to each element. Steps on a plain name build one `TraversalExpr`, whatever the
 * index keys are; steps on anything else (a call, parentheses, a tuple) build `IndexExpr` /
 * `GetAttrExpr`; an index after `.*` ends that splat, as in hclsyntax.
 */
import type { Expr, Pos, Range, TraversalExpr, TraversalStep } from './ast.js';
import { parseExpression } from './parse-expr.js';
import type { TokenIndex, TokenReader } from './reader.js';

/** What the steps read so far are building: a traversal, a splat, or steps on another expression. */
type Chain =
  | { readonly mode: 'traversal'; readonly root: TraversalExpr; readonly steps: TraversalStep[] }
  | { readonly mode: 'splat'; readonly target: Expr; readonly style: 'full' | 'attr'; readonly steps: TraversalStep[]; readonly start: Pos; end: Pos }
  | { readonly mode: 'expr'; readonly expr: Expr };

export function parsePostfix(r: TokenReader, term: Expr): Expr {
  const next = r.peekType();
  if (next !== 'dot' && next !== 'obrack') return term;
  let chain: Chain = term.kind === 'traversal' && term.steps.length === 0 ? { mode: 'traversal', root: term, steps: [] } : { mode: 'expr', expr: term };
  for (;;) {
    const type = r.peekType();
    if (type === 'dot') {
      const after = r.peekType(1);
      const dot = r.skip();
      if (after === 'star') {
        chain = startSplat(r, chain, 'attr', r.skip());
      } else if (after === 'ident') {
        const name = r.skip();
        chain = addStep(chain, { kind: 'attr', name: r.text(name), range: r.span(dot, name) });
      } else if (after === 'number') {
        for (const step of legacyIndexSteps(r, dot, r.skip())) chain = addStep(chain, step);
      } else {
        r.errorAt(r.peek(), 'Invalid attribute name', 'An attribute name is required after a dot.');
        return finish(chain);
      }
    } else if (type === 'obrack') {
      if (r.peekType(1) === 'star' && r.peekType(2) === 'cbrack') {
        r.skip();
        r.skip();
        chain = startSplat(r, chain, 'full', r.skip());
      } else {
        const open = r.skip();
        r.pushNewlines(false);
        const key = parseExpression(r);
        const close = r.closeWith('cbrack', open, 'Missing close bracket on index', 'The index operator must end with a closing bracket ("]").');
        r.popNewlines();
        chain = addStep(chain, { kind: 'index', key, range: r.span(open, close) });
      }
    } else {
      return finish(chain);
    }
  }
}

/** `.0` on a traversal. The lexer reads `.0.1` as `.` and the number `0.1`, which HCL rejects. */
function legacyIndexSteps(r: TokenReader, dot: TokenIndex, number: TokenIndex): TraversalStep[] {
  const text = r.text(number);
  if (/^\d+\.\d+$/.test(text)) {
    r.errorAt(number, 'Invalid legacy index syntax', 'When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [0][0].');
    return [];
  }
  if (!/^\d+$/.test(text)) {
    r.errorAt(number, 'Invalid legacy index syntax', 'A legacy index step (".0") must be a whole number.');
    return [];
  }
  const key: Expr = { kind: 'literal', value: Number(text), raw: text, range: r.range(number) };
  return [{ kind: 'index', key, legacy: true, range: r.span(dot, number) }];
}

function addStep(chain: Chain, step: TraversalStep): Chain {
  if (chain.mode === 'traversal') {
    chain.steps.push(step);
    return chain;
  }
  // An index ends an attribute-only splat: `a.*.b[0]` is `(a.*.b)[0]`.
  if (chain.mode === 'splat' && (chain.style === 'full' || step.kind === 'attr' || step.legacy)) {
    chain.steps.push(step);
    chain.end = step.range!.end;
    return chain;
  }
  const target = finish(chain);
  const range: Range = { start: target.range!.start, end: step.range!.end };
  if (step.kind === 'attr') return { mode: 'expr', expr: { kind: 'getattr', target, name: step.name, range } };
  return { mode: 'expr', expr: { kind: 'index', target, key: step.key, range } };
}

function startSplat(r: TokenReader, chain: Chain, style: 'full' | 'attr', last: TokenIndex): Chain {
  const target = finish(chain);
  return { mode: 'splat', target, style, steps: [], start: target.range!.start, end: r.endPos(last) };
}

function finish(chain: Chain): Expr {
  switch (chain.mode) {
    case 'expr':
      return chain.expr;
    case 'traversal': {
      const { root, steps } = chain;
      if (steps.length === 0) return root;
      return { kind: 'traversal', root: root.root, steps, range: { start: root.range!.start, end: steps[steps.length - 1]!.range!.end }, rootRange: root.rootRange! };
    }
    case 'splat':
      return { kind: 'splat', target: chain.target, style: chain.style, steps: chain.steps, range: { start: chain.start, end: chain.end } };
  }
}
