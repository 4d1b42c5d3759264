/** Every code `check()` can emit, documented: for SARIF rule metadata and code tables. */
import type { CodeDoc } from '../diagnostics/finding.js';
import { VERIFY_CODES } from '../verify/index.js';
import { FAMILIES } from './families/index.js';

export const CHECK_CODES: ReadonlyMap<string, CodeDoc> = new Map<string, CodeDoc>([...Object.entries(VERIFY_CODES), ...FAMILIES.flatMap((family) => [...family.codes])]);
