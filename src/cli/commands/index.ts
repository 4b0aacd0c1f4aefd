/**
 * Every command of `bloei`, in the order `--help` lists them. Adding a command is one file in
 * this folder (`defineCommand({ name, summary, options, run })`, with sub-commands for a
 * group such as `verbinder add|list`) and one line here.
 */
import type { AnyCommand } from '../command.js';
import campaign from './campaign.js';
import chat from './chat.js';
import checkin from './checkin.js';
import importCohort from './import-cohort.js';
import kaart from './kaart.js';
import migrate from './migrate.js';
import schedule from './schedule.js';
import start from './start.js';
import verbinder from './verbinder.js';
import web from './web.js';
import wijk from './wijk.js';
import worker from './worker.js';

export const commands: readonly AnyCommand[] = [
  start,
  chat,
  migrate,
  worker,
  web,
  importCohort,
  verbinder,
  wijk,
  kaart,
  checkin,
  schedule,
  campaign,
];
