/**
 * Where is the source file of a trace frame on this machine? Pure logic: everything it needs
 * from VS Code (files, settings, the workspace, GOROOT) comes through `ResolverEnv`, so it is
 * unit-tested without VS Code. The VS Code side is `resolveSourcePath.ts`.
 *
 * A frame's file is whatever the recording machine's compiler wrote: an absolute path there
 * (`/home/ci/app/main.go`, `C:\Users\ci\app\main.go`), a module path (`example.com/app/main.go`,
 * built with -trimpath), a standard-library path (`runtime/proc.go`, -trimpath) or an absolute
 * path under that machine's GOROOT (`/usr/local/go/src/runtime/proc.go`). The rules, in order:
 *
 *   1. absolute  the recorded path, if it is absolute and a file exists there;
 *   2. mapping   `goTrace.pathMappings` (recorded prefix -> local prefix), longest prefix first;
 *   3. module    a go.mod in the workspace whose module path is a prefix of the recorded path;
 *   4. goroot    the local GOROOT, for standard-library files;
 *   5. suffix    the one workspace file sharing the longest trailing path segments.
 *
 * Paths are compared segment by segment, so `/build/app` is no prefix of `/build/apple/x.go`.
 * Windows paths (drive letters, UNC, backslashes) are compared without regard to case.
 *
 * The recorded path is taken exactly as the trace has it: never trimmed or normalized (a
 * U+FEFF, U+2028 or U+202E in it is part of the name, and dropping it could name another file).
 * A path with a `..` segment gets only rule 1: rebased onto a mapping, a module, GOROOT or a
 * workspace file, it could climb out of it.
 */

/** A frame as the webview sends it (FrameRef in src/shared/protocol.ts). */
export interface SourceFrame {
  func: string;
  file: string;
  line: number;
}

export type ResolutionRule = 'absolute' | 'mapping' | 'module' | 'goroot' | 'suffix';

export interface Resolution {
  /** Local path of the file, in the form the environment gave (what `isFile` accepted). */
  path: string;
  rule: ResolutionRule;
}

export interface ResolveResult {
  resolved: Resolution | undefined;
  /** What was tried, in order, one short phrase each: for the "not found" message. */
  tried: string[];
}

/** Everything the resolver needs from the editor and the machine. */
export interface ResolverEnv {
  /** True when a regular file exists at this local path. */
  isFile(path: string): Promise<boolean>;
  /** The `goTrace.pathMappings` setting: recorded prefix -> local prefix. */
  pathMappings(): Readonly<Record<string, unknown>>;
  /** The local GOROOT (setting, else `go env GOROOT`), or undefined when unknown. */
  goroot(): Promise<string | undefined>;
  /** Local paths of the workspace folders, first one first. */
  workspaceFolders(): readonly string[];
  /** The user's home directory, for `~` in settings; optional. */
  homeDir?(): string | undefined;
  /** go.mod files in the workspace: the folders' own and nested ones (bounded by the env). */
  findGoModFiles(): Promise<readonly string[]>;
  readTextFile(path: string): Promise<string | undefined>;
  /** Workspace files whose base name is `name` exactly, at most `limit` of them. */
  findFilesByName(name: string, limit: number): Promise<readonly string[]>;
}

/** Most files the suffix search looks at. */
export const SUFFIX_SEARCH_LIMIT = 200;

/**
 * Top-level directories of GOROOT/src: a `src` segment followed by one of these is taken for the
 * `src` of a GOROOT. (`cmd` and `vendor` hold the toolchain's and std's own dependencies.)
 */
export const STD_ROOTS: ReadonlySet<string> = new Set([
  'archive', 'bufio', 'builtin', 'bytes', 'cmd', 'cmp', 'compress', 'container', 'context', 'crypto',
  'database', 'debug', 'embed', 'encoding', 'errors', 'expvar', 'flag', 'fmt', 'go', 'hash', 'html',
  'image', 'index', 'internal', 'io', 'iter', 'log', 'maps', 'math', 'mime', 'net', 'os', 'path',
  'plugin', 'reflect', 'regexp', 'runtime', 'slices', 'sort', 'strconv', 'strings', 'structs', 'sync',
  'syscall', 'testing', 'text', 'time', 'unicode', 'unique', 'unsafe', 'vendor', 'weak',
]);

// ---------------------------------------------------------------------------------------------
// Paths as segments

