/**
 * Variants of the end-to-end trace (test/e2e/workspace/traces/app.trace) whose frames need each
 * source-resolution rule of src/extension/source/pathResolver.ts, made at test time with
 * rewriteTraceStrings because the absolute paths are those of the test's temporary workspace.
 * test/e2e/fixtures.md describes them; the e2e tests and test/support/sourceVariants.test.ts
 * (which runs the resolver on them without VS Code) both use this file. No `vscode` here.
 *
 *   writeFakeGoroot(goroot);                               // outside the workspace
 *   for (const v of sourceVariants({ workspace, goroot })) {
 *     fs.writeFileSync(path.join(workspace, v.traceFile), v.trace);
 *     // set v.settings in the workspace settings, open v.traceFile, click v.click, expect v.opens
 *   }
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesOnly, rewriteTraceStrings, StringRewrite } from './rewriteTraceStrings.js';

/** The module path of the e2e program, as -trimpath writes it (with the slash). */
export const MODULE_PREFIX = 'example.com/e2eapp/';

/** Frames of app.trace that the tests click: function, recorded file (as in app.trace), line. */
export const FRAMES = {
  /** Top frame of every Log event's stack (trace.Log call). Also in testdata/decoy: not unique by suffix. */
  annotate: { func: 'example.com/e2eapp/worker/text.Annotate', file: 'example.com/e2eapp/worker/text/annotate.go', line: 22 },
  /** Second frame of the Log stacks (text.Annotate call inside the region). Unique by suffix. */
  crunchFunc1: { func: 'example.com/e2eapp/worker.crunch.func1', file: 'example.com/e2eapp/worker/pipeline.go', line: 22 },
  /** RegionBegin's top frame (trace.WithRegion call). */
  crunch: { func: 'example.com/e2eapp/worker.crunch', file: 'example.com/e2eapp/worker/pipeline.go', line: 18 },
  /** TaskBegin's top frame (trace.NewTask call). */
  run: { func: 'example.com/e2eapp/worker.Run', file: 'example.com/e2eapp/worker/worker.go', line: 19 },
  /** TaskBegin's second frame. */
  main: { func: 'main.main', file: 'example.com/e2eapp/main.go', line: 29 },
  /** A standard-library frame in the Log stacks (third frame). */
  withRegion: { func: 'runtime/trace.WithRegion', file: 'runtime/trace/annotation.go', line: 141 },
  /** A standard-library frame in the goroutine-blocking stacks. */
  gopark: { func: 'runtime.gopark', file: 'runtime/proc.go', line: 462 },
} as const;

export type FrameName = keyof typeof FRAMES;

/** Standard-library files the fake GOROOT holds, with how many lines each gets. */
export const FAKE_GOROOT_FILES: Readonly<Record<string, number>> = {
  'runtime/trace/annotation.go': 200,
  'runtime/proc.go': 500,
};

export type VariantRule = 'absolute' | 'mapping' | 'module' | 'goroot' | 'suffix';

export interface SourceVariant {
  /** Short name, also the trace's base name. */
  name: string;
  /** The rule the clicked frame needs (the other rules cannot find it). */
  rule: VariantRule;
  /** Where to write the trace, relative to the workspace. */
  traceFile: string;
  trace: Uint8Array;
  /** goTrace.* settings to put in the workspace settings (without the "goTrace." prefix). */
  settings: { pathMappings?: Record<string, string>; goroot?: string };
  /** The frame to click, as it appears in this variant's trace. */
  click: { func: string; file: string; line: number };
  /** The local file it must open, at click.line. */
  opens: string;
}

/** Recorded -trimpath path -> the same path under `prefix` (trailing separator included). */
function moduleTo(prefix: string, sep: '/' | '\\' = '/'): StringRewrite {
  return filesOnly((s) => (s.startsWith(MODULE_PREFIX) ? prefix + s.slice(MODULE_PREFIX.length).split('/').join(sep) : s));
}

