#!/usr/bin/env node
/** Entry point of the `ecsform` executable. */
import { setFlagsFromString } from 'node:v8';

// HashiCorp's parser and formatter are large Go programs compiled to WebAssembly. V8 would
// recompile their hot code with its optimising tier, which costs more than a CLI run saves
// (measured: about 4x slower cold start); its baseline compiler alone is plenty for our files.
setFlagsFromString('--liftoff-only');

const { main } = await import('./main.js');

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`ecsform: internal error: ${reason instanceof Error ? reason.message : String(reason)}\n`);
  process.exit(3);
});

const code = await main(process.argv.slice(2));
// Exit as soon as the work is done: the Go runtimes inside the WebAssembly tools keep timers
// that would hold the process open for seconds. Flush both streams first.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
