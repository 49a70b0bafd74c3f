/**
 * The parse worker's wire dump service for its trace model: the model's index gives the offsets
 * known to start an event (every batch's header; in a v1 trace also a checkpoint every
 * V1_CHUNK raw events) and the generation holding a byte, so a window is read from near where it
 * is, never from the file's start.
 */
import type { GenerationInfo } from './generationIndex.js';
import type { TraceModel } from './traceModel.js';
import { WireDumpService, type WireBoundaries } from './wireDumpService.js';

const services = new WeakMap<TraceModel, WireDumpService>();

/** The one wire dump service of a model. */
export function wireDumpOf(model: TraceModel): WireDumpService {
  let s = services.get(model);
  if (!s) {
    s = new WireDumpService(model.source, model.fileName, modelBoundaries(model.generations));
    services.set(model, s);
  }
  return s;
}

/** Event starts of the generations read so far (the list grows while the trace is read). */
export function modelBoundaries(generations: readonly GenerationInfo[]): WireBoundaries {
  let counted = -1;
  let starts = new Float64Array(0);
  const refresh = (): void => {
    if (generations.length === counted) return;
    counted = generations.length;
    const all: number[] = [];
    for (const g of generations) {
      for (const b of g.batches) all.push(b.offset);
      for (const v of g.v1?.batches ?? []) for (const c of v.checkpoints) all.push(c.offset);
    }
    starts = Float64Array.from(all).sort();
  };
  return {
    atOrBefore(offset) {
      refresh();
      let lo = 0;
      let hi = starts.length - 1;
      let found = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (starts[mid] <= offset) {
          found = starts[mid];
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found;
    },
    generationAt(offset) {
      for (const g of generations) if (offset >= g.offset && offset < g.end) return g.v1 ? undefined : g.genNumber;
      return undefined;
    },
  };
}
