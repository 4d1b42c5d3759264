import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluatedAttr, generateFrom, inputErrors, modelOf, resource } from '../helpers/generate.js';

describe('service kinds', () => {
  test('published HTTP ports make a web service; published non-HTTP ports stay internal; none make a worker', () => {
    const model = modelOf(`
services:
  web: { image: nginx, ports: ["8080:80"] }
  broker: { image: eclipse-mosquitto:2, ports: ["1883:1883"] }
  api: { image: example/api, expose: ["9000"] }
  job: { image: example/job }
  db: { image: "postgres:16", environment: { POSTGRES_PASSWORD: x } }
`);
    const kinds = Object.fromEntries(model.services.map((s) => [s.name, s.kind]));
    assert.deepEqual(kinds, { api: 'internal', broker: 'internal', job: 'worker', web: 'web' });
    assert.equal(model.services.find((s) => s.name === 'broker')!.exposure, 'none', 'no raw TCP port is opened to the internet unasked');
    assert.deepEqual(model.databases.map((d) => [d.name, d.engine, d.engineVersion]), [['db', 'postgres', '16']]);
    const decision = model.decisions.find((d) => d.service === 'broker' && d.outcome === 'inferred' && d.detail.startsWith('Kind'));
    assert.match(decision!.detail, /non-HTTP port\(s\) 1883\/tcp, which stay inside the VPC; set x-ecsform.kind: tcp/);
  });

  test('kind: tcp serves a non-HTTP port through a Network Load Balancer', () => {
    const model = modelOf(`
services:
  broker:
    image: eclipse-mosquitto:2
    ports: ["1883:1883"]
    x-ecsform: { kind: tcp }
`);
    assert.equal(model.services[0]!.kind, 'tcp');
    assert.equal(model.services[0]!.exposure, 'nlb');
  });

  test('x-ecsform.kind wins over inference', () => {
    const model = modelOf(`
services:
  web:
    image: nginx
    ports: ["80:80"]
    x-ecsform: { kind: internal }
`);
    assert.equal(model.services[0]!.kind, 'internal');
    assert.equal(model.loadBalancer, undefined);
  });
});

describe('environment classification', () => {
  const model = modelOf(`
services:
  api:
    image: example/api
    ports: ["8080:8080"]
    environment:
      LOG_LEVEL: info
      DB_PASSWORD: \${DB_PASSWORD:-devpass}
      STRIPE_API_KEY: sk_live_abcdefghijklmnop1234
      WEBHOOK: https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX
      CACHE_URL: redis://cache:6379
      QUEUE_URL: amqp://guest:guest@queue:5672
      KEYCLOAK_URL: http://auth:8080/auth
  cache: { image: "redis:7", expose: ["6379"] }
  auth: { image: example/auth, expose: ["8080"] }
  queue: { image: rabbitmq, expose: ["5672"] }
`);
  const api = model.services.find((s) => s.name === 'api')!;

  test('secrets by name and by value go to Secrets Manager; the rest stays plain', () => {
    assert.deepEqual(api.secretEnv.map((e) => e.name), ['DB_PASSWORD', 'QUEUE_URL', 'STRIPE_API_KEY', 'WEBHOOK']);
    assert.deepEqual(api.environment.map((e) => e.name), ['CACHE_URL', 'KEYCLOAK_URL', 'LOG_LEVEL']);
  });

  test('no secret value is kept in the model', () => {
    const text = JSON.stringify(model);
    for (const value of ['devpass', 'sk_live_abcdefghijklmnop1234', 'XXXXXXXXXXXX', 'guest:guest']) assert.ok(!text.includes(value), `${value} leaked into the model`);
  });

  test('Compose hostnames in plain values point at service discovery', () => {
    const cache = api.environment.find((e) => e.name === 'CACHE_URL')!;
    assert.deepEqual(cache.value, [{ kind: 'text', text: 'redis://cache.' }, { kind: 'discovery-namespace' }, { kind: 'text', text: ':6379' }]);
    assert.deepEqual(model.discovery?.services, ['auth', 'cache', 'queue']);
  });

  test('callers get ingress on exactly the ports of the services they call', () => {
    const internal = model.securityGroups.find((g) => g.id === 'ecs_internal')!;
    assert.deepEqual(
      internal.ingress.map((r) => `${r.fromPort}/${r.protocol} ${r.source.kind === 'group' ? r.source.group : r.source.kind}`),
      ['5672/tcp ecs_api', '6379/tcp ecs_api', '8080/tcp ecs_api'],
    );
  });
});

