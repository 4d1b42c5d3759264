/**
 * AppModel → Terraform: runs every family builder in dependency order, then lays the blocks out
 * in files for the chosen layout. Pure: no I/O, same model, same output.
 */
import type { Expr } from '../hcl/ast.js';
import { ref, str, tmpl } from '../hcl/build.js';
import { containersOf } from '../model/containers.js';
import type { AppModel, EnvPart } from '../model/types.js';
import { PlanContext, types } from './context.js';
import type { Family, TerraformFile, TerraformModule } from './document.js';
import { planCluster, planDiscovery } from './families/cluster.js';
import { planCi } from './families/ci.js';
import { planDatabases } from './families/database.js';
import { planFoundation } from './families/foundation.js';
import { planIam } from './families/iam.js';
import { planKms } from './families/kms.js';
import { isOn, serviceKnobs, type ServiceKnobs } from './families/knobs.js';
import { planLoadBalancers } from './families/load-balancer.js';
import { planLogs } from './families/logs.js';
import { planNetwork } from './families/network.js';
import { planOutputs } from './families/outputs.js';
import { planRegistry } from './families/registry.js';
import { planAlarms, planScaling } from './families/scaling.js';
import { planSecrets } from './families/secrets.js';
import { planSecurityGroups } from './families/security-groups.js';
import { planServices } from './families/services.js';
import { planStaticSites } from './families/static-site.js';
import { planStorage } from './families/storage.js';
import { planWaf } from './families/waf.js';
import { fileFor } from './layout.js';
import { annotateSuppressions } from './suppressions.js';

export interface Plan {
  /** The module (root or reusable) generated from the model. */
  readonly module: TerraformModule;
  /** The context, for docs and examples derived from the same declarations. */
  readonly context: PlanContext;
}

export function planTerraform(model: AppModel): Plan {
  const ctx = new PlanContext(model);
  const hasGeneratedSecrets = model.secrets.some((s) => s.source === 'generate');
  planFoundation(ctx, { writeOnly: hasGeneratedSecrets, s3Lockfile: model.project.backend?.useLockfile ?? false });
  const knobs = new Map<string, ServiceKnobs>(model.services.map((s) => [s.name, serviceKnobs(ctx, s)]));
  const network = planNetwork(ctx);
  planKms(ctx);
  const logs = planLogs(ctx, knobs);
  const registry = planRegistry(ctx);
  const secrets = planSecrets(ctx);
  const storage = planStorage(ctx, network);
  const cluster = planCluster(ctx, logs, knobs);
  const discovery = planDiscovery(ctx, network);
  planSecurityGroups(ctx, network);
  const loadBalancers = planLoadBalancers(ctx, network);
  planWaf(ctx);
  const iam = planIam(ctx, {
    repositoryArns: registry.switchableArns ?? model.repositories.map((r) => registry.arnOf(r.id)),
    logGroupArns: logs.arns,
    secretArns: [...new Set(model.services.flatMap((s) => containersOf(s).flatMap((c) => c.secretEnv.map((e) => e.secret))))].sort().map((name) => secrets.arnOf(name)),
    ...(logs.execGroupArn ? { execLogGroupArn: logs.execGroupArn } : {}),
    ...(storage.fileSystemArn ? { efsFileSystemArn: storage.fileSystemArn } : {}),
    efsAccessPointArns: storage.accessPointArns,
    ...(model.project.mode === 'platform' && discovery.namespaceArn ? { discoveryNamespaceArn: discovery.namespaceArn } : {}),
    anyExec: model.services.some((s) => isOn(knobs.get(s.name)!.exec)),
  });
  planDatabases(ctx, network);
  const staticSites = planStaticSites(ctx);
  planServices(ctx, { network, cluster, iam, registry, secrets, logs, discovery, loadBalancers, storage, knobs, envPart: envPartResolver(ctx, loadBalancers.albDnsName, staticSites.urlOf) });
  planScaling(ctx, cluster, loadBalancers, knobs);
  const alarmTopic = planAlarms(ctx, cluster, loadBalancers, knobs);
  planOutputs(ctx, { network, cluster, registry, secrets, logs, loadBalancers, staticSites, storage, ...(alarmTopic ? { alarmTopic } : {}) });
  // Last: the pipeline's permissions are derived from the resource types planned above. A
  // reusable module gets no pipeline of its own; the root that calls it does.
  if (model.project.layout === 'root') planCi(ctx, { registry, staticSites, cluster });
  annotateSuppressions(ctx);
  return { module: layOut(ctx), context: ctx };
}

