import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CliIO } from '../../src/cli/command.js';
import { bin2rawCommand } from '../../src/cli/commands/bin2raw.js';
import { commands } from '../../src/cli/commands/index.js';
import { wireCommand } from '../../src/cli/commands/wire.js';

async function run(cmd: typeof wireCommand, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await cmd.run(args, io);
  return { code, out, err };
}

const header = (v: number) => [...Buffer.from(`go 1.${v} trace\0\0\0`, 'latin1')];

describe('go-trace wire and bin2raw', () => {
  let dir: string;
  const file = (name: string, bytes: number[]) => {
    const p = path.join(dir, name);
    writeFileSync(p, Uint8Array.from(bytes));
    return p;
  };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'go-trace-wire-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('are registered', () => {
    assert.ok(commands.includes(wireCommand));
    assert.ok(commands.includes(bin2rawCommand));
  });

  it('bin2raw writes the TextWriter header line, then the events', async () => {
    const p = file('ok.trace', [...header(22), 8, 0x80, 0x94, 0xeb, 0xdc, 0x03, 4, 5, 1, 2, 0x68, 0x69]);
    const r = await run(bin2rawCommand, [p]);
    assert.deepEqual(r, { code: 0, out: 'Trace Go1.22\nFrequency freq=1000000000\nStrings\nString id=1\n\tdata="hi"\n', err: '' });
    const w = await run(wireCommand, [p]);
    assert.deepEqual(w, { code: 0, out: 'Frequency freq=1000000000\nStrings\nString id=1\n\tdata="hi"\n', err: '' });
  });

  it("print the events before an error, then Go's error line, and exit 1", async () => {
    const p = file('bad.trace', [...header(26), 0x10, 1, 2, 3, 0xc8]);
    assert.deepEqual(await run(wireCommand, [p]), { code: 1, out: 'GoStart dt=1 g=2 g_seq=3\n', err: 'invalid event type: 200\n' });
    assert.deepEqual(await run(bin2rawCommand, [p]), {
      code: 1,
      out: 'Trace Go1.26\nGoStart dt=1 g=2 g_seq=3\n',
      err: 'invalid event type: 200\n',
    });
  });

  it('report a bad header as Go does, with nothing on stdout', async () => {
    const p = file('nottrace.trace', [...Buffer.from('hello')]);
    for (const cmd of [wireCommand, bin2rawCommand]) {
      assert.deepEqual(await run(cmd, [p]), { code: 1, out: '', err: 'bad file format: not a Go execution trace?\n' });
    }
    const q = file('v99.trace', header(99));
    assert.deepEqual(await run(wireCommand, [q]), { code: 1, out: '', err: 'unknown or unsupported trace version go 1.99\n' });
  });

  it('wire dumps a v1 trace (which Go refuses); bin2raw says v1 has no text form', async () => {
    const v1 = [
      ...header(19),
      1 | (1 << 6), 0, 100, // Batch p=0 ticks=100
      37, 1, 2, 0x68, 0x69, // String id=1 "hi"
      5 | (1 << 6), 3, 7, // ProcStart dt=3 thread=7
      13 | (3 << 6), 4, 1, 9, 2, 3, // GoCreate dt=1 g=9 stack=2 stk=3 (length-prefixed)
      48 | (3 << 6), 4, 1, 1, 1, 3, 2, 0x6f, 0x6b, // UserLog dt=1 id=1 keyid=1 stk=3, message "ok"
      3 | (3 << 6), 6, 3, 1, 0x10, 1, 1, 5, // Stack id=3, one frame
      2, 0x80, 0x94, 0xeb, 0xdc, 0x03, // Frequency 1e9
      33 | (1 << 6), 0xff, // HeapAlloc whose timestamp delta has no end
    ];
    const p = file('v1.trace', v1);
    assert.deepEqual(await run(wireCommand, [p]), {
      code: 1,
      out: [
        'Batch p=0 ticks=100',
        'String id=1\n\tdata="hi"',
        'ProcStart dt=3 thread=7',
        'GoCreate dt=1 g=9 stack=2 stk=3',
        'UserLog dt=1 id=1 keyid=1 stk=3\n\tdata="ok"',
        'Stack id=3 nframes=1\n\tpc=16 func=1 file=1 line=5',
        'Frequency freq=1000000000',
        '',
      ].join('\n'),
      err: 'failed to read event 33 argument: malformatted base-128 varint\n',
    });
    const good = file('v1good.trace', v1.slice(0, -2));
    assert.equal((await run(wireCommand, [good])).code, 0);
    const r = await run(bin2rawCommand, [good]);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /v1 trace .*not supported/);
  });

  it('exit 2 on usage errors: no file, two files, an unknown flag, a missing file, a directory', async () => {
    for (const args of [[], ['a', 'b'], ['--nope', 'x'], [path.join(dir, 'missing.trace')], [dir]]) {
      for (const cmd of [wireCommand, bin2rawCommand]) {
        const r = await run(cmd, args);
        assert.equal(r.code, 2, `${cmd.name} ${args.join(' ')}`);
        assert.equal(r.out, '');
        assert.notEqual(r.err, '');
      }
    }
  });

  it('have help text', () => {
    assert.match(wireCommand.help, /^usage: go-trace wire FILE/);
    assert.match(bin2rawCommand.help, /^usage: go-trace bin2raw FILE/);
  });
});
