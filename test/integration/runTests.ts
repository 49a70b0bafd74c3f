/**
 * Runs the integration tests (test/integration/*.itest.ts) inside a real VS Code with
 * @vscode/test-electron: `npm run test:integration`.
 *
 * It needs a VS Code: @vscode/test-electron downloads one, which needs network access to the VS Code
 * update service; on a machine without it, set VSCODE_EXECUTABLE to an installed VS Code binary.
 * The files are named .itest.ts, not .test.ts, so the unit test run (mocha over
 * out/test/** /*.test.js, without VS Code) does not load them: they import `vscode`.
 */
import * as path from 'node:path';
import * as testElectron from '@vscode/test-electron';

async function main(): Promise<void> {
  // out/test/integration/runTests.js -> the repository root
  const repo = path.resolve(__dirname, '..', '..', '..');
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
