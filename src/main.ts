/**
 * Bloei's entry point: `node dist/main.js <command>` (or `npm run bloei -- <command>`). The
 * commands live in `cli/commands/`, one file each; `--help` lists them.
 */
import { runCli } from './cli/program.js';

process.exitCode = await runCli(process.argv.slice(2));
