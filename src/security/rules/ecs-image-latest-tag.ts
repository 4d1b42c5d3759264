import { knownContainers } from '../containers.js';
import { HOLE, isUnknown, member, partialText } from '../../terraform/index.js';
import { defineRule } from '../rule.js';
import { ECS_IMAGE_LATEST_TAG } from '../rule-ids.js';

export const ecsImageLatestTag = defineRule({
  id: ECS_IMAGE_LATEST_TAG,
  title: 'Image referenced by a moving tag',
  severity: 'medium',
  families: ['ecs', 'supply-chain'],
  equivalents: {},
  rationale: '`:latest` (or no tag) names whatever was pushed last: tasks started at different times run different code, and a rollback cannot name what ran before.',
  fix: 'Deploy an immutable tag per build (the commit SHA) or pin the digest (`image@sha256:...`).',
  appliesTo: ['aws_ecs_task_definition'],
  check(context) {
    for (const container of knownContainers(context.resource)) {
      const image = member(container.node, 'image');
      const text = partialText(image);
      if (image === undefined || isUnknown(text) || text === undefined) continue;
      const tag = movingTag(text);
      if (tag !== undefined) context.report(image.site, `${context.resource.name}: ${container.label} runs image ${tag}, which names whatever was pushed last.`);
    }
  },
});

/** `:latest`, or "no tag" when the last path segment is written out without one. */
function movingTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon >= 0) return last.slice(colon + 1) === 'latest' ? 'tag "latest"' : undefined;
  // No colon: untagged unless an unknown part could carry the tag.
  return last === '' || last.includes(HOLE) ? undefined : `"${image.replaceAll(HOLE, '…')}" without a tag`;
}
