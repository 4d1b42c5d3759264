/**
 * Every security rule, one file each. The order is the documentation's: by service, then id.
 * `SECURITY_RULES` is the single list the runner, the docs, SARIF metadata and `--rules` read.
 */
import type { SecurityRule } from '../rule.js';
import { alarmActionsEnabled } from './alarm-actions-enabled.js';
import { cfAccessLogging } from './cf-access-logging.js';
import { cfDefaultRootObject } from './cf-default-root-object.js';
import { cfOriginAccessControl } from './cf-origin-access-control.js';
import { cfViewerProtocol } from './cf-viewer-protocol.js';
import { cfViewerTls } from './cf-viewer-tls.js';
import { cfWaf } from './cf-waf.js';
import { ecrCmk } from './ecr-cmk.js';
import { ecrImmutableTags } from './ecr-immutable-tags.js';
import { ecrLifecyclePolicy } from './ecr-lifecycle-policy.js';
import { ecrPublicPolicy } from './ecr-public-policy.js';
import { ecrScanOnPush } from './ecr-scan-on-push.js';
import { ecsContainerInsights } from './ecs-container-insights.js';
import { ecsEfsTransitEncryption } from './ecs-efs-transit-encryption.js';
import { ecsEnvSecret } from './ecs-env-secret.js';
import { ecsImageLatestTag } from './ecs-image-latest-tag.js';
import { ecsLogConfiguration } from './ecs-log-configuration.js';
import { ecsNetworkModeHost } from './ecs-network-mode-host.js';
import { ecsPidModeHost } from './ecs-pid-mode-host.js';
import { ecsPlatformVersion } from './ecs-platform-version.js';
import { ecsPrivileged } from './ecs-privileged.js';
import { ecsPublicIp } from './ecs-public-ip.js';
import { ecsReadonlyRootFilesystem } from './ecs-readonly-root-filesystem.js';
import { ecsSecretsExecutionRole } from './ecs-secrets-execution-role.js';
import { ecsSharedRoles } from './ecs-shared-roles.js';
import { efsAccessPointPosixUser } from './efs-access-point-posix-user.js';
import { efsAccessPointRoot } from './efs-access-point-root.js';
import { efsBackup } from './efs-backup.js';
import { efsCmk } from './efs-cmk.js';
import { efsEncrypted } from './efs-encrypted.js';
import { iamArnAccountWildcard } from './iam-arn-account-wildcard.js';
import { iamManagedPolicy } from './iam-managed-policy.js';
import { iamServiceWildcardAction } from './iam-service-wildcard-action.js';
import { iamTrustAnyPrincipal } from './iam-trust-any-principal.js';
import { iamWildcardAction } from './iam-wildcard-action.js';
import { iamWildcardResource } from './iam-wildcard-resource.js';
import { kmsKeyPolicyPublic } from './kms-key-policy-public.js';
import { kmsKeyRotation } from './kms-key-rotation.js';
import { lbAccessLogs } from './lb-access-logs.js';
import { lbDeletionProtection } from './lb-deletion-protection.js';
import { lbDesyncMitigation } from './lb-desync-mitigation.js';
import { lbDropInvalidHeaders } from './lb-drop-invalid-headers.js';
import { lbInternetFacing } from './lb-internet-facing.js';
import { lbListenerHttps } from './lb-listener-https.js';
import { lbTargetGroupHealthCheck } from './lb-target-group-health-check.js';
import { lbTlsPolicy } from './lb-tls-policy.js';
import { lbWaf } from './lb-waf.js';
import { logsCmk } from './logs-cmk.js';
import { logsRetention } from './logs-retention.js';
import { rdsAutoMinorUpgrade } from './rds-auto-minor-upgrade.js';
import { rdsBackupRetention } from './rds-backup-retention.js';
import { rdsCopyTagsToSnapshot } from './rds-copy-tags-to-snapshot.js';
import { rdsDeletionProtection } from './rds-deletion-protection.js';
import { rdsForceSsl } from './rds-force-ssl.js';
import { rdsIamAuth } from './rds-iam-auth.js';
import { rdsLogExports } from './rds-log-exports.js';
import { rdsMultiAz } from './rds-multi-az.js';
import { rdsPublic } from './rds-public.js';
import { rdsStorageEncrypted } from './rds-storage-encrypted.js';
import { s3AccessLogging } from './s3-access-logging.js';
import { s3Cmk } from './s3-cmk.js';
import { s3OwnershipEnforced } from './s3-ownership-enforced.js';
import { s3PublicAccessBlock } from './s3-public-access-block.js';
import { s3SecureTransport } from './s3-secure-transport.js';
import { s3Versioning } from './s3-versioning.js';
import { secretCmk } from './secret-cmk.js';
import { secretRotation } from './secret-rotation.js';
import { sgDescription } from './sg-description.js';
import { sgEgressOpen } from './sg-egress-open.js';
import { sgIngressOpen } from './sg-ingress-open.js';
import { subnetPublicIp } from './subnet-public-ip.js';
import { vpcDefaultSgRules } from './vpc-default-sg-rules.js';
import { vpcFlowLogs } from './vpc-flow-logs.js';

export const SECURITY_RULES: readonly SecurityRule[] = [
  ecsContainerInsights,
  ecsEfsTransitEncryption,
  ecsEnvSecret,
  ecsImageLatestTag,
  ecsLogConfiguration,
  ecsNetworkModeHost,
  ecsPidModeHost,
  ecsPlatformVersion,
  ecsPrivileged,
  ecsPublicIp,
  ecsReadonlyRootFilesystem,
  ecsSecretsExecutionRole,
  ecsSharedRoles,
  ecrCmk,
  ecrImmutableTags,
  ecrLifecyclePolicy,
  ecrPublicPolicy,
  ecrScanOnPush,
  lbAccessLogs,
  lbDeletionProtection,
  lbDesyncMitigation,
  lbDropInvalidHeaders,
  lbInternetFacing,
  lbListenerHttps,
  lbTargetGroupHealthCheck,
  lbTlsPolicy,
  lbWaf,
  efsAccessPointPosixUser,
  efsAccessPointRoot,
  efsBackup,
  efsCmk,
  efsEncrypted,
  rdsAutoMinorUpgrade,
  rdsBackupRetention,
  rdsCopyTagsToSnapshot,
  rdsDeletionProtection,
  rdsForceSsl,
  rdsIamAuth,
  rdsLogExports,
  rdsMultiAz,
  rdsPublic,
  rdsStorageEncrypted,
  s3AccessLogging,
  s3Cmk,
  s3OwnershipEnforced,
  s3PublicAccessBlock,
  s3SecureTransport,
  s3Versioning,
  cfAccessLogging,
  cfDefaultRootObject,
  cfOriginAccessControl,
  cfViewerProtocol,
  cfViewerTls,
  cfWaf,
  logsCmk,
  logsRetention,
  alarmActionsEnabled,
  iamArnAccountWildcard,
  iamManagedPolicy,
  iamServiceWildcardAction,
  iamTrustAnyPrincipal,
  iamWildcardAction,
  iamWildcardResource,
  sgDescription,
  sgEgressOpen,
  sgIngressOpen,
  vpcDefaultSgRules,
  vpcFlowLogs,
  subnetPublicIp,
  secretCmk,
  secretRotation,
  kmsKeyPolicyPublic,
  kmsKeyRotation,
];
