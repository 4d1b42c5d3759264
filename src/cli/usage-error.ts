/** A usage problem the user can fix (a bad flag value...): printed without a stack trace, exit 2. */
export class UsageError extends Error {}
