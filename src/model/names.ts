/**
 * Names derived from Compose service names. Compose allows `ui_iot`, `ui-iot` and `ui.iot`;
 * Terraform identifiers want `ui_iot`, AWS resource names and container names want `ui-iot`.
 */

/** Terraform identifier: lowercase, `[a-z0-9_]`, starting with a letter or underscore. */
export function terraformId(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(id) ? id : `_${id}`;
}

/** AWS-friendly name: lowercase, `[a-z0-9-]`, no leading/trailing dash. */
export function awsName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** `DB_PASSWORD` → `db-password` (secret names). */
export function kebabFromEnv(name: string): string {
  return awsName(name.replace(/_/g, '-'));
}

/** `db-password` → `DB_PASSWORD`. */
export function envFromName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}
