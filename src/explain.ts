/**
 * `ecsform explain`: every decision the model made about the Compose input, with the place in
 * the generated Terraform that carries it (file:line), found by parsing the generated files.
 */
import type { GenerateResult } from './generate.js';
import type { Attribute, Block, BodyItem, Expr } from './hcl/ast.js';
import { parseHcl } from './hcl/index.js';
import type { Decision } from './model/types.js';

export interface Location {
  readonly address: string;
  readonly file: string;
  readonly line: number;
}

export interface ExplainEntry extends Decision {
  readonly locations: readonly Location[];
}

interface BlockIndex {
  readonly blocks: Map<string, { file: string; line: number; block: Block }>;
}

export function explain(result: GenerateResult): ExplainEntry[] {
  const index = indexBlocks(result);
  const { model } = result;
  const services = new Map(model.services.map((s) => [s.name, s]));
  const databases = new Map(model.databases.map((d) => [d.name, d]));
  const sites = new Map(model.staticSites.map((s) => [s.name, s]));
  return model.decisions.map((decision) => {
    const locations: Location[] = [];
    const at = (address: string, line?: number) => {
      const found = index.blocks.get(address);
      if (found) locations.push({ address, file: found.file, line: line ?? found.line });
    };
    const service = decision.service ? services.get(decision.service) : undefined;
    const variable = /\.environment\.([^.]+)$/.exec(decision.path)?.[1];
    if (service && variable) {
      const task = index.blocks.get(`aws_ecs_task_definition.${service.id}`);
      at(`aws_ecs_task_definition.${service.id}`, task ? lineOfEnv(task.block, variable) : undefined);
      const secret = service.secretEnv.find((s) => s.name === variable);
      const secretModel = secret ? model.secrets.find((s) => s.name === secret.secret) : undefined;
      if (secretModel) at(`aws_secretsmanager_secret.${secretModel.id}`);
    } else if (service && /\.volumes/.test(decision.path)) {
      for (const mount of service.mounts) at(`aws_efs_access_point.${model.volumes.find((v) => v.name === mount.volume)?.id ?? ''}`);
    } else if (service) {
      at(`aws_ecs_service.${service.id}`);
      at(`aws_ecs_task_definition.${service.id}`);
      if (/routes|health_check/.test(decision.path) || decision.detail.includes('ALB')) at(`aws_lb_target_group.${service.id}`);
    } else if (decision.service && databases.has(decision.service)) {
      at(`aws_db_instance.${databases.get(decision.service)!.id}`);
    } else if (decision.service && sites.has(decision.service)) {
      at(`aws_cloudfront_distribution.${sites.get(decision.service)!.id}`);
    } else if (decision.service) {
      const secret = model.secrets.find((s) => s.usedBy.length > 0 && decision.detail.includes(`"${s.name}"`));
      if (secret) at(`aws_secretsmanager_secret.${secret.id}`);
    }
    return { ...decision, locations };
  });
}

function indexBlocks(result: GenerateResult): BlockIndex {
  const blocks = new Map<string, { file: string; line: number; block: Block }>();
  for (const file of result.files) {
    if (!file.path.endsWith('.tf')) continue;
    const { file: parsed } = parseHcl(file.path, file.content);
    for (const item of parsed.body.items) {
      if (item.kind !== 'block' || item.labels.length < 2) continue;
      const [type, name] = item.labels as [string, string];
      const address = item.type === 'resource' ? `${type}.${name}` : `${item.type}.${type}.${name}`;
      blocks.set(address, { file: file.path, line: item.range?.start.line ?? 1, block: item });
    }
  }
  return { blocks };
}

/** The line of `{ name = "VAR", ... }` inside a task definition's container definitions. */
function lineOfEnv(block: Block, variable: string): number | undefined {
  let found: number | undefined;
  const visitExpr = (expr: Expr): void => {
    if (found !== undefined) return;
    if (expr.kind === 'object') {
      const name = expr.items.find((i) => i.key.kind === 'traversal' && i.key.root === 'name');
      const value = name?.value;
      if (value?.kind === 'template' && value.parts.length === 1 && value.parts[0]!.kind === 'string' && value.parts[0]!.value === variable && expr.range) {
        found = expr.range.start.line;
        return;
      }
      expr.items.forEach((i) => visitExpr(i.value));
    } else if (expr.kind === 'tuple') expr.items.forEach(visitExpr);
    else if (expr.kind === 'call') expr.args.forEach(visitExpr);
  };
  const visit = (items: readonly BodyItem[]) => {
    for (const item of items) {
      if (item.kind === 'attribute') visitExpr((item as Attribute).expr);
      else if (item.kind === 'block') visit(item.body.items);
    }
  };
  visit(block.body.items);
  return found;
}