export interface ParsedPath {
  /** '' (relative), '/' (POSIX), 'C:' (drive; as written) or '\\server\share' (UNC, as written). */
  root: string;
  segments: string[];
  /** A Windows path: drive letter, UNC, or backslash separators. Compared without case. */
  windows: boolean;
  /** The separator the path was written with. */
  sep: '/' | '\\';
}

const DRIVE = /^([A-Za-z]:)(?:[\\/]|$)/;

/** Splits a path into root and segments; `.` and empty segments are dropped. */
export function parsePath(p: string): ParsedPath {
  const drive = DRIVE.exec(p);
  const unc = /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.exec(p);
  const windows = drive !== null || (unc !== null && p.startsWith('\\')) || (p.includes('\\') && !p.startsWith('/'));
  const sep: '/' | '\\' = windows && p.includes('\\') ? '\\' : '/';
  let root = '';
  let rest = p;
  if (drive) {
    root = drive[1];
    rest = p.slice(root.length);
  } else if (windows && unc) {
    root = unc[0];
    rest = p.slice(root.length);
  } else if (p.startsWith('/') || (windows && p.startsWith('\\'))) {
    root = windows ? '\\' : '/';
    rest = p.slice(1);
  }
  const segments = rest.split(windows ? /[\\/]+/ : /\/+/).filter((s) => s !== '' && s !== '.');
  return { root, segments, windows, sep };
}

export function formatPath(root: string, segments: readonly string[], sep: '/' | '\\'): string {
  const body = segments.join(sep);
  if (root === '') return body;
  if (root === '/' || root === '\\') return root + body;
  return body === '' ? root + sep : root + sep + body;
}

