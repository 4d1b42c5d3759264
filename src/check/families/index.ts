/**
 * Every rule family `check()` runs, in this order. To add one: write its rules in their own
 * folder of src/ (reading Terraform only through src/terraform/), describe it with `defineFamily`
 * in a file of this folder, and list it here. Its name becomes a `CheckName` and it runs by
 * default; `correctness: true` also puts it in `CORRECTNESS_CHECKS`.
 */
import { SECURITY } from './security.js';
import { FORMAT, HYGIENE, REFERENCES, SCHEMA } from './verify.js';

export const FAMILIES = [FORMAT, SCHEMA, REFERENCES, HYGIENE, SECURITY] as const;
