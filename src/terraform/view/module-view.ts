/**
 * One module as the rules see it: resources by type, their instances (built once and shared by
 * every rule), and the links between resources that many rules follow ("is there a
 * `aws_s3_bucket_versioning` for this bucket?", "which role does this task definition run as?").
 */
import type { Expr } from '../../hcl/index.js';
import type { ModuleIndex, ResourceDecl, ResourceMode } from '../module-index.js';
import { expandInstances } from '../instances.js';
import { isUnknown } from '../unknown.js';
import { ResourceInstance } from './block-view.js';
import { resourceAddresses, usesEach } from '../ast/addresses.js';

/** More instances than this are judged by the first ones: the findings are the same in practice. */
const INSTANCE_LIMIT = 64;

export class ModuleView {
  private readonly byType = new Map<string, ResourceDecl[]>();
  private readonly instanceCache = new Map<string, readonly ResourceInstance[]>();
  private readonly memos = new Map<string, unknown>();

  constructor(readonly index: ModuleIndex) {
    for (const decl of index.resources.values()) {
      const key = typeKey(decl.mode, decl.type);
      const list = this.byType.get(key);
      if (list) list.push(decl);
      else this.byType.set(key, [decl]);
    }
  }

  /** Managed resources of a type, in declaration order per file. */
  resources(type: string): readonly ResourceDecl[] {
    return this.byType.get(typeKey('managed', type)) ?? [];
  }

  dataSources(type: string): readonly ResourceDecl[] {
    return this.byType.get(typeKey('data', type)) ?? [];
  }

  /**
   * The instances the module creates with its variables at their defaults: none for `count = 0`
   * (nothing about the resource is reported). When the count or the keys are unknown, one
   * instance stands for all of them, with `count.index` and `each.*` unknown, so only what holds
   * for every instance is judged.
   */
  instancesOf(decl: ResourceDecl): readonly ResourceInstance[] {
    const cached = this.instanceCache.get(decl.address);
    if (cached) return cached;
    const base = { module: this.index };
    const expanded = expandInstances(decl.meta, base);
    const instances = isUnknown(expanded)
      ? [new ResourceInstance(decl, this.index, undefined, base)]
      : expanded.slice(0, INSTANCE_LIMIT).map(({ key, scope }) => new ResourceInstance(decl, this.index, key, scope));
    this.instanceCache.set(decl.address, instances);
    return instances;
  }

  /**
   * Computes a value once per view. Several rules ask the same question of many resources
   * ("what does this role allow?"); without this, stacks of hundreds of services read the same
   * policy documents hundreds of times.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** The single resource or data source an expression refers to, e.g. `aws_iam_role.x.arn`. */
  target(expr: Expr | undefined): ResourceDecl | undefined {
    if (!expr) return undefined;
    const [address, ...others] = resourceAddresses(expr);
    return address !== undefined && others.length === 0 ? this.index.resources.get(address) : undefined;
  }

  /**
   * Resources of `type` whose `attribute` refers to `target`: directly (`bucket =
   * aws_s3_bucket.site.id`) or through their `for_each` (`for_each = aws_s3_bucket.all`,
   * `bucket = each.value.id`).
   */
  referrers(type: string, attribute: string, target: ResourceDecl): ResourceDecl[] {
    return this.resources(type).filter((decl) => refersTo(decl, attribute, target.address));
  }
}

function refersTo(decl: ResourceDecl, attribute: string, address: string): boolean {
  for (const item of decl.block.body.items) {
    if (item.kind !== 'attribute' || item.name !== attribute) continue;
    if (resourceAddresses(item.expr).includes(address)) return true;
    const forEach = decl.meta.forEach?.expr;
    return forEach !== undefined && usesEach(item.expr) && resourceAddresses(forEach).includes(address);
  }
  return false;
}

function typeKey(mode: ResourceMode, type: string): string {
  return `${mode}:${type}`;
}