/** Standard-library -trimpath path (runtime/proc.go) -> under another machine's GOROOT/src. */
function stdTo(srcPrefix: string, sep: '/' | '\\' = '/'): StringRewrite {
  // A standard-library import path has no dot in its first element (example.com/... has).
  return filesOnly((s) => (/^[^./]+\//.test(s) ? srcPrefix + s.split('/').join(sep) : s));
}

function recorded(rewrite: StringRewrite, file: string): string {
  return rewrite(file, 0);
}

/**
 * The variants. `workspace`: the temporary copy of test/e2e/workspace the editor opened (a local
 * absolute path); `goroot`: a directory outside it where writeFakeGoroot wrote the fake GOROOT.
 * `original`: app.trace's bytes (read from the workspace when omitted).
 */
export function sourceVariants(opts: { workspace: string; goroot: string; original?: Uint8Array }): SourceVariant[] {
  const ws = opts.workspace.replace(/[\\/]+$/, '');
  const sep = ws.includes('\\') ? '\\' : '/';
  const original = opts.original ?? new Uint8Array(fs.readFileSync(path.join(ws, 'traces', 'app.trace')));
  const local = (relFile: string) => ws + sep + relFile.slice(MODULE_PREFIX.length).split('/').join(sep);
  const inGoroot = (stdFile: string) => path.join(opts.goroot, 'src', ...stdFile.split('/'));
  const out: SourceVariant[] = [];
  const add = (name: string, rule: VariantRule, rewrite: StringRewrite | undefined, settings: SourceVariant['settings'],
    frame: { func: string; file: string; line: number }, opens: string) => {
    out.push({
      name, rule, traceFile: `traces/variants/${name}.trace`,
      trace: rewrite ? rewriteTraceStrings(original, rewrite) : original,
      settings,
      click: { func: frame.func, file: rewrite ? recorded(rewrite, frame.file) : frame.file, line: frame.line },
      opens,
    });
  };

  // 1. The recorded path is the file's absolute path in the temporary workspace.
  add('absolute', 'absolute', moduleTo(ws + sep, sep), {}, FRAMES.annotate, local(FRAMES.annotate.file));

  // 2. Another machine's prefix, and a mapping from it to the workspace (POSIX and Windows).
  add('mapping', 'mapping', moduleTo('/home/ci/build/e2eapp/'),
    { pathMappings: { '/home/ci/build/e2eapp': '${workspaceFolder}' } }, FRAMES.annotate, local(FRAMES.annotate.file));
  add('mapping-windows', 'mapping', moduleTo('C:\\Users\\ci\\e2eapp\\', '\\'),
    { pathMappings: { 'c:/users/ci/e2eapp': ws } }, FRAMES.annotate, local(FRAMES.annotate.file));

  // 3. The trace as recorded (-trimpath): the workspace's go.mod says module example.com/e2eapp.
  add('module', 'module', undefined, {}, FRAMES.annotate, local(FRAMES.annotate.file));

  // 4. Standard library: as recorded (runtime/trace/annotation.go), and under foreign GOROOTs.
  add('goroot', 'goroot', undefined, { goroot: opts.goroot }, FRAMES.withRegion, inGoroot(FRAMES.withRegion.file));
  add('goroot-foreign', 'goroot', stdTo('/usr/lib/go-1.26/src/'), { goroot: opts.goroot }, FRAMES.withRegion, inGoroot(FRAMES.withRegion.file));
  add('goroot-windows', 'goroot', stdTo('C:\\Program Files\\Go\\src\\', '\\'), { goroot: opts.goroot }, FRAMES.gopark, inGoroot(FRAMES.gopark.file));

  // 5. A prefix that exists nowhere and no mapping: pipeline.go is found by its trailing segments.
  //    (In this variant annotate.go is NOT found, as testdata/decoy has another one: the
  //    "Locate File…" test clicks FRAMES.annotate here; see fixtures.md.)
  add('suffix', 'suffix', moduleTo('/nowhere/e2eapp/'), {}, FRAMES.crunchFunc1, local(FRAMES.crunchFunc1.file));
  return out;
}

/**
 * Writes a GOROOT of our own making under `goroot`: src/<file> for each of FAKE_GOROOT_FILES,
 * every line saying which line it is. Not Go's sources: only the paths and line counts matter.
 */
export function writeFakeGoroot(goroot: string): void {
  for (const [file, lines] of Object.entries(FAKE_GOROOT_FILES)) {
    const target = path.join(goroot, 'src', ...file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const text = Array.from({ length: lines }, (_, i) => `// fake GOROOT for the e2e tests: ${file} line ${i + 1}`).join('\n') + '\n';
    fs.writeFileSync(target, text);
  }
  fs.writeFileSync(path.join(goroot, 'VERSION'), 'go1.26-fake\n');
}
