#!/usr/bin/env node
/** Entry point of the `ecsform` executable. */
import { main } from './main.js';

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`ecsform: internal error: ${reason instanceof Error ? reason.message : String(reason)}\n`);
  process.exit(3);
});

process.exitCode = await main(process.argv.slice(2));
