/**
 * `# ecsform:ignore RULE_ID reason` comments directly above a block: a deliberate exception,
 * written next to what it excuses. Security rules read them through the module index.
 */
import type { Comment } from '../hcl/index.js';

export interface IgnoreDirective {
  readonly ruleId: string;
  /** Empty when the comment gives none; consumers may insist on one. */
  readonly reason: string;
  readonly comment: Comment;
}

const DIRECTIVE = /^ecsform:ignore\s+([A-Za-z0-9_.-]+)\s*(.*)$/;

export function ignoreDirectives(comments: readonly Comment[]): IgnoreDirective[] {
  const out: IgnoreDirective[] = [];
  for (const comment of comments) {
    // A block comment may hold several lines, each a directive.
    for (const line of comment.text.split('\n')) {
      const match = DIRECTIVE.exec(line.trim());
      if (match) out.push({ ruleId: match[1] ?? '', reason: (match[2] ?? '').trim(), comment });
    }
  }
  return out;
}
