import { runCli } from './main.js';

import { processIO } from './io.js';

// The CLI's entry: the only place it reads the process environment.
process.exitCode = await runCli(process.argv.slice(2), processIO, process.env);
