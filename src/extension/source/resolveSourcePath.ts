/**
 * The VS Code side of source resolution: builds a `ResolverEnv` over the workspace, the settings
 * and the file system, runs the rules of `pathResolver.ts`, and when nothing matches asks the user
 * to locate the file, remembering the answer in `goTrace.pathMappings`.
 *
 * Settings (declared in package.json):
 *   goTrace.pathMappings  object, recorded prefix -> local prefix (`${workspaceFolder}`, `~` allowed)
 *   goTrace.goroot        string, the local GOROOT; when empty, `go env GOROOT` is asked once
 */
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { addMapping, deriveMapping, expandLocalPath, parsePath, ResolverEnv, resolveWith, SourceFrame } from './pathResolver.js';

const SECTION = 'goTrace';
/** Most go.mod files looked at (the workspace folders' own and nested ones). */
const GO_MOD_LIMIT = 50;
/** Folders no search descends into. */
const EXCLUDE = '**/{node_modules,.git}/**';
const GO_ENV_TIMEOUT_MS = 5000;

let goEnvRoot: Promise<string | undefined> | undefined;

/** `go env GOROOT`, asked once per session; undefined when `go` is missing, slow or fails. */
function goEnvGoroot(): Promise<string | undefined> {
  goEnvRoot ??= new Promise((resolve) => {
    try {
      execFile('go', ['env', 'GOROOT'], {
        timeout: GO_ENV_TIMEOUT_MS,
        windowsHide: true,
        // Not the workspace: its go.mod could name another toolchain for `go` to download and run.
        cwd: os.homedir() || os.tmpdir(),
        env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '' },
      }, (err, stdout) => {
        const root = err ? '' : String(stdout).trim();
        resolve(root === '' ? undefined : root);
      });
    } catch {
      resolve(undefined);
    }
  });
  return goEnvRoot;
}

/** Local path <-> Uri. Folders of other schemes (virtual workspaces) are handled by their path. */
class UriMap {
  private readonly virtual: { root: string; uri: vscode.Uri }[] = [];

  constructor(folders: readonly vscode.WorkspaceFolder[]) {
    for (const f of folders) if (f.uri.scheme !== 'file') this.virtual.push({ root: f.uri.path, uri: f.uri });
  }

  pathOf(uri: vscode.Uri): string {
    return uri.scheme === 'file' ? uri.fsPath : uri.path;
  }

  uriOf(path: string): vscode.Uri {
    for (const v of this.virtual) {
      if (path === v.root || path.startsWith(v.root.endsWith('/') ? v.root : v.root + '/')) return v.uri.with({ path });
    }
    return vscode.Uri.file(path);
  }
}

function pathMappingsSetting(): Readonly<Record<string, unknown>> {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('pathMappings');
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Glob-safe form of a file name: special characters become `?`; results are filtered by name. */
function globName(name: string): string {
  return name.replace(/[\\*?[\]{}!,]/g, '?');
}

function makeEnv(): { env: ResolverEnv; uris: UriMap } {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const uris = new UriMap(folders);
  const folderPaths = folders.map((f) => uris.pathOf(f.uri));
  const home = os.homedir() || undefined;
  const env: ResolverEnv = {
    async isFile(path) {
      if (parsePath(path).root === '') return false;
      try {
        const stat = await vscode.workspace.fs.stat(uris.uriOf(path));
        return (stat.type & vscode.FileType.File) !== 0;
      } catch {
        return false;
      }
    },
    pathMappings: pathMappingsSetting,
    async goroot() {
      const setting = vscode.workspace.getConfiguration(SECTION).get<string>('goroot') ?? '';
      if (typeof setting === 'string' && setting.trim() !== '') {
        return expandLocalPath(setting, { workspaceFolders: () => folderPaths, homeDir: () => home });
      }
      return goEnvGoroot();
    },
    workspaceFolders: () => folderPaths,
    homeDir: () => home,
    async findGoModFiles() {
      if (folders.length === 0) return [];
      const found = await vscode.workspace.findFiles('**/go.mod', EXCLUDE, GO_MOD_LIMIT);
      // Shallow ones first: a folder's own go.mod before nested modules.
      return found.map((u) => uris.pathOf(u)).sort((a, b) => parsePath(a).segments.length - parsePath(b).segments.length);
    },
    async readTextFile(path) {
      try {
        return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uris.uriOf(path)));
      } catch {
        return undefined;
      }
    },
    async findFilesByName(name, limit) {
      if (folders.length === 0) return [];
      const found = await vscode.workspace.findFiles(`**/${globName(name)}`, EXCLUDE, limit);
      return found.map((u) => uris.pathOf(u)).filter((p) => parsePath(p).segments.at(-1) === name);
    },
  };
  return { env, uris };
}

/**
 * The local file of a trace frame, or undefined. When the rules find nothing, shows a message
 * with "Locate File…"; the file the user picks is returned, and the prefix pair it implies is
 * added to `goTrace.pathMappings` so that the next frame from the same place resolves at once.
 */
export async function resolveSourcePath(frame: SourceFrame): Promise<vscode.Uri | undefined> {
  const { env, uris } = makeEnv();
  const result = await resolveWith(frame, env);
  if (result.resolved) return uris.uriOf(result.resolved.path);

  const locate = 'Locate File…';
  const name = parsePath(frame.file).segments.at(-1) ?? frame.file;
  const where = frame.func ? ` (${frame.func}, line ${frame.line})` : '';
  const choice = await vscode.window.showWarningMessage(
    `Cannot find the source file ${frame.file}${where}. Tried: ${result.tried.join('; ')}.`,
    locate,
  );
  if (choice !== locate) return undefined;

  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    openLabel: 'Use This File',
    title: `Locate ${name} (recorded as ${frame.file})`,
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
  const uri = picked?.[0];
  if (!uri) return undefined;
  await rememberMapping(frame.file, uris.pathOf(uri));
  return uri;
}

/** Adds the mapping from `recorded` to `chosen` to workspace settings (global without a workspace). */
async function rememberMapping(recorded: string, chosen: string): Promise<void> {
  const mapping = deriveMapping(recorded, chosen);
  const config = vscode.workspace.getConfiguration(SECTION);
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = hasWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<Record<string, unknown>>('pathMappings');
  const current = hasWorkspace ? inspected?.workspaceValue : inspected?.globalValue;
  try {
    await config.update('pathMappings', addMapping(current, mapping), target);
  } catch (err) {
    void vscode.window.showWarningMessage(
      `Could not remember ${mapping.from} → ${mapping.to} in goTrace.pathMappings: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Forgets the cached `go env GOROOT` (for tests, or after the user changes their Go install). */
export function resetGorootCache(): void {
  goEnvRoot = undefined;
}
