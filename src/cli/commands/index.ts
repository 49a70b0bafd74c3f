/** Every go-trace command, in the order --help lists them. */
import type { Command } from '../command.js';
import { checkCommand } from './check.js';

export const commands: Command[] = [checkCommand];
