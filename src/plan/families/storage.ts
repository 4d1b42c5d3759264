/**
 * EFS for Compose named volumes: one encrypted file system, a mount target in every private
 * subnet, and an access point per volume with a non-root POSIX user, reachable only from the
 * security groups of the tasks that mount it.
 */
import type { Expr } from '../../hcl/ast.js';
import { attr, binary, block, call, cond, not, NULL, ref, str } from '../../hcl/build.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import type { NetworkRefs } from './network.js';
import { kmsKeyAttr } from './shared.js';
import { EFS_CMK } from '../../security/index.js';

export interface StorageRefs {
  readonly fileSystemId?: Expr;
  readonly fileSystemArn?: Expr;
  readonly accessPointIdOf: (volume: string) => Expr | undefined;
  readonly accessPointArns: readonly Expr[];
}

export function planStorage(ctx: PlanContext, network: NetworkRefs): StorageRefs {
  const { volumes, efs, project } = ctx.model;
  const platform = project.mode === 'platform';
  if (volumes.length === 0 && !platform) return { accessPointIdOf: () => undefined, accessPointArns: [] };
  const performance = ctx.variable('efs_performance_mode', {
    description: 'EFS performance mode: generalPurpose or maxIO.',
    type: types.string,
    default: efs.performanceMode,
    validations: [{ condition: call('contains', ['generalPurpose', 'maxIO'], ref('var.efs_performance_mode')), message: 'efs_performance_mode must be generalPurpose or maxIO.' }],
  });
  const throughput = ctx.variable('efs_throughput_mode', {
    description: 'EFS throughput mode: bursting, elastic or provisioned.',
    type: types.string,
    default: efs.throughputMode,
    validations: [{ condition: call('contains', ['bursting', 'elastic', 'provisioned'], ref('var.efs_throughput_mode')), message: 'efs_throughput_mode must be bursting, elastic or provisioned.' }],
  });
  const provisioned = ctx.variable('efs_provisioned_throughput_mibps', {
    description: 'Throughput of the EFS file system in MiB/s, with the provisioned throughput mode (null otherwise).',
    type: types.number,
    default: efs.provisionedThroughputMibps ?? NULL,
  });
  const encrypted = ctx.variable('efs_encrypted', { description: 'Encrypt the EFS file system at rest.', type: types.bool, default: efs.encrypted });
  ctx.add(
    'storage',
    [
      block('resource', ['aws_efs_file_system', 'main'], [
        attr('creation_token', ctx.name('efs')),
        attr('performance_mode', performance),
        attr('throughput_mode', throughput),
        attr('provisioned_throughput_in_mibps', cond(binary('==', throughput, 'provisioned'), provisioned, NULL)),
        attr('encrypted', encrypted),
        ...kmsKeyAttr(ctx),
        ctx.tags('efs'),
        // EFS refuses both when it creates the file system; say so at plan time.
        block('lifecycle', [], [
          block('precondition', [], [
            attr('condition', binary('||', binary('!=', throughput, 'provisioned'), binary('!=', provisioned, NULL))),
            attr('error_message', str('efs_throughput_mode provisioned needs efs_provisioned_throughput_mibps.')),
          ]),
          block('precondition', [], [
            attr('condition', not(binary('&&', binary('==', performance, 'maxIO'), binary('==', throughput, 'elastic')))),
            attr('error_message', str('elastic throughput needs the generalPurpose performance mode.')),
          ]),
        ]),
      ], ctx.model.encryption.customerKey ? undefined : [`ecsform:ignore ${EFS_CMK} Encrypted with the AWS-managed key aws/elasticfilesystem; set x-ecsform.kms: true for a customer-managed key.`]),
      block('resource', ['aws_efs_backup_policy', 'main'], [attr('file_system_id', ref('aws_efs_file_system.main.id')), block('backup_policy', [], [attr('status', 'ENABLED')])]),
      block('resource', ['aws_efs_mount_target', 'private'], [
        attr('count', network.privateSubnetCount),
        attr('file_system_id', ref('aws_efs_file_system.main.id')),
        attr('subnet_id', network.privateSubnetIdAt(ref('count.index'))),
        attr('security_groups', [ref('aws_security_group.efs.id')]),
      ], 'A mount target in every private subnet, so tasks in any zone can mount.'),
    ],
    'EFS file system for named volumes',
  );
  for (const volume of volumes) {
    ctx.add(
      'storage',
      block('resource', ['aws_efs_access_point', volume.id], [
        attr('file_system_id', ref('aws_efs_file_system.main.id')),
        block('posix_user', [], [attr('uid', efs.posixUid), attr('gid', efs.posixGid)]),
        block('root_directory', [], [
          attr('path', str(`/${volume.name}`)),
          block('creation_info', [], [attr('owner_uid', efs.posixUid), attr('owner_gid', efs.posixGid), attr('permissions', '0750')]),
        ]),
        ctx.tags(volume.name),
      ], `Compose volume ${volume.name}, used by ${volume.usedBy.join(', ')}.`),
    );
  }
  return {
    fileSystemId: ref('aws_efs_file_system.main.id'),
    fileSystemArn: ref('aws_efs_file_system.main.arn'),
    accessPointIdOf: (name) => {
      const volume = volumes.find((v) => v.name === name);
      return volume ? ref(`aws_efs_access_point.${volume.id}.id`) : undefined;
    },
    accessPointArns: volumes.map((v) => ref(`aws_efs_access_point.${v.id}.arn`)),
  };
}


