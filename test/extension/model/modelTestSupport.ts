/** Opens a fixture trace into a fully read TraceModel, for the model tests. */
import * as path from 'node:path';
import { openFileSource } from '../../../src/node/fileSource.js';
import { TraceModel, type TraceModelOptions } from '../../../src/extension/model/traceModel.js';
import { fixturesDir } from '../../support/paths.js';
import type { TreeNode } from '../../../src/shared/protocol.js';

export const fixture = (name: string): string => path.join(fixturesDir, name);

const open: TraceModel[] = [];

export async function readModel(name: string, options: TraceModelOptions = {}): Promise<TraceModel> {
  const source = await openFileSource(fixture(name));
  const model = new TraceModel(source, name, options);
  open.push(model);
  await model.readAll();
  return model;
}

/** Closes the files of every model opened so far (call in an after hook). */
export async function closeModels(): Promise<void> {
  for (const m of open.splice(0)) await m.source.close?.();
}

/** Every task row of the Tasks root, depth first (a child task is listed under its parent). */
export async function taskRows(model: TraceModel, parentId = 'tasks'): Promise<TreeNode[]> {
  const out: TreeNode[] = [];
  const page = await model.getChildren('v', 'generations', parentId, 0, 1000);
  for (const n of page.items) {
    if (n.kind !== 'task') continue;
    out.push(n, ...(await taskRows(model, n.id)));
  }
  return out;
}
