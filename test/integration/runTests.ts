/**
 * Runs the integration tests (test/integration/*.itest.ts) inside a real VS Code with
 * @vscode/test-electron: `npm run test:integration`.
 *
 * It needs a VS Code: @vscode/test-electron downloads one, which needs network access to the VS Code
 * update service; on a machine without it, set VSCODE_EXECUTABLE to an installed VS Code binary.
 * The files are named .itest.ts, not .test.ts, so the unit test run (mocha over
 * out/test/** /*.test.js, without VS Code) does not load them: they import `vscode`.
 *
 * @vscode/test-electron is loaded at run time so the unit build does not need it installed:
 *   npm install --no-save @vscode/test-electron
 */
import * as path from 'node:path';

interface TestElectron {
  runTests(options: {
    extensionDevelopmentPath: string;
    extensionTestsPath: string;
    launchArgs?: string[];
    vscodeExecutablePath?: string;
  }): Promise<number>;
}

async function main(): Promise<void> {
  // out/test/integration/runTests.js -> the repository root
  const repo = path.resolve(__dirname, '..', '..', '..');
  let testElectron: TestElectron;
  try {
    testElectron = require('@vscode/test-electron') as TestElectron;
  } catch {
    console.error('@vscode/test-electron is not installed: npm install --no-save @vscode/test-electron');
    process.exit(2);
  }
  const workspace = path.join(repo, 'test', 'fixtures', 'traces');
  const code = await testElectron.runTests({
    extensionDevelopmentPath: repo,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
  });
  process.exit(code);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