describe('databases become RDS, and their clients use the managed secret', () => {
  const model = modelOf(`
services:
  app:
    image: example/app
    ports: ["3000:3000"]
    environment:
      DB_HOST: db
      DB_USER: app
      DB_PASSWORD: \${POSTGRES_PASSWORD}
      JDBC: jdbc:postgresql://db:5432/app
    depends_on: [db]
  db:
    image: postgres:15-alpine
    environment:
      POSTGRES_USER: app
      POSTGRES_DB: app
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
`);
  const app = model.services[0]!;

  test('password and user come from the RDS master secret keys', () => {
    assert.deepEqual(
      app.secretEnv.map((e) => [e.name, e.secret, e.jsonKey]),
      [
        ['DB_PASSWORD', 'db-master', 'password'],
        ['DB_USER', 'db-master', 'username'],
      ],
    );
    assert.equal(model.secrets.find((s) => s.name === 'db-master')?.source, 'database');
  });

  test('host names of the database become the RDS endpoint address', () => {
    assert.deepEqual(app.environment.find((e) => e.name === 'JDBC')!.value, [{ kind: 'text', text: 'jdbc:postgresql://' }, { kind: 'database-address', database: 'db' }, { kind: 'text', text: ':5432/app' }]);
    assert.deepEqual(app.environment.find((e) => e.name === 'DB_HOST')!.value, [{ kind: 'database-address', database: 'db' }]);
  });

  test('the database accepts its clients only', () => {
    assert.deepEqual(model.databases[0]!.clients, ['app']);
    const rds = model.securityGroups.find((g) => g.id === 'rds')!;
    assert.deepEqual(rds.ingress.map((r) => [r.fromPort, r.source]), [[5432, { kind: 'group', group: 'ecs_api' }]]);
  });
});

describe('what Fargate cannot do is an error with the line and what to do', () => {
  test('bind mounts', () => {
    const [error] = inputErrors(`services:
  web:
    image: nginx
    volumes:
      - ./site:/usr/share/nginx/html
`);
    assert.equal(error!.code, 'BIND_MOUNT');
    assert.equal(error!.line, 5);
    assert.match(error!.message, /bind mount .*site:\/usr\/share\/nginx\/html cannot run on Fargate/);
    assert.match(error!.hint!, /COPY in the Dockerfile/);
  });

  test('privileged, host networking and devices, all reported in one run', () => {
    const errors = inputErrors(`services:
  a:
    image: x
    privileged: true
  b:
    image: x
    network_mode: host
  c:
    image: x
    devices: ["/dev/ttyUSB0:/dev/ttyUSB0"]
`);
    assert.deepEqual(
      errors.map((e) => [e.code, e.line, e.message]),
      [
        ['COMPOSE_UNSUPPORTED', 4, '`privileged` in service a cannot run on Fargate.'],
        ['COMPOSE_UNSUPPORTED', 7, '`network_mode` in service b cannot run on Fargate.'],
        ['COMPOSE_UNSUPPORTED', 10, '`devices` in service c cannot run on Fargate.'],
      ],
    );
  });

  test('harmless values of risky keys are accepted', () => {
    const model = modelOf(`services:
  a:
    image: x
    privileged: false
    network_mode: bridge
    cap_add: [SYS_PTRACE]
`);
    assert.deepEqual(model.services[0]!.linux.capabilitiesAdd, ['SYS_PTRACE']);
  });
});

describe('task sizes', () => {
  test('an invalid pair names the valid memory values for the CPU', () => {
    const [error] = inputErrors(`services:
  api:
    image: x
    x-ecsform: { cpu: 512, memory: 512 }
`);
    assert.equal(error!.code, 'TASK_SIZE_INVALID');
    assert.equal(error!.line, 4);
    assert.equal(error!.hint, 'With cpu 512, memory must be 1024, 2048, 3072 or 4096 MiB.');
  });

  test('deploy.resources rounds up to the smallest Fargate size', () => {
    const model = modelOf(`services:
  api:
    image: x
    deploy: { resources: { limits: { cpus: "0.3", memory: 700M } } }
`);
    assert.deepEqual([model.services[0]!.cpuUnits, model.services[0]!.memoryMiB], [512, 1024]);
  });
});

