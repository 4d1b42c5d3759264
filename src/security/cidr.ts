/** Address ranges that mean "anywhere": `0.0.0.0/0`, `::/0` (any prefix length of zero). */
export function isAnywhere(cidr: string): boolean {
  return /^[0-9a-fA-F:.]+\/0$/.test(cidr.trim());
}
