/**
 * A Terraform CLI configuration for machines without the registry: providers from a filesystem
 * mirror (the folder holding `registry.terraform.io/...`), and one plugin cache shared by every
 * working directory, so the provider (hundreds of MB) is unpacked once, not per directory.
 */
import { attr, block, writeHcl } from '../hcl/index.js';

export function cliConfig(options: { readonly mirror?: string; readonly pluginCacheDir: string }): string {
  return writeHcl({
    path: '',
    body: {
      items: [
        ...(options.mirror !== undefined ? [block('provider_installation', [], [block('filesystem_mirror', [], [attr('path', options.mirror), attr('include', ['registry.terraform.io/*/*'])])])] : []),
        attr('plugin_cache_dir', options.pluginCacheDir),
      ],
    },
  });
}
