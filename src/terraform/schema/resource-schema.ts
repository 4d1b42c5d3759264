/** The provider schema of a resource, data source or ephemeral resource, by mode and type. */
import type { ResourceMode } from '../module-index.js';
import type { BlockSchema, ProviderSchema } from './provider-schema.js';

export function schemaFor(schema: ProviderSchema, decl: { readonly mode: ResourceMode; readonly type: string }): BlockSchema | undefined {
  switch (decl.mode) {
    case 'managed':
      return schema.resource(decl.type);
    case 'data':
      return schema.dataSource(decl.type);
    case 'ephemeral':
      return schema.ephemeral(decl.type);
  }
}
