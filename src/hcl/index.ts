/**
 * The HCL layer: the only code that knows HCL syntax. Everything else builds or reads the
 * document model (`ast.ts`) with the builders (`build.ts`) and calls these functions.
 */
export type * from './ast.js';
export * from './build.js';
export type { HclError } from './errors.js';
export { parseHcl, type ParseResult } from './parser.js';
export { hclShape, MAX_HCL_DEPTH, type HclShape } from './limits.js';
export { writeHcl } from './writer.js';
export { writeExpr } from './write-expr.js';
export { checkSyntax, formatHcl, warmUp } from './wasm.js';
