import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { memorySource, RawReader, type RawEvent } from '../../../src/parser/index.js';
import { encodeUvarint } from '../../../src/parser/bytes/uvarint.js';
import { headerBytes } from '../../../src/parser/format/version.js';
import { rawEventText, WireLineMap, wireLineCount } from '../../../src/extension/model/wireDumpText.js';
import { fixture } from './modelTestSupport.js';

async function events(bytes: Uint8Array, small = false): Promise<{ text: string; lines: number }[]> {
  const reader = await RawReader.open(memorySource(bytes), small ? { chunkSize: 100, maxInline: 64 } : {});
  const out: { text: string; lines: number }[] = [];
  for (let ev: RawEvent | null; (ev = await reader.next()) !== null; ) out.push({ text: rawEventText(ev), lines: wireLineCount(ev) });
  return out;
}

describe('wire dump lines', () => {
  const bytes = new Uint8Array(readFileSync(fixture('go1.26-annot.trace')));

  it("gives each raw event Go's text and the lines it takes", async () => {
    const all = await events(bytes);
    assert.equal(all.map((e) => e.text + '\n').join(''), readFileSync(fixture('go1.26-annot.wire.txt'), 'utf8'));
    for (const e of all) assert.equal(e.lines, e.text.split('\n').length, e.text);
    assert.ok(all.some((e) => e.lines > 2), 'stacks with frames');
  });

  it('notes an event too large to hold in two lines, its header first', async () => {
    // a String of 5000 bytes (more than the header's first read) and a Stack of 200 frames, read 100 bytes at a time with at most 64 inline
    const uv = (v: number): number[] => encodeUvarint(v);
    const frames = Array.from({ length: 200 }, (_, f) => [...uv(0x400000 + f), ...uv(f), ...uv(f + 1), ...uv(f + 2)]).flat();
    const big = Uint8Array.from([...headerBytes(26), 5, 1, ...uv(5000), ...new Array<number>(5000).fill(0x61), 3, 2, ...uv(200), ...frames, 0x34]);
    const all = await events(big, true);
    assert.deepEqual(all.slice(0, 2), [
      { text: 'String id=1\n\t(5000 data bytes at byte 20 not shown: too large)', lines: 2 },
      { text: `Stack id=2 nframes=200\n\t(200 frames at byte 5024 not shown: too large)`, lines: 2 },
    ]);
    assert.equal(all[2].text, 'EndOfGeneration');
  });

  it('maps an offset to the line of the last event starting at or before it', () => {
    const map = new WireLineMap();
    map.add(16, 1);
    map.add(30, 2);
    map.add(40, 5);
    assert.equal(map.lineOf(0), 0);
    assert.equal(map.lineOf(16), 1);
    assert.equal(map.lineOf(39), 2);
    assert.equal(map.lineOf(1e9), 5);
  });
});
