/** Did-you-mean for rule ids, preferring ids of the same family: `S3_ACCESS_LOGS` → `S3_ACCESS_LOGGING`, not `LB_ACCESS_LOGS`. */
import { didYouMean } from '../util/did-you-mean.js';

export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const all = [...candidates];
  const prefix = `${name.toUpperCase().split('_')[0] ?? ''}_`;
  return didYouMean(name, all.filter((candidate) => candidate.startsWith(prefix))) ?? didYouMean(name, all);
}
