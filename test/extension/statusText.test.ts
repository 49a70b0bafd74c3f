import * as assert from 'node:assert/strict';
import { traceStatusText } from '../../src/extension/statusText.js';
import type { TraceSummary } from '../../src/shared/protocol.js';

const summary = (over: Partial<TraceSummary>): TraceSummary => ({
  fileName: 'big.trace', fileSize: 1000, generations: 0, threads: 0, procs: 0, goroutines: 0, events: 0, cpuSamples: 0,
  problems: { errors: 0, warnings: 0, infos: 0 }, parsedBytes: 0, done: false, ...over,
});

describe('status bar text', () => {
  it('says how far the reading is, spinning', () => {
    assert.equal(traceStatusText({ fileName: 'big.trace', summary: undefined, done: false, failure: undefined }).text, '$(sync~spin) Go trace: reading 0%');
    const r = traceStatusText({ fileName: 'big.trace', summary: summary({ parsedBytes: 357 }), done: false, failure: undefined });
    assert.equal(r.text, '$(sync~spin) Go trace: reading 35%');
    assert.match(r.tooltip, /big\.trace: click to show the Problems panel/);
  });

  it('then the generations and problems, summarizing until the worker is done', () => {
    const s = summary({ done: true, parsedBytes: 1000, generations: 65, problems: { errors: 1, warnings: 2, infos: 0 } });
    assert.equal(traceStatusText({ fileName: 'big.trace', summary: s, done: false, failure: undefined }).text, '$(sync~spin) Go trace: 65 generations, 3 problems, summarizing…');
    assert.equal(traceStatusText({ fileName: 'big.trace', summary: s, done: true, failure: undefined }).text, '$(error) Go trace: 65 generations, 3 problems');
    const ok = summary({ done: true, generations: 1 });
    assert.equal(traceStatusText({ fileName: 'a.trace', summary: ok, done: true, failure: undefined }).text, 'Go trace: 1 generation, no problems');
    const warn = summary({ done: true, generations: 2, problems: { errors: 0, warnings: 1, infos: 0 } });
    assert.equal(traceStatusText({ fileName: 'a.trace', summary: warn, done: true, failure: undefined }).text, '$(warning) Go trace: 2 generations, 1 problem');
  });

  it('a cancelled reading is done where it stopped, and says why in the tooltip', () => {
    const r = traceStatusText({ fileName: 'a.trace', summary: summary({ parsedBytes: 500, generations: 3 }), done: true, failure: 'Reading was cancelled: what was read before is shown.' });
    assert.equal(r.text, 'Go trace: 3 generations, no problems');
    assert.match(r.tooltip, /cancelled/);
  });
});
