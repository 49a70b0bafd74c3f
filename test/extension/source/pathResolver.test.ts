import * as assert from 'node:assert/strict';
import {
  addMapping, commonSuffixLength, deriveMapping, expandLocalPath, formatPath, gorootRelativeCandidates, joinLocal,
  parseModulePath, parsePath, resolveWith, ResolverEnv, SourceFrame, stripPrefix, SUFFIX_SEARCH_LIMIT,
} from '../../../src/extension/source/pathResolver.js';

/** An in-memory machine: files, settings, workspace folders, GOROOT. */
interface FakeOptions {
  files?: string[];
  mappings?: Record<string, unknown>;
  goroot?: string;
  folders?: string[];
  goMods?: Record<string, string>;
  home?: string;
  windows?: boolean;
}

function fakeEnv(o: FakeOptions): ResolverEnv & { isFileCalls: string[] } {
  const norm = (p: string) => (o.windows ? p.replace(/\//g, '\\').toLowerCase() : p);
  const files = new Set([...(o.files ?? []), ...Object.keys(o.goMods ?? {})].map(norm));
  const folders = o.folders ?? [];
  const inWorkspace = (p: string) => folders.some((f) => norm(p).startsWith(norm(f)));
  const calls: string[] = [];
  return {
    isFileCalls: calls,
    isFile: async (p) => {
      calls.push(p);
      return files.has(norm(p));
    },
    pathMappings: () => o.mappings ?? {},
    goroot: async () => o.goroot,
    workspaceFolders: () => folders,
    homeDir: () => o.home,
    findGoModFiles: async () => Object.keys(o.goMods ?? {}).filter(inWorkspace),
    readTextFile: async (p) => o.goMods?.[p],
    findFilesByName: async (name, limit) =>
      (o.files ?? []).filter((f) => inWorkspace(f) && parsePath(f).segments.at(-1) === name).slice(0, limit),
  };
}

const frame = (file: string, line = 10, func = 'main.main'): SourceFrame => ({ func, file, line });

async function resolve(file: string, o: FakeOptions) {
  return (await resolveWith(frame(file), fakeEnv(o))).resolved;
}

describe('pathResolver', () => {
  describe('paths', () => {
    it('parses POSIX, Windows drive, UNC and relative paths', () => {
      assert.deepEqual(parsePath('/usr/local/go/src/runtime/proc.go'),
        { root: '/', segments: ['usr', 'local', 'go', 'src', 'runtime', 'proc.go'], windows: false, sep: '/' });
      assert.deepEqual(parsePath('C:\\Program Files\\Go\\src\\runtime\\proc.go'),
        { root: 'C:', segments: ['Program Files', 'Go', 'src', 'runtime', 'proc.go'], windows: true, sep: '\\' });
      assert.deepEqual(parsePath('c:/Users/ci/app/main.go'),
        { root: 'c:', segments: ['Users', 'ci', 'app', 'main.go'], windows: true, sep: '/' });
      assert.deepEqual(parsePath('\\\\server\\share\\app\\main.go'),
        { root: '\\\\server\\share', segments: ['app', 'main.go'], windows: true, sep: '\\' });
      assert.deepEqual(parsePath('example.com/app/./pkg//x.go'),
        { root: '', segments: ['example.com', 'app', 'pkg', 'x.go'], windows: false, sep: '/' });
      // On POSIX a backslash is a file-name character.
      assert.deepEqual(parsePath('/tmp/a\\b.go').segments, ['tmp', 'a\\b.go']);
    });

    it('formats and joins in the base path\'s style', () => {
      assert.equal(formatPath('/', ['a', 'b'], '/'), '/a/b');
      assert.equal(formatPath('C:', ['a', 'b'], '\\'), 'C:\\a\\b');
      assert.equal(formatPath('C:', [], '\\'), 'C:\\');
      assert.equal(formatPath('', ['a', 'b'], '/'), 'a/b');
      assert.equal(joinLocal('/home/me/app/', ['pkg', 'x.go']), '/home/me/app/pkg/x.go');
      assert.equal(joinLocal('D:\\src\\app', ['pkg', 'x.go']), 'D:\\src\\app\\pkg\\x.go');
      assert.equal(joinLocal('D:\\', ['x.go']), 'D:\\x.go');
      assert.equal(joinLocal('/', ['x.go']), '/x.go');
      assert.equal(joinLocal('/a/b.go', []), '/a/b.go');
    });

    it('matches prefixes by whole segments, Windows ones without case', () => {
      assert.deepEqual(stripPrefix(parsePath('/build/app/x.go'), parsePath('/build/')), ['app', 'x.go']);
      assert.equal(stripPrefix(parsePath('/build/apple/x.go'), parsePath('/build/app')), undefined);
      assert.equal(stripPrefix(parsePath('/Build/app/x.go'), parsePath('/build')), undefined);
      assert.deepEqual(stripPrefix(parsePath('C:\\Build\\App\\x.go'), parsePath('c:/build')), ['App', 'x.go']);
      assert.equal(stripPrefix(parsePath('D:\\build\\x.go'), parsePath('C:\\build')), undefined);
      assert.equal(stripPrefix(parsePath('build/x.go'), parsePath('/build')), undefined);
      assert.deepEqual(stripPrefix(parsePath('example.com/app/x.go'), parsePath('example.com/app')), ['x.go']);
    });

    it('counts common trailing segments', () => {
      assert.equal(commonSuffixLength(parsePath('/a/b/c/x.go'), parsePath('/z/b/c/x.go')), 3);
      assert.equal(commonSuffixLength(parsePath('C:\\A\\Pkg\\X.go'), parsePath('/home/a/pkg/x.go')), 3);
      assert.equal(commonSuffixLength(parsePath('/a/x.go'), parsePath('/a/y.go')), 0);
    });

    it('expands ${workspaceFolder}, ${userHome}, ~ and relative settings', () => {
      const env = { workspaceFolders: () => ['/ws'], homeDir: () => '/home/me' };
      assert.equal(expandLocalPath('${workspaceFolder}/src', env), '/ws/src');
      assert.equal(expandLocalPath('~/go', env), '/home/me/go');
      assert.equal(expandLocalPath('${userHome}/go', env), '/home/me/go');
      assert.equal(expandLocalPath('vendor/x', env), '/ws/vendor/x');
      assert.equal(expandLocalPath('  ', env), undefined);
      assert.equal(expandLocalPath('${workspaceFolder}/x', { workspaceFolders: () => [] }), undefined);
    });
  });

  describe('go.mod', () => {
    it('reads the module path', () => {
      assert.equal(parseModulePath('module example.com/app\n\ngo 1.22\n'), 'example.com/app');
      assert.equal(parseModulePath('// comment\nmodule "example.com/q" // trailing\n'), 'example.com/q');
      assert.equal(parseModulePath('module `example.com/raw`\n'), 'example.com/raw');
      assert.equal(parseModulePath('module (\n'), undefined);
      assert.equal(parseModulePath('go 1.22\r\nmodule\texample.com/crlf\r\n'), 'example.com/crlf');
      assert.equal(parseModulePath('go 1.22\n'), undefined);
    });
  });

  describe('rule 1: the recorded absolute path', () => {
    it('is used when the file exists', async () => {
      assert.deepEqual(await resolve('/src/app/main.go', { files: ['/src/app/main.go'] }), { path: '/src/app/main.go', rule: 'absolute' });
    });

    it('is not tried for relative paths', async () => {
      const env = fakeEnv({ files: ['example.com/app/main.go'] });
      const r = await resolveWith(frame('example.com/app/main.go'), env);
      assert.equal(r.resolved, undefined);
      assert.ok(!env.isFileCalls.includes('example.com/app/main.go'));
    });

    it('works for a Windows path', async () => {
      const file = 'C:\\Users\\ci\\app\\main.go';
      assert.deepEqual(await resolve(file, { files: ['c:/users/ci/app/main.go'], windows: true }), { path: file, rule: 'absolute' });
    });

    it('reports an empty file name', async () => {
      const r = await resolveWith(frame(''), fakeEnv({}));
      assert.equal(r.resolved, undefined);
      assert.deepEqual(r.tried, ['the frame has no file name']);
    });
  });

  describe('rule 2: goTrace.pathMappings', () => {
    it('maps a foreign prefix to a local one', async () => {
      assert.deepEqual(
        await resolve('/home/ci/build/app/pkg/x.go', { mappings: { '/home/ci/build': '/ws' }, files: ['/ws/app/pkg/x.go'] }),
        { path: '/ws/app/pkg/x.go', rule: 'mapping' });
    });

    it('prefers the longest matching prefix', async () => {
      const mappings = { '/b': '/one', '/b/app': '/two', '/b/app/pkg': '/three' };
      const files = ['/one/app/pkg/x.go', '/two/pkg/x.go', '/three/x.go'];
      assert.deepEqual(await resolve('/b/app/pkg/x.go', { mappings, files }), { path: '/three/x.go', rule: 'mapping' });
    });

    it('falls back to a shorter prefix when the longest one has no file', async () => {
      const mappings = { '/b': '/one', '/b/app': '/two' };
      assert.deepEqual(await resolve('/b/app/x.go', { mappings, files: ['/one/app/x.go'] }), { path: '/one/app/x.go', rule: 'mapping' });
    });

    it('matches whole segments only', async () => {
      assert.equal(await resolve('/build/apple/x.go', { mappings: { '/build/app': '/ws' }, files: ['/ws/le/x.go', '/wsle/x.go'] }), undefined);
    });

    it('maps Windows recorded paths, either slash, any case', async () => {
      const files = ['/ws/app/main.go'];
      assert.deepEqual(await resolve('C:\\Users\\CI\\go\\app\\main.go', { mappings: { 'c:/users/ci/go': '/ws' }, files }),
        { path: '/ws/app/main.go', rule: 'mapping' });
      assert.deepEqual(await resolve('C:/Users/ci/go/app/main.go', { mappings: { 'C:\\Users\\ci\\go\\': '/ws' }, files }),
        { path: '/ws/app/main.go', rule: 'mapping' });
    });

    it('maps to a Windows local prefix with backslashes', async () => {
      assert.deepEqual(
        await resolve('/home/ci/app/pkg/x.go', { mappings: { '/home/ci': 'D:\\src' }, files: ['D:\\src\\app\\pkg\\x.go'], windows: true }),
        { path: 'D:\\src\\app\\pkg\\x.go', rule: 'mapping' });
    });

    it('maps module paths and whole files, expands ${workspaceFolder}, ignores bad entries', async () => {
      const mappings = { 'example.com/app': '${workspaceFolder}/app', '/x/one.go': '/ws/two.go', '': '/nope', '/y': 42 };
      const o = { mappings, folders: ['/ws'], files: ['/ws/app/pkg/x.go', '/ws/two.go'] };
      assert.deepEqual(await resolve('example.com/app/pkg/x.go', o), { path: '/ws/app/pkg/x.go', rule: 'mapping' });
      assert.deepEqual(await resolve('/x/one.go', o), { path: '/ws/two.go', rule: 'mapping' });
      assert.equal(await resolve('/y/z.go', { mappings }), undefined);
    });

    it('comes after the recorded path', async () => {
      assert.deepEqual(
        await resolve('/src/app/main.go', { files: ['/src/app/main.go', '/ws/app/main.go'], mappings: { '/src': '/ws' } }),
        { path: '/src/app/main.go', rule: 'absolute' });
    });
  });

  describe('rule 3: go.mod module paths', () => {
    const goMods = {
      '/ws/go.mod': 'module example.com/app\n\ngo 1.22\n',
      '/ws/tools/go.mod': 'module example.com/app/tools\n',
      '/ws/third/dep/go.mod': 'module example.com/dep\n',
    };
    const files = ['/ws/pkg/x.go', '/ws/tools/gen/main.go', '/ws/third/dep/d.go', '/ws/tools/tools/gen/main.go'];

    it('maps a -trimpath path to the module\'s directory', async () => {
      assert.deepEqual(await resolve('example.com/app/pkg/x.go', { goMods, files, folders: ['/ws'] }), { path: '/ws/pkg/x.go', rule: 'module' });
    });

    it('prefers the longest module path (a nested go.mod)', async () => {
      assert.deepEqual(await resolve('example.com/app/tools/gen/main.go', { goMods, files, folders: ['/ws'] }),
        { path: '/ws/tools/gen/main.go', rule: 'module' });
    });

    it('accepts a version after the module path (a dependency built with -trimpath)', async () => {
      assert.deepEqual(await resolve('example.com/dep@v1.2.3/d.go', { goMods, files, folders: ['/ws'] }),
        { path: '/ws/third/dep/d.go', rule: 'module' });
    });

    it('does not match a module path that is only a string prefix', async () => {
      const r = await resolveWith(frame('example.com/apple/pkg/x.go'), fakeEnv({ goMods, files, folders: ['/ws'] }));
      assert.equal(r.resolved?.rule, 'suffix'); // found by rule 5 instead, not by the module
    });

    it('works with Windows workspace paths', async () => {
      assert.deepEqual(
        await resolve('example.com/app/pkg/x.go', { goMods: { 'C:\\ws\\go.mod': 'module example.com/app\n' }, files: ['C:\\ws\\pkg\\x.go'], folders: ['C:\\ws'], windows: true }),
        { path: 'C:\\ws\\pkg\\x.go', rule: 'module' });
    });

    it('comes after the path mappings', async () => {
      assert.deepEqual(
        await resolve('example.com/app/pkg/x.go', { goMods, files: [...files, '/other/pkg/x.go'], folders: ['/ws'], mappings: { 'example.com/app': '/other' } }),
        { path: '/other/pkg/x.go', rule: 'mapping' });
    });
  });

  describe('rule 4: GOROOT', () => {
    const goroot = '/opt/go';
    const files = ['/opt/go/src/runtime/proc.go', '/opt/go/src/runtime/trace/annotation.go', '/opt/go/src/go/ast/ast.go'];

    it('finds -trimpath standard-library paths', async () => {
      assert.deepEqual(await resolve('runtime/proc.go', { goroot, files }), { path: '/opt/go/src/runtime/proc.go', rule: 'goroot' });
      assert.deepEqual(await resolve('runtime/trace/annotation.go', { goroot, files }),
        { path: '/opt/go/src/runtime/trace/annotation.go', rule: 'goroot' });
      assert.deepEqual(await resolve('$GOROOT/src/runtime/proc.go', { goroot, files }), { path: '/opt/go/src/runtime/proc.go', rule: 'goroot' });
    });

    it('finds files under another machine\'s GOROOT', async () => {
      for (const recorded of ['/usr/local/go/src/runtime/proc.go', '/usr/lib/go-1.26/src/runtime/proc.go', '/home/u/sdk/go1.26.1/src/runtime/proc.go']) {
        assert.deepEqual(await resolve(recorded, { goroot, files }), { path: '/opt/go/src/runtime/proc.go', rule: 'goroot' }, recorded);
      }
    });

    it('finds files under a Windows GOROOT, and into a Windows GOROOT', async () => {
      assert.deepEqual(await resolve('C:\\Program Files\\Go\\src\\runtime\\proc.go', { goroot, files }),
        { path: '/opt/go/src/runtime/proc.go', rule: 'goroot' });
      assert.deepEqual(await resolve('C:/Program Files/Go/src/runtime/proc.go', { goroot, files }),
        { path: '/opt/go/src/runtime/proc.go', rule: 'goroot' });
      assert.deepEqual(await resolve('runtime/proc.go', { goroot: 'C:\\Go', files: ['C:\\Go\\src\\runtime\\proc.go'], windows: true }),
        { path: 'C:\\Go\\src\\runtime\\proc.go', rule: 'goroot' });
    });

    it('picks the src followed by a standard-library package', () => {
      assert.deepEqual(gorootRelativeCandidates(parsePath('/home/u/src/go/src/go/ast/ast.go')), [['go', 'src', 'go', 'ast', 'ast.go'], ['go', 'ast', 'ast.go']]);
      assert.deepEqual(gorootRelativeCandidates(parsePath('/home/u/src/myapp/x.go')), []);
      assert.deepEqual(gorootRelativeCandidates(parsePath('example.com/app/x.go')), []);
      assert.deepEqual(gorootRelativeCandidates(parsePath('main.go')), []);
    });

    it('tries every candidate src', async () => {
      assert.deepEqual(await resolve('/home/u/src/go/src/go/ast/ast.go', { goroot, files }), { path: '/opt/go/src/go/ast/ast.go', rule: 'goroot' });
    });

    it('says so when GOROOT is unknown', async () => {
      const r = await resolveWith(frame('runtime/proc.go'), fakeEnv({ files }));
      assert.equal(r.resolved, undefined);
      assert.ok(r.tried.includes('GOROOT (unknown: set goTrace.goroot)'), r.tried.join('; '));
    });

    it('comes after the recorded path, the mappings and the modules', async () => {
      const all = [...files, '/usr/local/go/src/runtime/proc.go', '/m/runtime/proc.go'];
      assert.equal((await resolve('/usr/local/go/src/runtime/proc.go', { goroot, files: all }))?.rule, 'absolute');
      assert.deepEqual(await resolve('/usr/lib/go/src/runtime/proc.go', { goroot, files: all, mappings: { '/usr/lib/go/src': '/m' } }),
        { path: '/m/runtime/proc.go', rule: 'mapping' });
      assert.deepEqual(
        await resolve('runtime/proc.go', { goroot, files: [...files, '/ws/proc.go'], folders: ['/ws'], goMods: { '/ws/go.mod': 'module runtime\n' } }),
        { path: '/ws/proc.go', rule: 'module' });
    });
  });

  describe('rule 5: workspace search by trailing segments', () => {
    const folders = ['/ws'];

    it('finds the one file sharing the longest tail', async () => {
      const files = ['/ws/a/pkg/util.go', '/ws/b/other/util.go', '/ws/c/util.go'];
      assert.deepEqual(await resolve('/ci/build/pkg/util.go', { folders, files }), { path: '/ws/a/pkg/util.go', rule: 'suffix' });
    });

    it('gives up when the longest tail is shared by two files', async () => {
      const files = ['/ws/a/pkg/util.go', '/ws/b/pkg/util.go'];
      const r = await resolveWith(frame('/ci/build/pkg/util.go'), fakeEnv({ folders, files }));
      assert.equal(r.resolved, undefined);
      assert.ok(r.tried.includes('2 files in the workspace end in pkg/util.go'), r.tried.join('; '));
    });

    it('accepts a unique base name', async () => {
      assert.deepEqual(await resolve('/ci/x/main.go', { folders, files: ['/ws/cmd/main.go'] }), { path: '/ws/cmd/main.go', rule: 'suffix' });
    });

    it('does not trust a base-name-only match when the search was cut short', async () => {
      const files = Array.from({ length: SUFFIX_SEARCH_LIMIT }, (_, i) => `/ws/d${i}/main.go`);
      assert.equal((await resolve('/ci/x/main.go', { folders, files: [files[0]] }))?.rule, 'suffix');
      // SUFFIX_SEARCH_LIMIT files that share only the base name: the one wanted may be past the limit.
      assert.equal(await resolve('/ci/x/main.go', { folders, files: [...files, '/ws/zz/x/main.go'] }), undefined);
      // A longer shared tail within the limit is still trusted.
      assert.deepEqual(await resolve('/ci/x/main.go', { folders, files: [...files.slice(1), '/ws/zz/x/main.go'] }),
        { path: '/ws/zz/x/main.go', rule: 'suffix' });
    });

    it('matches Windows recorded paths against local ones', async () => {
      assert.deepEqual(await resolve('C:\\ci\\build\\Pkg\\util.go', { folders, files: ['/ws/pkg/util.go', '/ws/other/util.go'] }),
        { path: '/ws/pkg/util.go', rule: 'suffix' });
    });

    it('needs a workspace', async () => {
      assert.equal(await resolve('/ci/x/main.go', { files: ['/ws/cmd/main.go'] }), undefined);
    });

    it('comes last', async () => {
      const files = ['/opt/go/src/runtime/proc.go', '/ws/vendor/runtime/proc.go'];
      assert.equal((await resolve('runtime/proc.go', { goroot: '/opt/go', folders, files }))?.rule, 'goroot');
      assert.equal((await resolve('runtime/proc.go', { folders, files }))?.rule, 'suffix');
    });
  });

  describe('nothing found', () => {
    it('lists what was tried', async () => {
      const r = await resolveWith(frame('/usr/local/go/src/runtime/proc.go'),
        fakeEnv({ folders: ['/ws'], goroot: '/opt/go', mappings: { '/x': '/y' } }));
      assert.equal(r.resolved, undefined);
      assert.deepEqual(r.tried, ['the recorded path', '0 of 1 goTrace.pathMappings matching', 'GOROOT /opt/go', 'no proc.go in the workspace']);
    });
  });

  describe('remembered mappings', () => {
    it('derives the prefix pair from the common tail', () => {
      assert.deepEqual(deriveMapping('/home/ci/build/app/pkg/x.go', '/ws/app/pkg/x.go'), { from: '/home/ci/build', to: '/ws' });
      assert.deepEqual(deriveMapping('/usr/local/go/src/runtime/proc.go', '/home/me/sdk/go1.26/src/runtime/proc.go'),
        { from: '/usr/local/go', to: '/home/me/sdk/go1.26' });
      assert.deepEqual(deriveMapping('example.com/app/pkg/x.go', '/home/me/app/pkg/x.go'), { from: 'example.com', to: '/home/me' });
    });

    it('keeps at least one recorded segment', () => {
      assert.deepEqual(deriveMapping('/app/pkg/x.go', '/ws/app/pkg/x.go'), { from: '/app', to: '/ws/app' });
      assert.deepEqual(deriveMapping('app/x.go', '/ws/app/x.go'), { from: 'app', to: '/ws/app' });
      assert.deepEqual(deriveMapping('main.go', '/ws/main.go'), { from: 'main.go', to: '/ws/main.go' });
    });

    it('maps the whole file when the names differ', () => {
      assert.deepEqual(deriveMapping('/ci/a/old.go', '/ws/a/new.go'), { from: '/ci/a/old.go', to: '/ws/a/new.go' });
    });

    it('keeps each side\'s style for Windows paths', () => {
      assert.deepEqual(deriveMapping('C:\\Users\\ci\\app\\pkg\\x.go', '/ws/app/pkg/x.go'), { from: 'C:\\Users\\ci', to: '/ws' });
      assert.deepEqual(deriveMapping('/home/ci/app/Pkg/x.go', 'd:\\src\\app\\pkg\\x.go'), { from: '/home/ci', to: 'd:\\src' });
      assert.deepEqual(deriveMapping('C:/ci/app/x.go', 'C:\\ws\\app\\x.go'), { from: 'C:/ci', to: 'C:\\ws' });
    });

    it('resolves the next frame under the same prefix by rule 2', async () => {
      const m = deriveMapping('/home/ci/build/app/pkg/x.go', '/ws/app/pkg/x.go');
      const mappings = addMapping({ '/other': '/o' }, m);
      assert.deepEqual(mappings, { '/other': '/o', '/home/ci/build': '/ws' });
      assert.deepEqual(await resolve('/home/ci/build/app/cmd/main.go', { mappings, files: ['/ws/app/cmd/main.go'] }),
        { path: '/ws/app/cmd/main.go', rule: 'mapping' });
    });

    it('replaces an entry for the same prefix written another way', () => {
      assert.deepEqual(addMapping({ 'C:\\ci\\': '/a', '/b': '/b' }, { from: 'c:/ci', to: '/new' }), { '/b': '/b', 'c:/ci': '/new' });
      assert.deepEqual(addMapping(undefined, { from: '/x', to: '/y' }), { '/x': '/y' });
    });
  });

  describe('paths holding characters Go escapes (a hostile trace)', () => {
    const hostile = ['\uFEFF', '\u2028', '\u2029', '\u202E', '\u200B', '\u0085', '\u00A0', '\u3000', ' '];

    it('never opens the file the path names without them: nothing is trimmed or normalized away', async () => {
      for (const c of hostile) {
        const files = ['/ws/main.go', '/ws/app/main.go'];
        const env = () => fakeEnv({ files, folders: ['/ws'], goMods: { '/ws/app/go.mod': 'module example.com/app' } });
        for (const file of [`/ws/main.go${c}`, `/ws/${c}main.go`, `example.com/app/main.go${c}`, `example.com/app${c}/x/main.go${c}`]) {
          const r = await resolveWith(frame(file), env());
          assert.equal(r.resolved, undefined, `${JSON.stringify(file)} resolved to ${JSON.stringify(r.resolved)}`);
        }
        // Not the absolute path /ws/main.go: a relative one whose first segment is "${c}ws" (the
        // suffix rule may still pick a workspace main.go, as for any recorded path ending so).
        const r = await resolveWith(frame(`${c}/ws/main.go`), env());
        assert.notEqual(r.resolved?.rule, 'absolute', JSON.stringify(c));
      }
    });

    it('opens the file of exactly that name when it exists, by any rule', async () => {
      const name = 'evil\u202Egnp\u200B.go';
      assert.deepEqual(await resolve(`/ws/${name}`, { files: [`/ws/${name}`] }), { path: `/ws/${name}`, rule: 'absolute' });
      assert.deepEqual(await resolve(`/ci/${name}`, { mappings: { '/ci': '/ws' }, files: [`/ws/${name}`, '/ws/evilgnp.go'] }), { path: `/ws/${name}`, rule: 'mapping' });
      assert.deepEqual(await resolve(`/ci/x/${name}`, { folders: ['/ws'], files: [`/ws/x/${name}`, '/ws/x/evilgnp.go'] }), { path: `/ws/x/${name}`, rule: 'suffix' });
    });

    it('a mapping whose recorded prefix starts with U+FEFF is not the one without it', async () => {
      assert.equal(await resolve('/ci/main.go', { mappings: { '\uFEFF/ci': '/ws' }, files: ['/ws/main.go'] }), undefined);
      assert.deepEqual(deriveMapping('\uFEFF/ci/app/x.go', '/ws/app/x.go'), { from: '\uFEFF/ci', to: '/ws' });
    });

    it('a path with ".." is tried only as recorded: never rebased onto a mapping, module, GOROOT or workspace file', async () => {
      const files = ['/etc/passwd', '/ws/passwd', '/opt/go/src/passwd'];
      const o = { files, folders: ['/ws'], goroot: '/opt/go', mappings: { '/ci': '/ws/sub' }, goMods: { '/ws/go.mod': 'module example.com/app' } };
      for (const file of ['/ci/../../etc/passwd', 'example.com/app/../../../etc/passwd', 'runtime/../../passwd', '/x/../passwd']) {
        const r = await resolveWith(frame(file), fakeEnv(o));
        assert.equal(r.resolved, undefined, `${file}: ${JSON.stringify(r.resolved)}`);
        assert.ok(r.tried.some((t) => t.includes('".."')), r.tried.join('; '));
      }
      assert.deepEqual(await resolve('/ws/a/../passwd', { files: ['/ws/a/../passwd'] }), { path: '/ws/a/../passwd', rule: 'absolute' });
    });
  });
});
