/**
 * A valid Go 1.26 trace of several generations whose wire dump is long (one line per event), for
 * the wire dump windows. Every event is a GoStatus of its own goroutine (the same goroutines in
 * every generation, as Go wants), its dt the generation's number, so each dump line is different
 * (`GoStatus dt=<generation> g=<n> m=1 gstatus=4`).
 */
import { GoStatus, TraceWriter, type WrittenTrace } from './traceWriter.js';

export interface ManyGenerationsOptions {
  generations: number;
  batchesPerGeneration: number;
  eventsPerBatch: number;
}

export function manyGenerationsTrace(o: ManyGenerationsOptions): WrittenTrace {
  const w = new TraceWriter(26);
  for (let gen = 1; gen <= o.generations; gen++) {
    const generation = w.generation(gen);
    let g = 1;
    for (let b = 0; b < o.batchesPerGeneration; b++) {
      const batch = generation.batch(1);
      for (let e = 0; e < o.eventsPerBatch; e++) batch.event('GoStatus', [gen, g++, 1, GoStatus.Waiting]);
    }
  }
  return w.build();
}
