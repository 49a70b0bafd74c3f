import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliIO } from '../../src/cli/command.js';
import { commands } from '../../src/cli/commands/index.js';
import { Raw2binStreams, runRaw2bin } from '../../src/cli/commands/raw2bin.js';
import { rawTextToBinary } from '../../src/parser/wire/rawText.js';

const TEXT = 'Trace Go1.22\nEventBatch gen=1 m=0 time=0 size=5\nGoStart dt=1 g=1 g_seq=1\n';

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
  };
  return io;
}

function streams(stdin: string, tty = false): Raw2binStreams & { written?: Uint8Array } {
  const s: Raw2binStreams & { written?: Uint8Array } = {
    readStdin: async () => new TextEncoder().encode(stdin),
    writeStdout: async (b) => {
      s.written = b;
    },
    stdoutIsTTY: () => tty,
  };
  return s;
}

describe('go-trace raw2bin', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raw2bin-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is registered', () => {
    assert.ok(commands.some((c) => c.name === 'raw2bin'));
  });

  it('converts a file to a file', async () => {
    const input = path.join(dir, 'in.txt');
    const output = path.join(dir, 'out.trace');
    fs.writeFileSync(input, TEXT);
    const io = capture();
    assert.equal(await runRaw2bin([input, output], io, streams('')), 0);
    assert.deepEqual(new Uint8Array(fs.readFileSync(output)), rawTextToBinary(TEXT));
    assert.equal(io.stderr, '');
  });

  it('reads stdin and writes stdout with -', async () => {
    const s = streams(TEXT);
    assert.equal(await runRaw2bin(['-', '-'], capture(), s), 0);
    assert.deepEqual(s.written, rawTextToBinary(TEXT));
  });

  it('refuses to write to a terminal unless -f', async () => {
    const io = capture();
    assert.equal(await runRaw2bin(['-', '-'], io, streams(TEXT, true)), 2);
    assert.match(io.stderr, /terminal/);
    const s = streams(TEXT, true);
    assert.equal(await runRaw2bin(['-f', '-', '-'], capture(), s), 0);
    assert.ok(s.written);
  });

  it('exits 1 with FILE:LINE and Go\'s wording on a syntax error, writing nothing', async () => {
    const input = path.join(dir, 'bad.txt');
    const output = path.join(dir, 'bad.trace');
    fs.writeFileSync(input, 'Trace Go1.22\n\nGoStart dt=1 p=1 g_seq=1\n');
    const io = capture();
    assert.equal(await runRaw2bin([input, output], io, streams('')), 1);
    assert.equal(io.stderr, `${input}:3: reading args for GoStart: expected argument "g", but got "p"\n`);
    assert.equal(fs.existsSync(output), false);
    const io2 = capture();
    assert.equal(await runRaw2bin(['-', '-'], io2, streams('')), 1);
    assert.match(io2.stderr, /^<stdin>: EOF/);
  });

  it('exits 2 on usage errors and unreadable or unwritable files', async () => {
    for (const args of [[], ['a'], ['a', 'b', 'c'], ['--bogus', 'a', 'b']]) {
      const io = capture();
      assert.equal(await runRaw2bin(args, io, streams('')), 2, args.join(' '));
      assert.match(io.stderr, /usage: go-trace raw2bin/);
    }
    const io = capture();
    assert.equal(await runRaw2bin([path.join(dir, 'missing.txt'), path.join(dir, 'x')], io, streams('')), 2);
    assert.match(io.stderr, /cannot read/);
    const input = path.join(dir, 'ok.txt');
    fs.writeFileSync(input, TEXT);
    const io2 = capture();
    assert.equal(await runRaw2bin([input, path.join(dir, 'no', 'such', 'dir', 'x')], io2, streams('')), 2);
    assert.match(io2.stderr, /cannot write/);
  });

  it('takes file names starting with - after --', async () => {
    const input = path.join(dir, '-dash.txt');
    fs.writeFileSync(input, TEXT);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      assert.equal(await runRaw2bin(['--', '-dash.txt', 'dash.trace'], capture(), streams('')), 0);
    } finally {
      process.chdir(cwd);
    }
    assert.ok(fs.existsSync(path.join(dir, 'dash.trace')));
  });
});
