/**
 * Hands out the comments the lexer collected to the items they belong to. Each comment is
 * claimed at most once; comments no item claims (inside tuples or calls, or after the last
 * item of a body) are not represented in the model.
 */
import type { Comment } from './ast.js';
import type { LexComment } from './lexer.js';

export class CommentIndex {
  private readonly claimed: Uint8Array;

  constructor(private readonly comments: readonly LexComment[]) {
    this.claimed = new Uint8Array(comments.length);
  }

  /** Unclaimed comments that start in `[from, to)`, in source order. */
  claimBetween(from: number, to: number): LexComment[] {
    let out: LexComment[] | undefined;
    for (let i = this.firstAtOrAfter(from); i < this.comments.length; i++) {
      const comment = this.comments[i]!;
      if (comment.range.start.offset >= to) break;
      if (this.claimed[i]) continue;
      this.claimed[i] = 1;
      (out ??= []).push(comment);
    }
    return out ?? [];
  }

  /** The first unclaimed comment on `line` that starts at or after `from`. */
  claimTrailing(line: number, from: number): LexComment | undefined {
    for (let i = this.firstAtOrAfter(from); i < this.comments.length; i++) {
      const comment = this.comments[i]!;
      if (comment.range.start.line !== line) return undefined;
      if (this.claimed[i]) continue;
      this.claimed[i] = 1;
      return comment;
    }
    return undefined;
  }

  private firstAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.comments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.comments[mid]!.range.start.offset < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

export function toComment(comment: LexComment): Comment {
  return { text: comment.text, style: comment.style, range: comment.range };
}

/**
 * Splits the comments above a file's first item: the group directly above it (no blank line in
 * between) leads the item; everything before the last blank line is the file header.
 */
export function splitHeader(comments: readonly LexComment[], firstItemLine: number): { header: LexComment[]; leading: LexComment[] } {
  let split = comments.length;
  let nextLine = firstItemLine;
  while (split > 0) {
    const comment = comments[split - 1]!;
    if (comment.range.end.line < nextLine - 1) break;
    nextLine = comment.range.start.line;
    split--;
  }
  return { header: comments.slice(0, split), leading: comments.slice(split) };
}
