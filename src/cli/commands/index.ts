/** Every go-trace command, in the order --help lists them. */
import type { Command } from '../command.js';
import { checkCommand } from './check.js';

export const commands: Command[] = [checkCommand];

import { wireCommand } from './wire.js';
import { bin2rawCommand } from './bin2raw.js';
commands.push(wireCommand, bin2rawCommand);
import { raw2binCommand } from './raw2bin.js';
commands.push(raw2binCommand);
import { parsedCommand } from './parsed.js';
commands.push(parsedCommand);