describe('settings that contradict each other', () => {
  test('two services claiming the same route name both lines', () => {
    const [error] = inputErrors(`services:
  a:
    image: x
    ports: ["80:80"]
    x-ecsform: { routes: [{ path: /api }] }
  b:
    image: x
    ports: ["81:80"]
    x-ecsform: { routes: [{ path: /api/ }] }
`);
    assert.equal(error!.code, 'ROUTE_CONFLICT');
    assert.match(error!.message, /Services a and b both claim path \/api \(\/app\/compose.yaml:5 and \/app\/compose.yaml:9\)/);
  });

  test('autoscaling min above max', () => {
    const [error] = inputErrors(`services:
  a:
    image: x
    x-ecsform: { autoscaling: { min: 5, max: 2, cpu_target: 70 } }
`);
    assert.equal(error!.code, 'SETTING_CONFLICT');
    assert.match(error!.message, /autoscaling.min 5 is greater than autoscaling.max 2/);
  });
});

describe('unknown keys', () => {
  test('a misspelled x-ecsform key points at its line with a did-you-mean', () => {
    const [error] = inputErrors(`x-ecsform:
  netwrok: { vpc_cidr: 10.0.0.0/16 }
services:
  a: { image: x }
`);
    assert.equal(error!.code, 'XECSFORM_UNKNOWN_KEY');
    assert.deepEqual([error!.line, error!.column], [2, 3]);
    assert.match(error!.hint!, /^Did you mean `network`\?/);
  });

  test('a misspelled Compose key is an error, not silently dropped', () => {
    const [error] = inputErrors(`services:
  a:
    image: x
    enviroment: { A: b }
`);
    assert.equal(error!.code, 'COMPOSE_UNKNOWN_KEY');
    assert.equal(error!.line, 4);
    assert.equal(error!.hint, 'Did you mean `environment`?');
  });

  test('a wrong value type in x-ecsform says what was expected', () => {
    const [error] = inputErrors(`services:
  a:
    image: x
    x-ecsform:
      desired_count: lots
`);
    assert.equal(error!.code, 'XECSFORM_INVALID');
    assert.equal(error!.line, 5);
    assert.match(error!.message, /desired_count: expected number/);
  });

  test('a health check timeout as long as its interval is refused where it is written', () => {
    const [error] = inputErrors(`services:
  web:
    image: x
    ports: ["8080:8080"]
    x-ecsform:
      health_check: { interval_seconds: 10, timeout_seconds: 10 }
`);
    assert.equal(error!.code, 'XECSFORM_INVALID');
    assert.equal(error!.line, 6);
    assert.match(error!.message, /timeout_seconds must be less than interval_seconds/);
  });

  for (const [efs, message] of [
    ['{ throughput_mode: provisioned }', /provisioned throughput needs provisioned_throughput_mibps/],
    ['{ performance_mode: maxIO, throughput_mode: elastic }', /elastic throughput needs the generalPurpose performance mode/],
    ['{ provisioned_throughput_mibps: 64 }', /applies only to throughput_mode: provisioned/],
  ] as const) {
    test(`EFS ${efs} is refused: EFS would refuse to create it`, () => {
      const [error] = inputErrors(`x-ecsform:
  efs: ${efs}
services:
  a: { image: x, volumes: ["data:/data"] }
volumes: { data: {} }
`);
      assert.equal(error!.code, 'XECSFORM_INVALID');
      assert.equal(error!.line, 2);
      assert.match(error!.message, message);
    });
  }

  test('EFS provisioned throughput reaches the file system', () => {
    const result = generateFrom(`x-ecsform:
  efs: { throughput_mode: provisioned, provisioned_throughput_mibps: 64 }
services:
  a: { image: x, volumes: ["data:/data"] }
volumes: { data: {} }
`);
    const fs = resource(result, 'aws_efs_file_system', 'main');
    assert.equal(evaluatedAttr(result, fs, 'provisioned_throughput_in_mibps'), 64);
    assert.equal(evaluatedAttr(result, fs, 'provisioned_throughput_in_mibps', { efs_throughput_mode: 'bursting' }), null);
  });
});

