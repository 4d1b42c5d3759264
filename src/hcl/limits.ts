/**
 * How deep HCL may nest before ecsform refuses it. The parser, the evaluator and every walk of the
 * document model recurse once per level; real Terraform nests a dozen levels (a policy inside
 * jsonencode inside a for expression), so a hundred is generous and keeps the stack safe. Measured
 * on the token stream, before anything recursive runs.
 */
import type { Pos } from './ast.js';
import { hclError, type HclError } from './errors.js';
import { lex } from './lexer.js';
import type { TokenList } from './token-list.js';
import type { TokenType } from './token.js';

export const MAX_HCL_DEPTH = 100;

const OPENERS: ReadonlySet<TokenType> = new Set(['obrace', 'obrack', 'oparen', 'interp', 'control', 'oquote', 'oheredoc']);
const CLOSERS: ReadonlySet<TokenType> = new Set(['cbrace', 'cbrack', 'cparen', 'seqEnd', 'cquote', 'cheredoc']);

export interface HclShape {
  /** Where the nesting first goes past MAX_HCL_DEPTH. */
  readonly tooDeepAt?: Pos;
  /** Lines where top-level blocks open (resources, data sources, variables...). */
  readonly blockLines: readonly number[];
}

/**
 * Nesting as the parser will recurse: brackets, templates and heredocs, plus chains that nest
 * without brackets (`a ? b : c ? d : ...`, `!!!x`, `- - -1`).
 */
export function measureShape(tokens: TokenList): HclShape {
  const blockLines: number[] = [];
  // Per open level: its opener, and the conditionals chained in the current expression there.
  const levels: Array<{ opener: TokenType | 'file'; questions: number }> = [{ opener: 'file', questions: 0 }];
  let unaryRun = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens.typeAt(i);
    const level = levels[levels.length - 1]!;
    if (OPENERS.has(type)) {
      if (type === 'obrace' && levels.length === 1) blockLines.push(tokens.startPos(i).line);
      levels.push({ opener: type, questions: 0 });
    } else if (CLOSERS.has(type)) {
      if (levels.length > 1) levels.pop();
    } else if (type === 'question') {
      level.questions++;
    } else if (type === 'comma' || (type === 'newline' && (level.opener === 'file' || level.opener === 'obrace'))) {
      level.questions = 0;
    }
    unaryRun = type === 'bang' || type === 'minus' ? unaryRun + 1 : 0;
    const depth = levels.length - 1 + levels[levels.length - 1]!.questions + unaryRun;
    if (depth > MAX_HCL_DEPTH) return { tooDeepAt: tokens.startPos(i), blockLines };
  }
  return { blockLines };
}

/** The shape of an HCL text (lexed on its own, for callers that do not parse). */
export function hclShape(path: string, text: string): HclShape {
  return measureShape(lex(path, text).tokens);
}

export function tooDeepError(path: string, at: Pos): HclError {
  return hclError(path, 'Nesting too deep', `expressions and blocks here nest more than ${MAX_HCL_DEPTH} levels deep, more than ecsform reads`, { start: at, end: at });
}
