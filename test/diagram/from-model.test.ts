/** Diagrams of the examples, drawn from the model the generator builds. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagramFromModel } from '../../src/diagram/index.js';
import { example } from '../cost/helpers.js';
import { byZone, edges, node } from './helpers.js';

describe('diagram from the model', () => {
  test('iot-platform: entry points, services and workers by subnet, data, secrets, outside systems', async () => {
    const { result } = await example('iot-platform');
    const diagram = diagramFromModel(result.model);
    assert.equal(diagram.title, 'iot (dev, us-east-1)');
    assert.deepEqual(byZone(diagram), {
      internet: ['net_internet'],
      edge: ['cdn_ui', 's3_ui'],
      public: ['lb_alb', 'nat_nat', 'svc_mqtt'],
      private: [
        'svc_keycloak',
        'svc_provision_api',
        'svc_ui_iot',
        'svc_webhook_receiver',
        'wrk_delivery_worker',
        'wrk_dispatcher',
        'wrk_evaluator_iot',
        'wrk_ingest_iot',
        'wrk_ops_worker',
        'wrk_subscription_worker',
        'db_keycloak_db',
      ],
      regional: ['sec_secrets'],
      external: ['ext_smtp_example_com', 'ext_timescale_url'],
    });
    const all = edges(diagram);
    for (const expected of [
      'net_internet -> cdn_ui [HTTPS]',
      'cdn_ui -> s3_ui [origin]',
      'net_internet -> lb_alb [HTTPS]',
      'lb_alb -> svc_ui_iot [/api /ws]',
      'lb_alb -> svc_keycloak [/auth]',
      'net_internet -> svc_mqtt [TCP 1883, TCP 8883]',
      'svc_ui_iot -> svc_keycloak',
      'svc_ui_iot -> svc_mqtt',
      'wrk_ingest_iot -> svc_mqtt',
      'svc_keycloak -> db_keycloak_db [postgres :5432]',
      'svc_keycloak .-> sec_secrets',
      'wrk_dispatcher -> ext_timescale_url',
      'wrk_delivery_worker -> ext_smtp_example_com',
      'nat_nat -> net_internet',
    ]) {
      assert.ok(all.includes(expected), `missing ${expected}`);
    }
    assert.equal(node(diagram, 'ext_timescale_url').label, 'Timescale Cloud connection string');
    assert.equal(node(diagram, 'svc_keycloak').detail, '1 vCPU, 2048 MiB × 1');
    assert.equal(all.some((e) => e.startsWith('wrk_') && e.includes('lb_alb')), false, 'nothing routes to a worker');
  });

  test('insightxi: three services behind the ALB, one calling the two others', async () => {
    const diagram = diagramFromModel((await example('insightxi')).result.model);
    const all = edges(diagram);
    assert.deepEqual(
      all.filter((e) => e.startsWith('lb_alb')).map((e) => e.split(' [')[0]),
      ['lb_alb -> svc_database_service', 'lb_alb -> svc_orchestrator_service', 'lb_alb -> svc_sportmonks_service'],
    );
    assert.ok(all.includes('svc_orchestrator_service -> svc_database_service'));
    assert.ok(all.includes('svc_orchestrator_service -> svc_sportmonks_service'));
  });

  test('transparent-trust: your existing ALB in front, secrets you bring', async () => {
    const diagram = diagramFromModel((await example('transparent-trust')).result.model);
    assert.equal(node(diagram, 'lb_alb').label, 'Existing ALB');
    assert.ok(edges(diagram).includes('svc_app .-> sec_secrets'));
    assert.equal(diagram.nodes.some((n) => n.kind === 'nat'), false, 'the VPC is yours: no NAT drawn');
  });

  test('sockerless-ecs: a platform without services draws no service', async () => {
    const diagram = diagramFromModel((await example('sockerless-ecs')).result.model);
    assert.equal(diagram.nodes.some((n) => n.kind === 'service' || n.kind === 'worker'), false);
  });

  test('the same model gives the same diagram', async () => {
    const { result } = await example('iot-platform');
    assert.deepEqual(diagramFromModel(result.model), diagramFromModel(result.model));
  });
});
