/**
 * Calls to local modules (`source = "../modules/ecs"`, present in the input) set exactly the
 * inputs the module declares: no unknown argument, no required variable left out; a local source
 * inside the checked root must exist. Calls to registry, git or other remote modules are not checked.
 */
import type { Finding } from '../diagnostics/finding.js';
import { didYouMean } from '../util/did-you-mean.js';
import { attributeSite, blockSite, type ModuleIndex, resolveLocalSource } from '../terraform/index.js';
import { didYouMeanHint, verifyFinding } from './codes.js';

/** Arguments of a `module` block that are Terraform's, not the module's inputs. */
const MODULE_META_ARGUMENTS: ReadonlySet<string> = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/**
 * `inputDirs`: every directory holding an input file of any kind, so a module written in JSON
 * syntax (`.tf.json`, not checked) is not reported missing.
 */
export function checkModuleCalls(index: ModuleIndex, modules: ReadonlyMap<string, ModuleIndex>, inputDirs: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const call of index.moduleCalls.values()) {
    const dir = call.source !== undefined ? resolveLocalSource(index.dir, call.source) : undefined;
    if (dir === undefined) continue;
    const target = modules.get(dir);
    if (!target && !inputDirs.has(dir)) {
      const sourceAttribute = call.block.body.items.find((item) => item.kind === 'attribute' && item.name === 'source');
      findings.push(
        verifyFinding(
          'MODULE_SOURCE_MISSING',
          `module.${call.name}: no Terraform files in ${dir} (source "${call.source ?? ''}").`,
          { file: call.file, range: sourceAttribute?.kind === 'attribute' ? attributeSite(sourceAttribute) : blockSite(call.block) },
          { path: `module.${call.name}`, hint: 'Check the path, or include the module directory in what is checked.' },
        ),
      );
      continue;
    }
    if (!target?.complete) continue;
    const set = new Set<string>();
    for (const item of call.block.body.items) {
      if (item.kind !== 'attribute' || MODULE_META_ARGUMENTS.has(item.name)) continue;
      set.add(item.name);
      if (target.variables.has(item.name)) continue;
      findings.push(
        verifyFinding(
          'MODULE_UNKNOWN_INPUT',
          `module.${call.name}: the module at ${target.dir} declares no variable "${item.name}".`,
          { file: call.file, range: attributeSite(item) },
          { path: `module.${call.name}.${item.name}`, hint: didYouMeanHint(didYouMean(item.name, target.variables.keys())) },
        ),
      );
    }
    for (const variable of target.variables.values()) {
      if (variable.default !== undefined || set.has(variable.name)) continue;
      findings.push(
        verifyFinding(
          'MODULE_MISSING_INPUT',
          `module.${call.name}: the required input "${variable.name}" (no default in ${variable.file}) is not set.`,
          { file: call.file, range: blockSite(call.block) },
          { path: `module.${call.name}` },
        ),
      );
    }
  }
  return findings;
}
