/**
 * The complete ```hcl snippets of the seed documents, copied verbatim into fixtures (one per
 * snippet, beside a `_context.tf` declaring the variables and locals the snippet assumes), checked
 * like any Terraform. What they get wrong is asserted exactly: as fragments of larger modules they
 * read resources and module calls declared in files the seed does not show, and several are not
 * formatted the way `terraform fmt` writes them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { check, CORRECTNESS_CHECKS } from '../../src/check/index.js';
import { sharedRoot } from '../helpers/paths.js';
import { describeFindings, fixtureDirs, loadFixture, summarize, TERRAFORM_FIXTURES } from './fixtures.js';

/** Expected findings per fixture (`CODE file:line`), sorted as verify sorts them. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  '000_27af726ade345737-block1-iam': [],
  '000_27af726ade345737-block2-ecs-cluster': [],
  '000_27af726ade345737-block3-ui-iot-service': [
    'REF_UNDECLARED ecs.tf:9', // aws_iam_role.ecs_execution (the seed's iam.tf)
    'REF_UNDECLARED ecs.tf:10', // aws_iam_role.ecs_task
    'HCL_FORMAT ecs.tf:13', // `name  =` / `image =` not aligned with `portMappings =`; two spaces before `#` comments
    'REF_UNDECLARED ecs.tf:14', // aws_ecr_repository.services
    'REF_UNDECLARED ecs.tf:22', // aws_secretsmanager_secret.timescale_url
    'REF_UNDECLARED ecs.tf:37', // aws_ecs_cluster.main (another snippet)
    'REF_UNDECLARED ecs.tf:43', // aws_subnet.private
    'REF_UNDECLARED ecs.tf:44', // aws_security_group.ecs_api
    'REF_UNDECLARED ecs.tf:49', // aws_lb_target_group.ui_iot ("defined in alb.tf")
    'REF_UNDECLARED ecs.tf:54', // aws_lb_listener.https
  ],
  '003_a6648a693d07999a-block2-iam-roles': [],
  '003_a6648a693d07999a-block4-ecr-data-source': [],
  '003_a6648a693d07999a-block5-task-definition': [
    'REF_UNDECLARED ecs.tf:9', // aws_iam_role.ecs_task_execution (another snippet)
    'REF_UNDECLARED ecs.tf:10', // aws_iam_role.ecs_task: the seed describes it but never shows it
    'REF_UNDECLARED ecs.tf:15', // data.aws_ecr_repository.sportmonks (another snippet)
    'REF_UNDECLARED ecs.tf:29', // aws_cloudwatch_log_group.services (an incomplete snippet)
  ],
  '003_a6648a693d07999a-block6-ecs-service': [
    'REF_UNDECLARED ecs.tf:5', // aws_ecs_cluster.main
    'REF_UNDECLARED ecs.tf:6', // aws_ecs_task_definition.sportmonks
    'REF_UNDECLARED ecs.tf:11', // aws_subnet.private
    'REF_UNDECLARED ecs.tf:12', // aws_security_group.ecs_tasks
    'REF_UNDECLARED ecs.tf:17', // aws_lb_target_group.sportmonks
    'REF_UNDECLARED ecs.tf:22', // aws_lb_listener.http
  ],
  '003_a6648a693d07999a-block7-service-discovery': [
    'REF_UNDECLARED ecs.tf:5', // aws_vpc.main
  ],
  '003_a6648a693d07999a-block8-autoscaling': [
    'REF_UNDECLARED ecs.tf:6', // aws_ecs_cluster.main
    'REF_UNDECLARED ecs.tf:6', // aws_ecs_service.sportmonks
  ],
  '004_ea097d2e96465263-block1-module-basic': [
    'MODULE_SOURCE_MISSING main.tf:4', // ./infrastructure/ecs is not part of the snippet
    'HCL_FORMAT main.tf:7', // `=` not aligned; a line of trailing spaces
    'REF_UNDECLARED main.tf:7', // module.vpc
    'REF_UNDECLARED main.tf:8', // module.vpc
    'REF_UNDECLARED main.tf:9', // module.alb
    'REF_UNDECLARED main.tf:10', // module.alb
    'REF_UNDECLARED main.tf:13', // module.iam
    'REF_UNDECLARED main.tf:14', // module.iam
    'REF_UNDECLARED main.tf:17', // module.secrets
    'REF_UNDECLARED main.tf:18',
    'REF_UNDECLARED main.tf:19',
    'REF_UNDECLARED main.tf:20',
    'REF_UNDECLARED main.tf:21',
    'REF_UNDECLARED main.tf:22',
  ],
  '004_ea097d2e96465263-block2-module-production': [
    'MODULE_SOURCE_MISSING main.tf:4',
    'HCL_FORMAT main.tf:9', // two spaces before `#` comments; `=` not aligned
    'REF_UNDECLARED main.tf:25', // aws_sns_topic.alerts
  ],
  '004_ea097d2e96465263-block3-module-development': [
    'MODULE_SOURCE_MISSING main.tf:4',
    'HCL_FORMAT main.tf:11', // `task_cpu`/`task_memory` not aligned with `desired_count`
  ],
};

/** ```hcl blocks that are not complete Terraform configurations, and why. */
const NOT_COMPLETE: Readonly<Record<string, string>> = {
  '000_27af726ade345737 block 4': 'container-definition attributes (secrets, environment) without their enclosing block',
  '003_a6648a693d07999a block 1': 'the cluster body ends in "..."',
  '003_a6648a693d07999a block 3': 'the log group body ends in "..."',
  '004_ea097d2e96465263 block 4': 'one argument (enable_execute_command) without its block',
};

