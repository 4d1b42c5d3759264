/**
 * The one layer that reads Terraform, on any configuration, generated or hand-written. Every
 * other layer (the checks, security rules, cost, diagrams, the report) imports it from here only.
 *
 * - files and modules: `.tf` files grouped into modules as Terraform sees them;
 * - the module index: what each module declares, read once from the parsed files;
 * - syntax-tree readers: attributes, blocks, references, scopes, `ecsform:ignore` comments;
 * - the evaluator: values of expressions, or `Unknown` with the reason;
 * - instances: what `count`/`for_each` expand to;
 * - the stack: the configuration as it would be planned (module calls with their arguments);
 * - views: resource instances with located values, as the security rules read them;
 * - the AWS provider schema.
 *
 * `Unknown` is the one spelling of "cannot be known offline" across all of it.
 */
export { isUnknown, Unknown, type Read } from './unknown.js';

// Files, modules and the module index.
export { groupIntoModules, moduleDirOf, resolveLocalSource, type GroupedInput, type ModuleFiles, type SourceFile } from './files.js';
export {
  indexModule,
  MODE_OF_BLOCK,
  type DeclarationSite,
  type DuplicateDecl,
  type LocalDecl,
  type MetaArguments,
  type ModuleCallDecl,
  type ModuleIndex,
  type OutputDecl,
  type ParsedFile,
  type ProviderConfigDecl,
  type RequiredProvider,
  type ResourceDecl,
  type ResourceMode,
  type TerraformBlockDecl,
  type VariableDecl,
} from './module-index.js';
export { indexModules, parseFiles, readTerraform, type OwnParse } from './parse.js';
export { ignoreDirectives, type IgnoreDirective } from './ignore-comments.js';

// Reading the syntax tree.
export { attributeSite, blockSite, blocksOf, findAttribute, isInterpolationOnly, literalString, objectEntries, objectKeyName } from './ast/ast-read.js';
export { walkExpr } from './ast/expr-walk.js';
export type { ExprUses, FunctionCallSite, Reference, RefOp } from './ast/expr-references.js';
export { forEachModuleExpression, type ExprScope, type ExprVisitor } from './ast/scopes.js';
export { collectModuleUses, leadingNames, referencedAddress } from './ast/module-uses.js';
export { referencedAddresses, resourceAddresses } from './ast/addresses.js';
export { localModuleOf, outputStep } from './ast/local-modules.js';

// Values.
export { evaluate, type EvalScope } from './eval/evaluate.js';
export type { ObjectValue, Value } from './eval/values.js';

// The configuration as it would be planned.
export { buildStack, evaluateIn, type ModuleInstance, type OpaqueModuleCall, type SourceLine, type Stack, type StackInstance, type StackResource } from './stack/stack.js';
export { listLength, nestedBodies, nestedBody, readBool, readNumber, readString, readValue, referencedResource, type InstanceContext, type ResourceReference } from './stack/read.js';

// Resource instances with located values, as rules read them.
export { BlockView, ResourceInstance } from './view/block-view.js';
export { HOLE, locateJson, type LocateContext, type Located, type LocatedList, type LocatedObject, type LocatedScalar, type LocatedUnknown, type Site } from './view/located.js';
export { ModuleView } from './view/module-view.js';
export { bool, hasHole, items, member, num, oneOrMany, partialText, str } from './view/read.js';

// The AWS provider schema.
export {
  formatType,
  loadAwsSchema,
  providerSchemaFrom,
  ATTR_COMPUTED,
  ATTR_FLAG_SPAN,
  ATTR_OPTIONAL,
  ATTR_REQUIRED,
  ATTR_WRITE_ONLY,
  SCHEMA_FORMAT,
  type AttributeSchema,
  type BlockSchema,
  type EncodedAttributes,
  type EncodedBlock,
  type EncodedNestedBlock,
  type EncodedSchemaFile,
  type EncodedType,
  type FlatPairs,
  type NestedBlockSchema,
  type ProviderSchema,
  type TypeSpec,
} from './schema/provider-schema.js';
export { schemaFor } from './schema/resource-schema.js';
