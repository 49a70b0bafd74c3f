/** Reads the "Go to Byte Offset" input: decimal or 0x hex, inside the file. Pure, unit-tested. */

/** The offset, or what is wrong with the text. */
export function parseByteOffset(text: string, fileSize: number): number | string {
  const t = text.trim().replace(/_/g, '');
  if (t === '') return 'Type a byte offset, e.g. 1234 or 0x4d2';
  const n = /^0x[0-9a-f]{1,13}$/i.test(t) ? parseInt(t.slice(2), 16) : /^[0-9]{1,16}$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n)) return `"${text.trim()}" is not a byte offset (decimal, or hex with 0x)`;
  if (n >= fileSize) return `The file has ${fileSize} bytes: the last offset is ${Math.max(0, fileSize - 1)}`;
  return n;
}
