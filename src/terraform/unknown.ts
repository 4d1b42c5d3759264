/**
 * The one spelling of "this cannot be known offline": a value only known after apply, a variable
 * nobody supplied, a shape a reader cannot judge, or (`error`) an expression Terraform itself
 * would fail to evaluate. Every reader in this layer answers a value or an `Unknown` with the
 * reason; consumers stay silent on it or report the reason, and never guess.
 *
 * Inside the evaluator an `Unknown` travels by `throw` (any operation with an unknown input is
 * unknown); everywhere else it is returned.
 */
export class Unknown {
  constructor(
    readonly why: string,
    /** True when Terraform would reject the expression, not merely lack its value. */
    readonly error = false,
  ) {}
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** What reading an argument gives: its value, `undefined` when it is not set (or null), or `Unknown`. */
export type Read<T> = T | undefined | Unknown;
