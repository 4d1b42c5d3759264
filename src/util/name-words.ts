/** The lowercase words of a variable name: `DB_PASSWORD`, `dbPassword`, `db.password` → `db`, `password`. */
export function splitNameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}
