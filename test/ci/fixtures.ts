/** Synthetic Compose projects for the CI tests, each exercising one shape of pipeline. */

const GITHUB = `
  ci:
    github:
      repository: acme/shop
      branch: release`;

const BACKEND = `
  backend:
    bucket: acme-terraform-state
    key: shop/prod.tfstate
    use_lockfile: true`;

/** ARM64 tasks, a build with target and arguments (one secret-looking), no static site, remote state, a WAF. */
export const ARM_API = `
name: shop
x-ecsform:
  environment: prod
  region: eu-west-1
  architecture: arm64
  load_balancer: { waf: true }${BACKEND}${GITHUB}
services:
  api:
    build:
      context: ./api
      dockerfile: docker/Dockerfile.prod
      target: runtime
      args:
        NODE_ENV: production
        NPM_TOKEN: npm_abcdefghijklmnopqrstuvwxyz0123456789
    ports: ["8080:8080"]
  worker:
    build: ./worker
`;

/** Two static sites next to one API. */
export const TWO_SITES = `
name: portal
x-ecsform:${GITHUB}
services:
  api:
    build: ./api
    ports: ["8080:8080"]
    x-ecsform:
      routes: [{ path: /api }]
  admin:
    build: ./admin
    x-ecsform:
      kind: static-site
      static_site: { build_command: "pnpm install && pnpm build", output_dir: build }
  www:
    build: ./www
    x-ecsform:
      kind: static-site
`;

/** Repositories that exist already (looked up) and an OIDC provider another stack created. */
export const LOOKUP = `
name: legacy
x-ecsform:
  registry:
    repositories: lookup
  ci:
    github:
      repository: acme/legacy
      oidc_provider: lookup
services:
  web:
    build: .
    ports: ["80:80"]
  cache:
    image: redis:7
`;

/** No CI settings: no roles, and asking for a workflow is an input error. */
export const NO_CI = `
name: plain
services:
  web:
    build: .
    ports: ["80:80"]
`;

/** A customer-managed key encrypting a secret whose value Terraform generates. */
export const KMS_GENERATED_SECRET = `
name: vault
x-ecsform:
  kms: true${GITHUB}
services:
  api:
    build: ./api
    ports: ["8080:8080"]
    environment:
      SESSION_SECRET: \${SESSION_SECRET:-dev}
    x-ecsform:
      env: { SESSION_SECRET: generate }
`;
