import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_EFS_TRANSIT_ENCRYPTION } from '../rule-ids.js';

export const ecsEfsTransitEncryption = defineRule({
  id: ECS_EFS_TRANSIT_ENCRYPTION,
  title: 'EFS volume mounted without TLS',
  severity: 'high',
  families: ['ecs', 'encryption'],
  equivalents: { checkov: ['CKV_AWS_97'], trivy: ['AWS-0035'] },
  rationale: 'Without transit encryption, file data crosses the network between the task and EFS in clear text.',
  fix: 'Set `transit_encryption = "ENABLED"` in every `efs_volume_configuration`.',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    for (const volume of context.resource.blocks('volume')) {
      for (const efs of volume.blocks('efs_volume_configuration')) {
        const node = efs.attr('transit_encryption');
        const value = str(node);
        if (isUnknown(value) || value === 'ENABLED') continue;
        const volumeName = str(volume.attr('name'));
        const which = typeof volumeName === 'string' ? `volume "${volumeName}"` : 'a volume';
        context.report(node?.site ?? efs.site, `${context.resource.name} mounts ${which} from EFS without TLS: transit_encryption is ${value === undefined ? 'not set' : `"${value}"`}.`);
      }
    }
  },
});
