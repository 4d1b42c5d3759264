/**
 * RDS instances for Compose database services: private, encrypted, TLS enforced, backed up,
 * protected from deletion, and with a master password created and rotated by RDS in Secrets
 * Manager, so it never appears in Terraform code or state.
 */
import { attr, block, call, ref, str, tmpl } from '../../hcl/build.js';
import { databaseGroupId } from '../../model/security-groups.js';
import type { Database } from '../../model/types.js';
import type { PlanContext } from '../context.js';
import { types } from '../context.js';
import { parameterGroupFamily } from '../../model/databases.js';
import type { NetworkRefs } from './network.js';
import { kmsKeyAttr } from './shared.js';

/** RDS instance identifiers are at most 63 characters. */
const DB_IDENTIFIER_LIMIT = 63;

const LOG_EXPORTS: Record<Database['engine'], readonly string[]> = {
  postgres: ['postgresql', 'upgrade'],
  mysql: ['audit', 'error', 'general', 'slowquery'],
  mariadb: ['audit', 'error', 'general', 'slowquery'],
};

/** Parameter group family, and the parameter that refuses unencrypted connections. */
function parameters(database: Database): { family: string; tls: { name: string; value: string } } {
  const family = parameterGroupFamily(database.engine, database.engineVersion);
  return { family, tls: database.engine === 'postgres' ? { name: 'rds.force_ssl', value: '1' } : { name: 'require_secure_transport', value: '1' } };
}

export function planDatabases(ctx: PlanContext, network: NetworkRefs): void {
  const all = ctx.model.databases;
  for (const database of all) {
    const prefix = all.length === 1 ? 'db' : `${database.id}_db`;
    const instanceClass = ctx.variable(`${prefix}_instance_class`, {
      description: `RDS instance class of ${database.name}.`,
      type: types.string,
      default: database.instanceClass,
      validations: [{ condition: call('can', call('regex', str('^db\\.[a-z0-9]+\\.[a-z0-9]+$'), ref(`var.${prefix}_instance_class`))), message: 'The instance class must look like db.t4g.micro.' }],
    });
    const multiAz = ctx.variable(`${prefix}_multi_az`, { description: `Keep a standby of ${database.name} in a second availability zone.`, type: types.bool, default: database.multiAz });
    const deletionProtection = ctx.variable(`${prefix}_deletion_protection`, { description: `Refuse to delete ${database.name} until this is turned off.`, type: types.bool, default: database.deletionProtection });
    const { family, tls } = parameters(database);
    ctx.add(
      'database',
      [
        block('resource', ['aws_db_subnet_group', database.id], [attr('name', ctx.name(database.awsName)), attr('subnet_ids', network.privateSubnetIds), ctx.tags()]),
        block('resource', ['aws_db_parameter_group', database.id], [
          attr('name', ctx.name(database.awsName)),
          attr('family', family),
          block('parameter', [], [attr('name', tls.name), attr('value', tls.value)]),
          ctx.tags(),
        ], 'Clients must connect over TLS.'),
        block('resource', ['aws_db_instance', database.id], [
          attr('identifier', ctx.limitedName(`db_${database.id}`, database.awsName, DB_IDENTIFIER_LIMIT)),
          attr('engine', database.engine),
          attr('engine_version', database.engineVersion),
          attr('instance_class', instanceClass),
          attr('allocated_storage', database.allocatedStorageGb),
          database.maxAllocatedStorageGb !== undefined ? attr('max_allocated_storage', database.maxAllocatedStorageGb) : undefined,
          attr('storage_type', 'gp3'),
          attr('storage_encrypted', true),
          ...kmsKeyAttr(ctx),
          attr('db_name', database.databaseName),
          attr('username', database.username),
          attr('manage_master_user_password', true),
          ...kmsKeyAttr(ctx, 'master_user_secret_kms_key_id'),
          attr('port', database.port),
          attr('db_subnet_group_name', ref(`aws_db_subnet_group.${database.id}.name`)),
          attr('parameter_group_name', ref(`aws_db_parameter_group.${database.id}.name`)),
          attr('vpc_security_group_ids', [ref(`aws_security_group.${databaseGroupId(database, all)}.id`)]),
          attr('publicly_accessible', false),
          attr('multi_az', multiAz),
          attr('iam_database_authentication_enabled', database.engine !== 'mariadb'),
          attr('backup_retention_period', database.backupRetentionDays),
          attr('copy_tags_to_snapshot', true),
          attr('auto_minor_version_upgrade', true),
          attr('deletion_protection', deletionProtection),
          attr('skip_final_snapshot', false),
          attr('final_snapshot_identifier', tmpl`${ref('local.name_prefix')}-${database.awsName}-final`),
          attr('enabled_cloudwatch_logs_exports', [...LOG_EXPORTS[database.engine]]),
          ctx.tags(database.awsName),
        ], [`Replaces the Compose service ${database.name}. The master password is created and rotated by RDS in Secrets Manager.`]),
      ],
      `RDS ${database.engine}: ${database.name}`,
    );
  }
}
