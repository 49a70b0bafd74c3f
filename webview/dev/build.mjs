// Dev page only: bundles the fake host and the dev server into out/webview-dev/, and with --serve
// starts the server. The webview itself is built by the project's build (npm run build).
// Usage (from the repository root): node scripts/build.mjs && node webview/dev/build.mjs --serve [port]
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';

const common = { bundle: true, sourcemap: true, logLevel: 'warning', target: 'es2022' };
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['webview/dev/fakeHost.ts'], outfile: 'out/webview-dev/fakeHost.js', platform: 'browser', format: 'iife' }),
  esbuild.build({ ...common, entryPoints: ['webview/dev/devServer.ts'], outfile: 'out/webview-dev/devServer.js', platform: 'node', format: 'cjs' }),
]);

const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) {
  const port = process.argv[serveAt + 1] ?? '5173';
  spawn(process.execPath, ['out/webview-dev/devServer.js', process.cwd(), port], { stdio: 'inherit' });
}
