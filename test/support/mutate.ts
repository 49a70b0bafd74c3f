/** Ways to break a trace at random, for fuzzing: what real corruption and truncation look like. */
export type Mutation = 'flip-byte' | 'set-byte' | 'truncate' | 'insert' | 'delete-range' | 'duplicate-range' | 'zero-range' | 'max-varint';

const MUTATIONS: Mutation[] = ['flip-byte', 'set-byte', 'truncate', 'insert', 'delete-range', 'duplicate-range', 'zero-range', 'max-varint'];

export function mutate(input: Uint8Array, random: () => number, rounds = 1 + Math.floor(random() * 3)): { bytes: Uint8Array; applied: string[] } {
  let bytes = input;
  const applied: string[] = [];
  const int = (n: number) => Math.floor(random() * Math.max(1, n));
  for (let r = 0; r < rounds; r++) {
    const kind = MUTATIONS[int(MUTATIONS.length)];
    // Mostly past the header, where the interesting structure is.
    const at = bytes.length > 16 && random() < 0.95 ? 16 + int(bytes.length - 16) : int(bytes.length);
    const len = 1 + int(random() < 0.8 ? 16 : 4096);
    switch (kind) {
      case 'flip-byte': {
        bytes = bytes.slice();
        if (at < bytes.length) bytes[at] ^= 1 << int(8);
        break;
      }
      case 'set-byte': {
        bytes = bytes.slice();
        if (at < bytes.length) bytes[at] = [0, 1, 0x31, 0x34, 0x7f, 0x80, 0xff][int(7)];
        break;
      }
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'insert': {
        const extra = new Uint8Array(len).map(() => int(256));
        bytes = concat(bytes.subarray(0, at), extra, bytes.subarray(at));
        break;
      }
      case 'delete-range':
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at + len));
        break;
      case 'duplicate-range':
        bytes = concat(bytes.subarray(0, at + len), bytes.subarray(at, at + len), bytes.subarray(at + len));
        break;
      case 'zero-range':
        bytes = bytes.slice();
        bytes.fill(0, at, at + len);
        break;
      case 'max-varint': {
        const big = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        bytes = concat(bytes.subarray(0, at), big, bytes.subarray(at + 1));
        break;
      }
    }
    applied.push(`${kind}@${at}+${len}`);
  }
  return { bytes, applied };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
