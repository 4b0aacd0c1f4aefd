/**
 * Bloei's entry point: `node dist/main.js <command>` (or `npm run bloei -- <command>`). The
 * commands live in `cli/commands/`, one file each; `--help` lists them.
 */
import { runCli } from './cli/program.js';

const code = await runCli(process.argv.slice(2));
// A failed command ends here, even when it left a connection open; a service keeps running.
if (code !== 0) process.exit(code);
