/**
 * One deadline for a whole smoke run: every request, every AWS call and every wait ends by it.
 * The signal aborts in-flight work; `beforeDeadline` also gives up on promises that ignore the
 * signal (an SDK call stuck in its own retries, a credential provider waiting on a network).
 */

/** Aborted when the run's time is up; never, when there is no deadline. */
export const NO_DEADLINE: AbortSignal = new AbortController().signal;

export class DeadlinePassed extends Error {
  constructor() {
    super('no answer before the deadline');
    this.name = 'DeadlinePassed';
  }
}

/** `promise`, or a DeadlinePassed rejection as soon as `signal` aborts, whichever comes first. */
export function beforeDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new DeadlinePassed());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DeadlinePassed());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
