/**
 * Renders planned modules to text with the HCL writer. Sections get terraform-aws-modules style
 * banners so a long file reads as a table of contents.
 */
import type { Block, Comment } from '../hcl/ast.js';
import { writeHcl } from '../hcl/index.js';
import type { TerraformModule } from './document.js';

const BANNER = '#'.repeat(79);

export interface RenderedFile {
  /** Path relative to the output directory. */
  readonly path: string;
  readonly content: string;
}

export function renderModule(module: TerraformModule): RenderedFile[] {
  return module.files.map((file) => {
    const items: Block[] = file.blocks.map((block, i) => {
      const section = file.sections.get(i);
      if (!section) return block;
      const banner: Comment[] = [BANNER.slice(1), section, BANNER.slice(1)].map((text) => ({ text, style: '#' }));
      return { ...block, leadingComments: [...banner, ...(block.leadingComments ?? [])] };
    });
    const content = writeHcl({ path: file.path, headerComments: file.header.map((text) => ({ text, style: '#' })), body: { items } });
    return { path: module.dir ? `${module.dir}/${file.path}` : file.path, content };
  });
}