describe('platform contradictions', () => {
  test('ARM64 with an image built for x86 names both places', () => {
    const [error] = inputErrors(`services:
  api:
    image: example/api:1.0-amd64
    x-ecsform:
      architecture: arm64
`);
    assert.equal(error!.code, 'SETTING_CONFLICT');
    assert.equal(error!.line, 5);
    assert.match(error!.message, /runs on ARM64, but its image example\/api:1\.0-amd64 is built for x86 \(\/app\/compose\.yaml:3\)/);
  });
});

describe('service discovery modes', () => {
  test('service-connect keeps Compose names unchanged; cloud-map rewrites them', () => {
    const compose = (mode: string) => `x-ecsform:
  service_discovery: { mode: ${mode} }
services:
  web: { image: x, ports: ["80:80"], environment: { API: "http://api:9000" } }
  api: { image: y, expose: ["9000"] }
`;
    const connect = modelOf(compose('service-connect')).services.find((s) => s.name === 'web')!;
    assert.deepEqual(connect.environment[0]!.value, [{ kind: 'text', text: 'http://api:9000' }]);
    const cloudMap = modelOf(compose('cloud-map')).services.find((s) => s.name === 'web')!;
    assert.deepEqual(cloudMap.environment[0]!.value, [{ kind: 'text', text: 'http://api.' }, { kind: 'discovery-namespace' }, { kind: 'text', text: ':9000' }]);
  });
});

describe('project name', () => {
  test('underscores become dashes in AWS resource names', () => {
    const model = modelOf(`name: my_shop
services:
  web: { image: nginx, ports: ["80:80"] }
`);
    assert.equal(model.project.name, 'my-shop');
    assert.ok(model.decisions.some((d) => d.detail === 'Project name my_shop becomes my-shop in AWS resource names.'));
  });

  test('a name AWS resource names cannot start with is an input error with a hint', () => {
    const [error] = inputErrors(`name: ${'a'.repeat(40)}
services:
  web: { image: nginx, ports: ["80:80"] }
`);
    assert.equal(error!.code, 'PROJECT_NAME');
    assert.match(error!.hint!, /x-ecsform\.project/);
  });

  test('x-ecsform.project wins', () => {
    const model = modelOf(`name: my_shop
x-ecsform: { project: shop }
services:
  web: { image: nginx, ports: ["80:80"] }
`);
    assert.equal(model.project.name, 'shop');
  });
});

describe('RDS engine versions', () => {
  const versionOf = (image: string) => {
    const model = modelOf(`services:
  db: { image: "${image}", environment: { POSTGRES_PASSWORD: x, MYSQL_ROOT_PASSWORD: x } }
  api: { image: example/api, ports: ["8080:8080"], depends_on: [db] }
`);
    return { version: model.databases[0]!.engineVersion, warnings: model.warnings.filter((w) => w.message.includes('RDS does not run') || w.message.includes('newer than')) };
  };

  test('a version RDS runs is kept; a major-only MySQL/MariaDB tag is its newest release', () => {
    assert.equal(versionOf('postgres:16-alpine').version, '16');
    assert.equal(versionOf('mysql:8.0.35').version, '8.0');
    assert.equal(versionOf('mysql:8').version, '8.4');
    assert.equal(versionOf('mariadb:11').version, '11.8');
    assert.equal(versionOf('postgres').version, '16', 'no tag: the default');
    assert.deepEqual(versionOf('postgres:16').warnings, []);
  });

  test('a version RDS does not run moves to the nearest newer one, with a warning', () => {
    const old = versionOf('postgres:12');
    assert.equal(old.version, '14');
    assert.equal(old.warnings.length, 1);
    assert.equal(old.warnings[0]!.severity, 'medium');
    assert.equal(versionOf('mariadb:10.6.4-focal').version, '10.11');
    assert.equal(versionOf('mysql:5.7').version, '8.0');
  });

  test('parameter group families use the major version', async () => {
    const { parameterGroupFamily } = await import('../../src/model/databases.js');
    assert.equal(parameterGroupFamily('mysql', '8.0.39'), 'mysql8.0');
    assert.equal(parameterGroupFamily('postgres', '16.4'), 'postgres16');
    assert.equal(parameterGroupFamily('mariadb', '10.11'), 'mariadb10.11');
  });
});

