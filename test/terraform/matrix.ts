/**
 * The x-ecsform variants planned with real Terraform: every option that changes the shape of the
 * generated code, on one application that has a web service, an API, a worker, a cache, a
 * database, a shared volume and secrets. Each variant patches the base; a few combine options
 * that interact (KMS with CI and a generated secret).
 */
import { stringify } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Patch = { [key: string]: Json };

export interface Variant {
  readonly name: string;
  readonly compose: string;
}

function base(): Patch {
  return {
    name: 'shop',
    'x-ecsform': { project: 'shop', environment: 'dev', region: 'us-east-1' },
    services: {
      web: {
        build: './web',
        ports: ['8080:8080'],
        environment: {
          DATABASE_URL: 'postgresql://shop:${DB_PASSWORD:-pw}@db:5432/shop',
          REDIS_URL: 'redis://cache:6379',
          SESSION_SECRET: '${SESSION_SECRET:-dev-secret}',
          API_URL: 'http://api:9000',
        },
        healthcheck: { test: ['CMD', 'curl', '-f', 'http://localhost:8080/health'], interval: '30s', timeout: '5s', retries: 3 },
        volumes: ['uploads:/data/uploads'],
        'x-ecsform': { routes: [{ path: '/' }], health_check: { path: '/health' }, autoscaling: { min: 1, max: 4, cpu_target: 70 } },
      },
      api: {
        image: 'ghcr.io/example/api:1.2.3',
        ports: ['9000:9000'],
        environment: { DATABASE_URL: 'postgresql://shop:${DB_PASSWORD:-pw}@db:5432/shop' },
        'x-ecsform': { routes: [{ path: '/api' }] },
      },
      worker: { build: './worker', environment: { QUEUE_URL: 'redis://cache:6379', LOG_LEVEL: 'info' } },
      cache: { image: 'redis:7', expose: ['6379'] },
      db: { image: 'postgres:16', environment: { POSTGRES_USER: 'shop', POSTGRES_PASSWORD: '${DB_PASSWORD:-pw}', POSTGRES_DB: 'shop' } },
    },
    volumes: { uploads: {} },
  };
}

function merge(target: Patch, patch: Patch): Patch {
  const out: Patch = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && current !== null && typeof current === 'object' && !Array.isArray(current)
        ? merge(current as Patch, value as Patch)
        : value;
  }
  return out;
}

const project = (settings: Patch): Patch => ({ 'x-ecsform': settings });
const service = (name: string, settings: Patch): Patch => ({ services: { [name]: settings } });

function variant(name: string, ...patches: Patch[]): Variant {
  return { name, compose: stringify(patches.reduce(merge, base())) };
}

export const VARIANTS: readonly Variant[] = [
  variant('defaults'),
  variant('module-layout', project({ layout: 'module' })),
  variant('byo-network', project({ network: { existing: true } })),
  variant('byo-cluster-roles', project({ cluster: { existing: true }, iam: { existing_roles: true } })),
  variant('byo-secrets', project({ secrets: { existing: true } })),
  variant('byo-listener', project({ load_balancer: { existing: 'listener' } })),
  variant('byo-target-group', project({ load_balancer: { existing: 'target-group' } })),
  variant('byo-everything-module', project({ layout: 'module', network: { existing: true }, cluster: { existing: true }, iam: { existing_roles: true }, secrets: { existing: true }, load_balancer: { existing: 'target-group' } })),
  variant('service-connect', project({ service_discovery: { mode: 'service-connect' } })),
  variant('discovery-none', project({ service_discovery: { mode: 'none' } })),
  variant('spot-capacity-providers', project({ spot: true, cluster: { capacity_providers: true } })),
  variant('spot-one-service', service('worker', { 'x-ecsform': { spot: true } })),
  variant('arm64-exec', project({ architecture: 'arm64', exec: true })),
  variant('kms', project({ kms: true })),
  variant('kms-ci-generated-secret', project({ kms: true, ci: { github: { repository: 'example/shop' } } }), service('web', { 'x-ecsform': { env: { SESSION_SECRET: 'generate' } } })),
  variant('alarms', project({ alarms: { enabled: true } })),
  variant('alarms-existing-topic', project({ alarms: { enabled: true, topic_arn: 'arn:aws:sns:us-east-1:123456789012:ops' } })),
  variant('autoscaling-all-targets', service('web', { 'x-ecsform': { autoscaling: { min: 2, max: 10, cpu_target: 60, memory_target: 75, requests_per_target: 500 } } })),
  variant('waf', project({ load_balancer: { waf: true, waf_rate_limit: 500 } })),
  variant('nat-0', project({ network: { nat_gateways: 0 } })),
  variant('nat-2', project({ network: { nat_gateways: 2, availability_zones: 2 } })),
  variant('nat-3-azs-3', project({ network: { nat_gateways: 3, availability_zones: 3 } })),
  variant('efs-elastic', project({ efs: { throughput_mode: 'elastic' } })),
  variant('efs-provisioned', project({ efs: { throughput_mode: 'provisioned', provisioned_throughput_mibps: 64 } })),
  variant('efs-maxio-bursting', project({ efs: { performance_mode: 'maxIO', throughput_mode: 'bursting', encrypted: true } })),
  variant('ci-github', project({ ci: { github: { repository: 'example/shop', branch: 'main' } } })),
  variant('ci-github-oidc-lookup', project({ ci: { github: { repository: 'example/shop', oidc_provider: 'lookup' } } })),
  variant('long-names', project({ project: 'a-rather-long-project-name-here', environment: 'production-west1' })),
  variant('region-eu-central-2', project({ region: 'eu-central-2' })),
  variant('region-ap-southeast-5', project({ region: 'ap-southeast-5', network: { availability_zones: 3 } })),
  variant('platform-mode', project({ mode: 'platform', layout: 'module', task_network: { agent_port: 9111, self_ingress: true }, logs: { group_name: '/shop/containers' } })),
  variant('tcp-nlb', service('mqtt', { image: 'eclipse-mosquitto:2.0', ports: ['1883:1883', '8883:8883'], 'x-ecsform': { kind: 'tcp', exposure: 'nlb' } })),
  variant('tcp-public-ip', service('mqtt', { image: 'eclipse-mosquitto:2.0', ports: ['1883:1883'], 'x-ecsform': { kind: 'tcp', exposure: 'public-ip' } })),
  variant('static-site', service('ui', { build: { context: './ui' }, 'x-ecsform': { kind: 'static-site', static_site: { output_dir: 'build' } } })),
  variant('external-database', service('db', { 'x-ecsform': { kind: 'external', external: { secret: 'database-url', description: 'Managed PostgreSQL connection string' } } })),
  variant('mysql-multi-az', service('db', { image: 'mysql:8.0', environment: { MYSQL_USER: 'shop', MYSQL_PASSWORD: '${DB_PASSWORD:-pw}', MYSQL_DATABASE: 'shop' }, 'x-ecsform': { database: { multi_az: true, deletion_protection: false } } })),
  variant('backend-s3', project({ backend: { bucket: 'example-terraform-state', key: 'shop/dev.tfstate' } })),
  variant(
    'settings-off',
    project({
      cluster: { container_insights: 'enhanced' },
      network: { flow_logs: false, public_subnets_map_public_ip: true },
      load_balancer: { access_logs: false, deletion_protection: false, idle_timeout_seconds: 120 },
      registry: { repositories: 'lookup', immutable_tags: false, scan_on_push: false },
      iam: { managed_execution_policy: true },
      secrets: { recovery_window_days: 0 },
      logs: { retention_days: 7 },
    }),
  ),
];
