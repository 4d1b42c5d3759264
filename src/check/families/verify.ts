/** The correctness families, each over src/verify/: formatting, provider schema, references, hygiene. */
import { checkCycles, checkFormat, checkHygiene, checkModuleCalls, checkReferences, checkSchema, VERIFY_CODES } from '../../verify/index.js';
import type { CodeDoc } from '../../diagnostics/finding.js';
import { defineFamily } from '../family.js';

const CODES: ReadonlyMap<string, CodeDoc> = new Map(Object.entries(VERIFY_CODES));

export const FORMAT = defineFamily({
  name: 'format',
  summary: 'every file is formatted as `terraform fmt` writes it',
  correctness: true,
  codes: CODES,
  run: (context) => checkFormat(context.files),
});

export const SCHEMA = defineFamily({
  name: 'schema',
  summary: "block structure, and every aws_* block against the AWS provider's schema",
  correctness: true,
  usesSchema: true,
  codes: CODES,
  async run(context) {
    const schema = await context.schema();
    return context.modules.flatMap((module) => checkSchema(module, schema));
  },
});

export const REFERENCES = defineFamily({
  name: 'references',
  summary: 'every reference resolves, local module calls match their module, no dependency cycle',
  correctness: true,
  usesSchema: true,
  codes: CODES,
  async run(context) {
    const schema = await context.schema();
    const modules = context.modulesByDir;
    return context.modules.flatMap((module) => [
      ...checkReferences({ index: module, uses: context.usesOf(module), schema, modules }),
      ...checkModuleCalls(module, modules, context.inputDirs),
      ...(module.complete ? checkCycles(module, { modules, usesOf: context.usesOf }) : []),
    ]);
  },
});

export const HYGIENE = defineFamily({
  name: 'hygiene',
  summary: 'the tflint rules terraform-aws-modules enforce, and duplicate declarations',
  correctness: true,
  codes: CODES,
  run: (context) => context.modules.flatMap((module) => checkHygiene(module, context.usesOf(module))),
});
