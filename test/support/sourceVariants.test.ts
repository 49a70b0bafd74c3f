import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addMapping, deriveMapping, ResolverEnv, resolveWith } from '../../src/extension/source/pathResolver.js';
import { checkTrace, memorySource, TraceReader } from '../../src/parser/index.js';
import { FAKE_GOROOT_FILES, FRAMES, SourceVariant, sourceVariants, writeFakeGoroot } from './sourceVariants.js';

/** Repository root (this file compiles to out/test/support/). */
const REPO_ROOT = path.resolve(__dirname, '../../..');
const E2E_WORKSPACE = path.join(REPO_ROOT, 'test/e2e/workspace');

/** The resolver's environment over the real file system, as the extension sees a local workspace. */
function nodeEnv(folder: string, settings: SourceVariant['settings']): ResolverEnv {
  const all: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all.push(p);
    }
  };
  walk(folder);
  return {
    isFile: async (p) => path.isAbsolute(p) && fs.statSync(p, { throwIfNoEntry: false })?.isFile() === true,
    pathMappings: () => settings.pathMappings ?? {},
    goroot: async () => settings.goroot,
    workspaceFolders: () => [folder],
    findGoModFiles: async () => all.filter((p) => path.basename(p) === 'go.mod'),
    readTextFile: async (p) => fs.readFileSync(p, 'utf8'),
    findFilesByName: async (name, limit) => all.filter((p) => path.basename(p) === name).slice(0, limit),
  };
}

/** Frames of a trace as {func, file, line}. */
async function framesOf(bytes: Uint8Array): Promise<{ func: string; file: string; line: number }[]> {
  const reader = await TraceReader.open(memorySource(bytes));
  const out: { func: string; file: string; line: number }[] = [];
  for (let g; (g = await reader.nextGeneration());) {
    for (const f of g.tables.frames.values()) {
      out.push({ func: g.tables.strings.get(f.funcId) ?? '', file: g.tables.strings.get(f.fileId) ?? '', line: f.line });
    }
  }
  return out;
}

describe('e2e source variants', () => {
  let tmp: string;
  let workspace: string;
  let goroot: string;
  let variants: SourceVariant[];

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'source-variants-'));
    workspace = path.join(tmp, 'ws');
    goroot = path.join(tmp, 'goroot');
    fs.cpSync(E2E_WORKSPACE, workspace, { recursive: true });
    writeFakeGoroot(goroot);
    variants = sourceVariants({ workspace, goroot });
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('has a variant per rule, each a valid trace holding the frame to click', async () => {
    assert.deepEqual([...new Set(variants.map((v) => v.rule))].sort(), ['absolute', 'goroot', 'mapping', 'module', 'suffix']);
    for (const v of variants) {
      const check = await checkTrace(memorySource(v.trace));
      assert.deepEqual(check.problems.filter((p) => p.severity === 'error'), [], v.name);
      assert.ok((await framesOf(v.trace)).some((f) => f.func === v.click.func && f.file === v.click.file && f.line === v.click.line),
        `${v.name}: ${JSON.stringify(v.click)}`);
    }
  });

  it('the frames listed in FRAMES are in app.trace', async () => {
    const frames = await framesOf(new Uint8Array(fs.readFileSync(path.join(E2E_WORKSPACE, 'traces/app.trace'))));
    for (const [name, f] of Object.entries(FRAMES)) {
      assert.ok(frames.some((x) => x.func === f.func && x.file === f.file && x.line === f.line), name);
    }
  });

  it('the fake GOROOT has the clicked lines', () => {
    for (const [file, lines] of Object.entries(FAKE_GOROOT_FILES)) {
      const text = fs.readFileSync(path.join(goroot, 'src', file), 'utf8').split('\n');
      assert.equal(text.length - 1, lines);
    }
    for (const f of [FRAMES.withRegion, FRAMES.gopark]) assert.ok(f.line <= FAKE_GOROOT_FILES[f.file], f.file);
  });

  it('each variant resolves by its rule', async () => {
    for (const v of variants) {
      const r = await resolveWith(v.click, nodeEnv(workspace, v.settings));
      assert.deepEqual(r.resolved, { path: v.opens, rule: v.rule }, `${v.name}: tried ${r.tried.join('; ')}`);
    }
  });

  it('each variant needs its rule: without its setting, go.mod or file, nothing is found', async () => {
    for (const v of variants.filter((x) => x.rule !== 'suffix')) {
      // Settings dropped; for 'module' the go.mod too; for 'absolute' the recorded path itself.
      const base = nodeEnv(workspace, {});
      const env: ResolverEnv = v.rule === 'module' ? { ...base, findGoModFiles: async () => [] }
        : v.rule === 'absolute' ? { ...base, isFile: async (p) => p !== v.click.file && (await base.isFile(p)) }
        : base;
      const r = await resolveWith(v.click, env);
      assert.equal(r.resolved, undefined, `${v.name}: ${JSON.stringify(r.resolved)}`);
    }
  });

  it('the decoy keeps annotate.go from being found by suffix; Locate File then maps the prefix', async () => {
    const v = variants.find((x) => x.name === 'suffix')!;
    const annotate = { ...FRAMES.annotate, file: FRAMES.annotate.file.replace('example.com/e2eapp/', '/nowhere/e2eapp/') };
    const miss = await resolveWith(annotate, nodeEnv(workspace, v.settings));
    assert.equal(miss.resolved, undefined);
    assert.ok(miss.tried.includes('2 files in the workspace end in worker/text/annotate.go'), miss.tried.join('; '));
    // The user picks the real file: the remembered mapping resolves the other frames by rule 2.
    const picked = path.join(workspace, 'worker', 'text', 'annotate.go');
    const mapping = deriveMapping(annotate.file, picked);
    assert.deepEqual(mapping, { from: '/nowhere/e2eapp', to: workspace });
    const settings = { pathMappings: addMapping({}, mapping) as Record<string, string> };
    for (const f of [annotate, { ...FRAMES.run, file: FRAMES.run.file.replace('example.com/e2eapp/', '/nowhere/e2eapp/') }]) {
      const r = await resolveWith(f, nodeEnv(workspace, settings));
      assert.equal(r.resolved?.rule, 'mapping', f.file);
    }
  });
});