const SEEDS_WITH_HCL = ['000_27af726ade345737', '003_a6648a693d07999a', '004_ea097d2e96465263'];

const HEADER = /^# Seed snippet copied verbatim from shared\/seeds\/(\S+)\.txt, ```hcl block (\d+) \(lines \d+-\d+\)\.\n\n/;

function hclBlocks(seed: string): string[] {
  const lines = readFileSync(join(sharedRoot, 'seeds', `${seed}.txt`), 'utf8').split('\n');
  const blocks: string[] = [];
  let start: number | undefined;
  lines.forEach((line, i) => {
    if (line === '```hcl') start = i + 1;
    else if (line === '```' && start !== undefined) {
      blocks.push(`${lines.slice(start, i).join('\n')}\n`);
      start = undefined;
    }
  });
  return blocks;
}

describe('seed snippets', () => {
  test('every ```hcl block of the seeds is a fixture or listed as incomplete', () => {
    const covered = new Set(fixtureDirs('seeds').map((name) => name.replace(/-block(\d+)-.*$/, ' block $1')));
    for (const seed of SEEDS_WITH_HCL) {
      hclBlocks(seed).forEach((_, i) => {
        const key = `${seed} block ${i + 1}`;
        assert.ok(covered.has(key) !== (key in NOT_COMPLETE), `${key}: exactly one of fixture or NOT_COMPLETE`);
      });
    }
    assert.deepEqual(Object.keys(EXPECTED).sort(), fixtureDirs('seeds'));
  });

  for (const name of fixtureDirs('seeds')) {
    test(name, async () => {
      const dir = join(TERRAFORM_FIXTURES, 'seeds', name);
      const snippetFile = readdirSync(dir).find((file) => file !== '_context.tf');
      assert.ok(snippetFile);
      const text = readFileSync(join(dir, snippetFile), 'utf8');
      const header = HEADER.exec(text);
      assert.ok(header, `${snippetFile} lacks the provenance header`);
      const block = hclBlocks(header[1]!)[Number(header[2]) - 1];
      assert.equal(text.slice(header[0].length), block, 'the snippet is no longer verbatim');

      const { findings } = await check({ files: loadFixture(dir) }, { checks: CORRECTNESS_CHECKS });
      assert.deepEqual(summarize(findings), EXPECTED[name], `findings:\n${describeFindings(findings)}`);
    });
  }
});