function segEq(a: string, b: string, ignoreCase: boolean): boolean {
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function rootsEqual(a: ParsedPath, b: ParsedPath): boolean {
  if (a.root === '' || b.root === '') return a.root === b.root;
  const norm = (r: string) => r.replace(/\\/g, '/').toLowerCase();
  return (a.windows || b.windows) ? norm(a.root) === norm(b.root) : a.root === b.root;
}

/** The segments of `file` after `prefix`, or undefined when `prefix` is not a prefix of it. */
export function stripPrefix(file: ParsedPath, prefix: ParsedPath): string[] | undefined {
  if (!rootsEqual(file, prefix)) return undefined;
  if (prefix.segments.length > file.segments.length) return undefined;
  const ci = file.windows || prefix.windows;
  for (let i = 0; i < prefix.segments.length; i++) {
    if (!segEq(file.segments[i], prefix.segments[i], ci)) return undefined;
  }
  return file.segments.slice(prefix.segments.length);
}

/** How many trailing segments two paths share. */
export function commonSuffixLength(a: ParsedPath, b: ParsedPath): number {
  const ci = a.windows || b.windows;
  let k = 0;
  while (k < a.segments.length && k < b.segments.length &&
    segEq(a.segments[a.segments.length - 1 - k], b.segments[b.segments.length - 1 - k], ci)) k++;
  return k;
}

/** `base` (a local directory, any style) joined with `rest`, in `base`'s style. */
export function joinLocal(base: string, rest: readonly string[]): string {
  if (rest.length === 0) return base;
  const sep = base.includes('\\') ? '\\' : '/';
  const trimmed = base.replace(/[\\/]+$/, '');
  if (trimmed === '') return (base === '' ? '' : base[0]) + rest.join(sep);
  return trimmed + sep + rest.join(sep);
}

/** Expands `${workspaceFolder}`, `${userHome}` and a leading `~` in a local path from a setting. */
export function expandLocalPath(value: string, env: Pick<ResolverEnv, 'workspaceFolders' | 'homeDir'>): string | undefined {
  let out = value.trim();
  if (out === '') return undefined;
  const folder = env.workspaceFolders()[0];
  const home = env.homeDir?.();
  if (out.includes('${workspaceFolder}')) {
    if (folder === undefined) return undefined;
    out = out.split('${workspaceFolder}').join(folder);
  }
  if (out.includes('${userHome}')) {
    if (home === undefined) return undefined;
    out = out.split('${userHome}').join(home);
  }
  if (out === '~' || out.startsWith('~/') || out.startsWith('~\\')) {
    if (home === undefined) return undefined;
    out = home + out.slice(1);
  }
  if (parsePath(out).root === '') {
    // A relative local path is relative to the first workspace folder.
    if (folder === undefined) return undefined;
    out = joinLocal(folder, parsePath(out).segments);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// go.mod

/** The module path declared in a go.mod, or undefined. */
export function parseModulePath(goMod: string): string | undefined {
  for (const raw of goMod.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = /^module\s*(?:\(\s*)?("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s()]+)/.exec(line);
    if (!m) continue;
    let path = m[1];
    if (path.startsWith('"')) {
      try {
        path = JSON.parse(path) as string;
      } catch {
        return undefined;
      }
    } else if (path.startsWith('`')) {
      path = path.slice(1, -1);
    }
    return path === '' ? undefined : path;
  }
  return undefined;
}

/**
 * The segments of `file` after module path `mod`; a version in the recorded path's last module
 * segment (`example.com/dep@v1.2.3/x.go`, a dependency built with -trimpath) is allowed.
 */
function stripModulePath(file: ParsedPath, mod: string[]): string[] | undefined {
  if (file.root !== '' || mod.length === 0 || mod.length >= file.segments.length) return undefined;
  for (let i = 0; i < mod.length; i++) {
    const seg = file.segments[i];
    if (seg === mod[i]) continue;
    if (i === mod.length - 1 && seg.startsWith(mod[i] + '@')) continue;
    return undefined;
  }
  return file.segments.slice(mod.length);
}

// ---------------------------------------------------------------------------------------------
// The rules

/** Where a standard-library file would be under GOROOT/src: candidate paths relative to src. */
export function gorootRelativeCandidates(file: ParsedPath): string[][] {
  const segs = file.segments;
  const out: string[][] = [];
  if (segs.length >= 2 && segs[0] === '$GOROOT') {
    // Older -trimpath builds (GOROOT_FINAL) wrote $GOROOT/src/runtime/proc.go.
    if (segs[1] === 'src' && segs.length >= 3) out.push(segs.slice(2));
    return out;
  }
  if (file.root === '') {
    // -trimpath: runtime/proc.go. A standard-library import path has no dot in its first element.
    if (segs.length >= 2 && !segs[0].includes('.') && !segs[0].includes('@')) out.push(segs);
    return out;
  }
  // An absolute path under another machine's GOROOT: .../src/<std package>/<file>.
  for (let i = 0; i + 2 < segs.length; i++) {
    const isSrc = file.windows ? segs[i].toLowerCase() === 'src' : segs[i] === 'src';
    if (isSrc && STD_ROOTS.has(segs[i + 1])) out.push(segs.slice(i + 1));
  }
  return out;
}

/** A setting's spaces and tabs off its ends; not String.trim, which also drops U+FEFF, U+2028... that a recorded path may hold. */
const asciiTrim = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/g, '');

/** Finds the local file for a frame, trying the rules in order. */
export async function resolveWith(frame: SourceFrame, env: ResolverEnv): Promise<ResolveResult> {
  const tried: string[] = [];
  const file = frame.file;
  if (file === '' || file === '?') {
    tried.push('the frame has no file name');
    return { resolved: undefined, tried };
  }
  const parsed = parsePath(file);
  if (parsed.segments.length === 0) {
    tried.push('the frame has no file name');
    return { resolved: undefined, tried };
  }
  const checked = new Set<string>();
  const exists = async (p: string): Promise<boolean> => {
    if (checked.has(p)) return false;
    checked.add(p);
    return env.isFile(p);
  };
  const found = (path: string, rule: ResolutionRule): ResolveResult => ({ resolved: { path, rule }, tried });

  // 1. The recorded path itself.
  if (parsed.root !== '') {
    if (await exists(file)) return found(file, 'absolute');
    tried.push('the recorded path');
  }
  if (parsed.segments.includes('..')) {
    tried.push('no other place (the path has a ".." segment)');
    return { resolved: undefined, tried };
  }

  // 2. Path mappings, longest recorded prefix first.
  const mappings = Object.entries(env.pathMappings())
    .filter((e): e is [string, string] => typeof e[1] === 'string' && asciiTrim(e[0]) !== '')
    .map(([from, to]) => ({ from: parsePath(asciiTrim(from)), to }))
    .filter((m) => m.from.segments.length > 0 || m.from.root !== '')
    .sort((a, b) => b.from.segments.length - a.from.segments.length);
  let mapped = 0;
  for (const m of mappings) {
    const rest = stripPrefix(parsed, m.from);
    if (!rest) continue;
    mapped++;
    const local = expandLocalPath(m.to, env);
    if (local !== undefined && await exists(joinLocal(local, rest))) return found(joinLocal(local, rest), 'mapping');
  }
  tried.push(mappings.length === 0 ? 'no goTrace.pathMappings' : `${mapped} of ${mappings.length} goTrace.pathMappings matching`);

  // 3. Modules in the workspace (-trimpath paths start with the module path).
  if (parsed.root === '') {
    const modules: { dir: string; mod: string[] }[] = [];
    for (const goMod of await env.findGoModFiles()) {
      const text = await env.readTextFile(goMod);
      const mod = text === undefined ? undefined : parseModulePath(text);
      if (mod === undefined) continue;
      const p = parsePath(goMod);
      modules.push({ dir: formatPath(p.root, p.segments.slice(0, -1), p.sep), mod: mod.split('/').filter((s) => s !== '') });
    }
    modules.sort((a, b) => b.mod.length - a.mod.length);
    for (const m of modules) {
      const rest = stripModulePath(parsed, m.mod);
      if (rest && await exists(joinLocal(m.dir, rest))) return found(joinLocal(m.dir, rest), 'module');
    }
    tried.push(modules.length === 0 ? 'no go.mod in the workspace' : `the workspace's modules (${modules.map((m) => m.mod.join('/')).join(', ')})`);
  }

  // 4. GOROOT, for the standard library.
  const relative = gorootRelativeCandidates(parsed);
  if (relative.length > 0) {
    const goroot = await env.goroot();
    if (goroot === undefined) {
      tried.push('GOROOT (unknown: set goTrace.goroot)');
    } else {
      const src = joinLocal(goroot, ['src']);
      for (const rest of relative) {
        if (await exists(joinLocal(src, rest))) return found(joinLocal(src, rest), 'goroot');
      }
      tried.push(`GOROOT ${goroot}`);
    }
  }

  // 5. The workspace file that shares the longest unique tail of the path.
  const name = parsed.segments[parsed.segments.length - 1];
  if (env.workspaceFolders().length > 0) {
    const hits = await env.findFilesByName(name, SUFFIX_SEARCH_LIMIT);
    const truncated = hits.length >= SUFFIX_SEARCH_LIMIT;
    let best = 0;
    let bestPaths: string[] = [];
    for (const hit of hits) {
      const k = commonSuffixLength(parsed, parsePath(hit));
      if (k > best) {
        best = k;
        bestPaths = [hit];
      } else if (k === best && k > 0 && !bestPaths.includes(hit)) {
        bestPaths.push(hit);
      }
    }
    // With the search cut short, another file might share the same tail: only trust a longer one.
    if (bestPaths.length === 1 && (!truncated || best >= 2) && await env.isFile(bestPaths[0])) {
      return found(bestPaths[0], 'suffix');
    }
    tried.push(hits.length === 0 ? `no ${name} in the workspace`
      : bestPaths.length > 1 ? `${bestPaths.length} files in the workspace end in ${suffixText(parsed, best)}`
      : `the workspace's ${name} files`);
  }
  return { resolved: undefined, tried };
}

function suffixText(p: ParsedPath, k: number): string {
  return p.segments.slice(p.segments.length - k).join('/');
}

// ---------------------------------------------------------------------------------------------
// Remembering what the user picked

export interface PathMapping {
  /** Prefix of recorded paths, in the recorded path's style. */
  from: string;
  /** Local prefix, in the chosen path's style. */
  to: string;
}

/**
 * The mapping that turns `recorded` into `chosen`: both minus their common trailing segments.
 * The recorded side keeps at least one segment (a mapping of `/` or of nothing would swallow
 * every frame). Without a common tail (the user picked a file of another name) the mapping is
 * the whole file.
 */
export function deriveMapping(recorded: string, chosen: string): PathMapping {
  const r = parsePath(recorded);
  const c = parsePath(chosen);
  let k = commonSuffixLength(r, c);
  k = Math.min(k, r.segments.length - 1);
  if (k <= 0) return { from: recorded, to: chosen };
  return {
    from: formatPath(r.root, r.segments.slice(0, r.segments.length - k), r.sep),
    to: formatPath(c.root, c.segments.slice(0, c.segments.length - k), c.sep),
  };
}

/** `existing` with `m` added; an entry for the same prefix (same path, ignoring style) is replaced. */
export function addMapping(existing: Readonly<Record<string, unknown>> | undefined, m: PathMapping): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const key = parsePath(m.from);
  for (const [from, to] of Object.entries(existing ?? {})) {
    const p = parsePath(from);
    const same = p.segments.length === key.segments.length && stripPrefix(p, key)?.length === 0;
    if (!same) out[from] = to;
  }
  out[m.from] = m.to;
  return out;
}
