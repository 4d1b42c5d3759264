import { isUnknown, str } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECR_IMMUTABLE_TAGS } from '../rule-ids.js';

const IMMUTABLE: ReadonlySet<string> = new Set(['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION']);

export const ecrImmutableTags = defineRule({
  id: ECR_IMMUTABLE_TAGS,
  title: 'Mutable image tags',
  severity: 'high',
  families: ['ecr', 'supply-chain'],
  equivalents: { checkov: ['CKV_AWS_51'], trivy: ['AWS-0031'], securityHub: ['ECR.2'] },
  rationale: 'A mutable tag can be pushed over: the image a task definition names may change under it, silently.',
  fix: 'Set `image_tag_mutability = "IMMUTABLE"` and push a new tag per build.',
  appliesTo: ['aws_ecr_repository'],
  check(context) {
    const node = context.resource.attr('image_tag_mutability');
    const value = str(node);
    if (isUnknown(value) || (value !== undefined && IMMUTABLE.has(value))) return;
    const state = value === undefined ? 'image_tag_mutability is not set (MUTABLE)' : `image_tag_mutability is "${value}"`;
    context.report(node?.site ?? context.resource.site, `${context.resource.name} lets tags be pushed over: ${state}.`);
  },
});