/** Values in environment variables that only exist once the stack does. */
function envPartResolver(ctx: PlanContext, albDnsName: Expr | undefined, siteUrl: (name: string) => Expr) {
  const domain = () =>
    ctx.variable('domain_name', {
      description: 'Public domain name of the application (its DNS record points at the load balancer).',
      type: types.string,
      ...(ctx.model.project.domainName ? { default: ctx.model.project.domainName } : {}),
    });
  return (part: Exclude<EnvPart, { kind: 'text' }>): Expr => {
    switch (part.kind) {
      case 'database-address':
        return ref(`aws_db_instance.${ctx.model.databases.find((d) => d.name === part.database)!.id}.address`);
      case 'database-port':
        return ref(`aws_db_instance.${ctx.model.databases.find((d) => d.name === part.database)!.id}.port`);
      case 'discovery-namespace':
        return ref('aws_service_discovery_private_dns_namespace.main.name');
      case 'variable':
        return ctx.variable(part.name, { description: part.description, type: types.string });
      case 'setting':
        switch (part.setting) {
          case 'domain_name':
            return domain();
          case 'alb_url':
            return ctx.model.project.domainName ? tmpl`https://${domain()}` : albDnsName ? tmpl`https://${albDnsName}` : str('');
          case 'cloudfront_url':
            return ctx.model.staticSites[0] ? siteUrl(ctx.model.staticSites[0].name) : str('');
          case 'aws_region':
            return ref('var.aws_region');
          case 'environment':
            return ref('var.environment');
        }
    }
  };
}

/** Groups the planned blocks into files, in the order they were planned. */
function layOut(ctx: PlanContext): TerraformModule {
  const layout = ctx.model.project.layout;
  const files = new Map<string, { blocks: TerraformFile['blocks'][number][]; sections: Map<number, string> }>();
  const fileOf = (family: Family) => {
    const name = fileFor(layout, family);
    let file = files.get(name);
    if (!file) files.set(name, (file = { blocks: [], sections: new Map() }));
    return file;
  };
  const push = (family: Family, block: TerraformFile['blocks'][number], section?: string) => {
    const file = fileOf(family);
    if (section) file.sections.set(file.blocks.length, section);
    file.blocks.push(block);
  };
  // Lookups shared by many families first, then everything in planning order.
  for (const planned of ctx.blocks()) if (planned.family === 'terraform') push(planned.family, planned.block, planned.section);
  const locals = ctx.localsBlock();
  if (locals) push('locals', locals);
  for (const planned of ctx.blocks()) if (planned.family === 'data') push(planned.family, planned.block, planned.section);
  for (const planned of ctx.blocks()) if (planned.family !== 'terraform' && planned.family !== 'data') push(planned.family, planned.block, planned.section);
  for (const block of ctx.variableBlocks()) push('variables', block);
  for (const block of ctx.outputBlocks()) push('outputs', block);
  return {
    dir: '',
    files: [...files]
      .map(([path, file]) => ({ path, header: fileHeader(ctx.model, path), blocks: file.blocks, sections: file.sections }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
}

function fileHeader(model: AppModel, path: string): string[] {
  const source = model.project.composeFiles.join(', ');
  const generated = [`Generated by ecsform from ${source}. You own this code: \`ecsform generate\``, 'never overwrites a file you changed (unless --force).'];
  if (path === 'main.tf' && model.project.layout === 'root') {
    return [`${model.project.name} (${model.project.environment}): AWS ECS Fargate landing zone in ${model.project.region}.`, ...generated];
  }
  if (path === 'main.tf' && model.project.layout === 'module') {
    return [
      `Module ${model.project.name}: ${model.project.mode === 'platform' ? 'the AWS platform an ECS Fargate workload needs (network, cluster, storage, discovery, IAM, logs, registry)' : 'ECS Fargate services and what they need'}.`,
      'Usage: see README.md in this directory and examples/complete.',
      'Prerequisites: Terraform, the hashicorp/aws provider configured for the target account and region.',
      ...generated,
    ];
  }
  return generated;
}
