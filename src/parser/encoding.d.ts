/**
 * The part of the Encoding API (TextEncoder, TextDecoder) the parser uses. Every runtime the
 * parser runs in has it (Node, workers, browsers), but TypeScript types it only in the DOM and
 * Node libraries, which the parser is compiled without (tsconfig.parser.json) so that it cannot
 * use anything else from them. The main tsconfig excludes this file: there DOM types these.
 */
interface TextDecoder {
  decode(input?: Uint8Array): string;
}
declare var TextDecoder: {
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

interface TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare var TextEncoder: {
  new (): TextEncoder;
};
