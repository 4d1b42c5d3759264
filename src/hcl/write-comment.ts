import type { Comment } from './ast.js';
import type { TokenSink } from './token-sink.js';

/**
 * `# text`, `// text` or `/* text *\/`. No space is added when the text continues the marker
 * (`########` banners, `/** doc *\/`), so such comments read back unchanged.
 */
function commentLine(style: Comment['style'], text: string): string {
  if (style === '/*') {
    if (text === '') return '/**/';
    return `/*${text.startsWith('*') ? '' : ' '}${text} */`;
  }
  if (text === '') return style;
  return `${style}${text.startsWith(style[0]!) ? '' : ' '}${text}`;
}

/** A block comment cannot contain `*\/`; such text is written as `#` lines instead. */
function effectiveStyle(comment: Comment): Comment['style'] {
  return comment.style === '/*' && comment.text.includes('*/') ? '#' : comment.style;
}

/** Comment lines above an item. */
export function writeCommentLines(sink: TokenSink, comment: Comment): void {
  const style = effectiveStyle(comment);
  if (style === '/*') {
    sink.push('comment', commentLine(style, comment.text));
    sink.push('newline', '\n');
    return;
  }
  for (const line of comment.text.split('\n')) sink.push('comment', `${commentLine(style, line.trim())}\n`);
}

/** A comment after the value on the item's last line; it ends the line. */
export function writeTrailingComment(sink: TokenSink, comment: Comment): void {
  const style = effectiveStyle(comment);
  const text = comment.text.replace(/\s*\n\s*/g, ' ');
  if (style === '/*') {
    sink.push('comment', commentLine(style, text));
    sink.newline();
  } else {
    sink.push('comment', `${commentLine(style, text)}\n`);
  }
}