test('without NAT gateways, tasks in private subnets get a warning and the egress reason names the VPC routes', () => {
  const model = modelOf(`x-ecsform:
  network: { nat_gateways: 0 }
services:
  api: { image: example/api, ports: ["8080:8080"] }
`);
  const warning = model.warnings.find((w) => w.code === 'NO_EGRESS');
  assert.ok(warning, 'NO_EGRESS warning');
  assert.equal(warning.severity, 'medium');
  assert.equal(warning.line, 2, 'points at nat_gateways');
  const group = model.securityGroups.find((g) => g.id === 'ecs_api')!;
  assert.match(group.egressReason!, /routes of the VPC \(NAT or VPC endpoints\)/);
});

describe('review cases: names, roles and self-references', () => {
  const model = modelOf(`
services:
  kafka:
    image: example/kafka
    expose: ["9092"]
    environment:
      KAFKA_CFG_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092
      CLUSTER_NAME: kafka
  app:
    image: example/app
    ports: ["8080:8080"]
    environment:
      PGHOST: db
      PGUSER: app
      DB_USER_PASSWORD: \${PG_PASSWORD}
      spring.kafka.bootstrap-servers: kafka:9092
      redisHost: cache
      STRIPE_PUBLISHABLE_KEY: pk_test_abc
      NEXT_PUBLIC_SUPABASE_ANON_KEY: abc
      JWT_SECRET_EXPIRES_IN: 1h
  cache: { image: example/cache, expose: ["6379"] }
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: \${PG_PASSWORD}
`);
  const service = (name: string) => model.services.find((s) => s.name === name)!;
  const plain = (owner: string, name: string) => service(owner).environment.find((e) => e.name === name)?.value;

  test('a service advertising its own URL keeps an address that resolves on AWS', () => {
    assert.deepEqual(plain('kafka', 'KAFKA_CFG_ADVERTISED_LISTENERS'), [{ kind: 'text', text: 'PLAINTEXT://kafka.' }, { kind: 'discovery-namespace' }, { kind: 'text', text: ':9092' }]);
    assert.ok(model.discovery?.services.includes('kafka'), 'kafka is registered in Cloud Map');
    assert.deepEqual(plain('kafka', 'CLUSTER_NAME'), [{ kind: 'text', text: 'kafka' }], 'a name is not an address');
  });

  test('run-together, dotted and camelCase address names are hosts', () => {
    assert.deepEqual(plain('app', 'PGHOST'), [{ kind: 'database-address', database: 'db' }]);
    assert.deepEqual(plain('app', 'redisHost'), [{ kind: 'text', text: 'cache.' }, { kind: 'discovery-namespace' }]);
    assert.equal(plain('app', 'spring.kafka.bootstrap-servers')?.[0]?.kind, 'text');
    assert.equal(plain('app', 'spring.kafka.bootstrap-servers')?.[1]?.kind, 'discovery-namespace');
  });

  test('the last word names a credential: *_USER_PASSWORD is the password, PGUSER the user', () => {
    const secrets = Object.fromEntries(service('app').secretEnv.map((e) => [e.name, `${e.secret}.${e.jsonKey ?? ''}`]));
    assert.equal(secrets['DB_USER_PASSWORD'], 'db-master.password');
    assert.equal(secrets['PGUSER'], 'db-master.username');
  });

  test('browser-public keys and settings about secrets stay plain', () => {
    for (const name of ['STRIPE_PUBLISHABLE_KEY', 'NEXT_PUBLIC_SUPABASE_ANON_KEY', 'JWT_SECRET_EXPIRES_IN']) assert.ok(plain('app', name), `${name} is plain`);
  });
});

test('a web service that also publishes a non-HTTP port stays behind the ALB, with a warning', () => {
  const model = modelOf(`
services:
  gitea:
    image: gitea/gitea
    ports: ["3000:3000", "2222:22"]
`);
  assert.equal(model.services[0]!.kind, 'web');
  assert.ok(model.warnings.some((w) => w.message.includes('non-HTTP port(s) 22/tcp, which stay inside the VPC')));
});

test('a UDP-only port behind the NLB is warned about: its health check is TCP', () => {
  const model = modelOf(`
services:
  dns:
    image: example/dns
    ports: ["53:53/udp"]
    x-ecsform: { kind: tcp }
`);
  assert.ok(model.warnings.some((w) => w.severity === 'medium' && w.message.includes('UDP port 53 over TCP')));
});
