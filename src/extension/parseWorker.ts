/**
 * The parse worker (a process the host forks, bundled to dist/parseWorker.js; see
 * workerClient.ts). It owns the model of one trace: reads the file generation by generation,
 * posting progress after each, so the first generation shows while the rest is read, and answers
 * the host's requests in between.
 *
 * Cancelling is the host's job: it kills the worker. The worker also ends when the host does
 * (the IPC channel closes).
 */
import { openFileSource } from '../node/fileSource.js';
import { TraceModel } from './model/traceModel.js';
import { wireDumpOf } from './model/modelWireDump.js';
import { withWireLines } from './model/wireDumpService.js';
import type { HostToWorker, WorkerInit, WorkerRequestName, WorkerRequests, WorkerToHost } from './workerProtocol.js';

const post = (m: WorkerToHost): void => {
  if (process.connected) process.send!(m);
};

/** The model once open; requests that come before wait for it (none is dropped). */
let opened: Promise<TraceModel | undefined> | undefined;

process.title = process.argv[2] ?? 'goTraceParse';
process.on('disconnect', () => process.exit(0));
process.on('message', (m: HostToWorker) => {
  if (m.kind === 'init') {
    opened ??= open(m.init).then((model) => {
      if (model) void readAll(model);
      return model;
    });
    return;
  }
  void (opened ?? Promise.resolve(undefined)).then((model) =>
    model ? answer(model, m) : post({ kind: 'response', id: m.id, error: 'the trace could not be opened' }),
  );
});

async function open(init: WorkerInit): Promise<TraceModel | undefined> {
  try {
    const source = await openFileSource(init.path);
    const model = new TraceModel(source, init.fileName, {
      problemLimits: { total: Math.max(1, init.maxProblems), perCodeAndGeneration: Math.min(20, Math.max(1, init.maxProblems)) },
      // The Timeline pane reads the pass's spans and overview.
      timeline: true,
    });
    await model.open();
    return model;
  } catch (e) {
    post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    return undefined;
  }
}

/** Reads the whole trace, posting progress, then done. */
async function readAll(model: TraceModel): Promise<void> {
  let sentProblems = -1;
  let sentTypes = -1;
  const progress = (): void => {
    const problems = model.problems.length;
    const types = model.stats.eventsByType.size;
    const msg: WorkerToHost = { kind: 'progress', summary: model.summary(), generations: model.rootCount() };
    if (problems !== sentProblems) msg.problems = model.problemItems();
    if (types !== sentTypes) msg.eventTypes = model.eventTypeNames();
    sentProblems = problems;
    sentTypes = types;
    post(msg);
  };
  progress();
  // The reading and the analysis pass run together (TraceModel.readAll): progress after each
  // generation and, within the pass, at most every 250 ms; requests are answered in between.
  let last = 0;
  const onYield = (): Promise<void> =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        const now = Date.now();
        if (now - last > 250) {
          last = now;
          progress();
        }
        resolve();
      }),
    );
  try {
    await model.readAll(() => new Promise<void>((resolve) => setImmediate(() => (progress(), resolve()))), onYield);
  } catch (e) {
    // The parser reports bad input as problems; an exception here is an I/O error or a bug.
    post({ kind: 'failed', message: `reading stopped: ${e instanceof Error ? e.message : String(e)}` });
  }
  post({ kind: 'done', summary: model.summary(), generations: model.rootCount(), problems: await withWireLines(wireDumpOf(model), model.problemItems()), eventTypes: model.eventTypeNames() });
}

/** One handler per request the worker serves: the type checker names a missing one. */
type Handlers = { [K in WorkerRequestName]: (model: TraceModel, args: WorkerRequests[K]['args'], view: string) => Promise<WorkerRequests[K]['result']> | WorkerRequests[K]['result'] };

const handlers: Handlers = {
  getChildren: async (model, a, view) => {
    const page = await model.getChildren(view, a.tree, a.parentId, a.offset, a.limit);
    return { total: page.total, nodes: page.items };
  },
  eventDetails: async (model, a) => (await model.eventDetails(a.nodeId)) ?? null,
  setFilter: async (model, a, view) => (await model.setFilter(view, a.filter)) ?? null,
  filterProgress: async (model, a, view) => (await model.filterProgress(view, a.run)) ?? null,
  dropView: (model, _a, view) => {
    model.dropView(view);
    return null;
  },
  eventText: async (model, a) => (await model.eventText(a.nodeId)) ?? null,
  locateOffset: async (model, a) => (await model.locateOffset(a.offset)) ?? null,
  pathTo: (model, a) => model.pathTo(a.nodeId) ?? null,
  wireWindow: (model, a) => wireDumpOf(model).window(a.place),
  timelineLayout: (model) => model.timeline.layout(),
  timelineGroupLanes: (model, a) => model.timeline.groupLanes(a.group, a.offset, a.limit),
  timelineSlices: (model, a) => model.timeline.slices(a),
  timelineCounters: (model, a) => model.timeline.counters(a),
  timelineRelations: (model, a) => model.timeline.relations(a),
  timelinePlace: async (model, a) => (await model.timelinePlace(a.nodeId)) ?? null,
  timelineRangeStats: (model, a) => model.timeline.rangeStats(a),
};

async function answer(model: TraceModel, m: Extract<HostToWorker, { kind: 'request' }>): Promise<void> {
  try {
    // m.name picks the handler of m.args' type (HostToWorker pairs them).
    const handler = handlers[m.name] as (model: TraceModel, args: unknown, view: string) => unknown;
    post({ kind: 'response', id: m.id, result: await handler(model, m.args, m.view) });
  } catch (e) {
    post({ kind: 'response', id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
}

