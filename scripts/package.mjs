// Packages the extension into a .vsix with @vscode/vsce (installed into .e2e/tools by
// scripts/setup-e2e.sh --tools-only, which this runs when vsce is missing). Run it through
// `npm run package`, which first builds the production bundles.
// Usage: node scripts/package.mjs [--out FILE]   (default: <repo>/<name>-<version>.vsix)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const outIdx = process.argv.indexOf('--out');
const out = outIdx > 0 ? resolve(process.argv[outIdx + 1]) : join(repo, `${manifest.name}-${manifest.version}.vsix`);

const e2eDir = process.env.E2E_DIR ? resolve(process.env.E2E_DIR) : join(repo, '.e2e');
const candidates = [join(repo, 'node_modules/.bin/vsce'), join(e2eDir, 'tools/node_modules/.bin/vsce')];
let vsce = candidates.find((p) => existsSync(p));
if (!vsce) {
  execFileSync('bash', [join(repo, 'scripts/setup-e2e.sh'), '--tools-only'], { stdio: 'inherit' });
  vsce = candidates.find((p) => existsSync(p));
  if (!vsce) throw new Error('vsce is still missing after setup-e2e.sh --tools-only');
}

// --no-rewrite-relative-links: README.md links to docs/ relatively; there is no public repository URL
const args = ['package', '--out', out, '--allow-missing-repository', '--no-rewrite-relative-links'];
// vsce asks (y/N) when LICENSE is missing; there is no TTY in CI, so say so up front
if (!existsSync(join(repo, 'LICENSE')) && !existsSync(join(repo, 'LICENSE.md'))) args.push('--skip-license');
const t0 = Date.now();
try {
  execFileSync(vsce, args, { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
} catch {
  console.error(`package: vsce ${args.join(' ')} failed (see above)`);
  process.exit(1);
}
console.log(`packaged ${out} (${Math.round(statSync(out).size / 1024)} KiB) in ${Date.now() - t0} ms`);
