/** The entry @vscode/test-electron loads in the extension host: runs every *.itest.js with mocha. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true });
  for (const f of fs.readdirSync(__dirname)) if (f.endsWith('.itest.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
