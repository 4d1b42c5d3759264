/**
 * A synthetic Compose application of N services, shaped like real ones: a quarter web services
 * (behind the ALB), a quarter internal APIs the others call by name, the rest workers; shared
 * secrets, one PostgreSQL database replaced by RDS, a named volume.
 */
export function syntheticCompose(count: number): string {
  const lines = [`name: bench${count}`, 'x-ecsform:', '  project: bench', '  environment: perf', 'services:'];
  for (let i = 0; i < count; i++) {
    const name = `svc${String(i).padStart(3, '0')}`;
    const kind = i % 4;
    lines.push(`  ${name}:`, `    image: example/${name}:1.0`);
    if (kind === 0) lines.push(`    ports: ["${8000 + i}:8080"]`, '    x-ecsform:', '      routes:', `        - path: /${name}`);
    if (kind === 1) lines.push('    expose: ["9000"]');
    lines.push(
      '    environment:',
      '      LOG_LEVEL: info',
      `      DATABASE_URL: postgresql://db:5432/app`,
      '      API_TOKEN: ${API_TOKEN:-dev}',
      `      UPSTREAM: http://svc${String(((i >> 2) << 2) + 1).padStart(3, '0')}:9000`,
      '    depends_on: [db]',
    );
    if (i === 2) lines.push('    volumes: ["data:/data"]');
  }
  lines.push('  db:', '    image: postgres:16', '    environment:', '      POSTGRES_PASSWORD: ${DB_PASSWORD:-dev}', 'volumes:', '  data:', '');
  return lines.join('\n');
}
