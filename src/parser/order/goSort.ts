/**
 * Go's unstable sort (slices.SortFunc: pattern-defeating quicksort), reproduced step for step
 * because the order it leaves equal elements in is visible: Go sorts the frontier when the
 * earliest thread cannot advance and then tries the others from index 1, and it sorts the CPU
 * samples by time. Same pivots, partitions, pattern breaking (a fixed xorshift seed), fallbacks
 * to insertion sort and heapsort, so ties come out as in Go.
 */

type Less<T> = (a: T, b: T) => boolean;

const enum Hint {
  Unknown = 0,
  Increasing = 1,
  Decreasing = 2,
}

function swap<T>(d: T[], i: number, j: number): void {
  const t = d[i];
  d[i] = d[j];
  d[j] = t;
}

/** Number of bits needed for n (Go's bits.Len). */
function bitLength(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

export function goSort<T>(data: T[], less: Less<T>): void {
  quick(data, 0, data.length, bitLength(data.length), less);
}

function insertion<T>(d: T[], a: number, b: number, less: Less<T>): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && less(d[j], d[j - 1]); j--) swap(d, j, j - 1);
}

function siftDown<T>(d: T[], lo: number, hi: number, first: number, less: Less<T>): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && less(d[first + child], d[first + child + 1])) child++;
    if (!less(d[first + root], d[first + child])) return;
    swap(d, first + root, first + child);
    root = child;
  }
}

function heapSort<T>(d: T[], a: number, b: number, less: Less<T>): void {
  const n = b - a;
  for (let i = (n - 1) >> 1; i >= 0; i--) siftDown(d, i, n, a, less);
  for (let i = n - 1; i >= 0; i--) {
    swap(d, a, a + i);
    siftDown(d, 0, i, a, less);
  }
}

function quick<T>(d: T[], a: number, b: number, limit: number, less: Less<T>): void {
  let balanced = true;
  let partitioned = true;
  for (;;) {
    const n = b - a;
    if (n <= 12) return insertion(d, a, b, less);
    if (limit === 0) return heapSort(d, a, b, less);
    if (!balanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b, less);
    if (hint === Hint.Decreasing) {
      for (let i = a, j = b - 1; i < j; i++, j--) swap(d, i, j);
      pivot = b - 1 - (pivot - a);
      hint = Hint.Increasing;
    }
    if (balanced && partitioned && hint === Hint.Increasing && partialInsertion(d, a, b, less)) return;
    // Everything before a is ≤ the pivot: put the elements equal to it aside.
    if (a > 0 && !less(d[a - 1], d[pivot])) {
      a = partitionEqual(d, a, b, pivot, less);
      continue;
    }
    const [mid, already] = partition(d, a, b, pivot, less);
    partitioned = already;
    const left = mid - a;
    const right = b - mid;
    const threshold = Math.floor(n / 8);
    if (left < right) {
      balanced = left >= threshold;
      quick(d, a, mid, limit, less);
      a = mid + 1;
    } else {
      balanced = right >= threshold;
      quick(d, mid + 1, b, limit, less);
      b = mid;
    }
  }
}

function partition<T>(d: T[], a: number, b: number, pivot: number, less: Less<T>): [number, boolean] {
  swap(d, a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && less(d[i], d[a])) i++;
  while (i <= j && !less(d[j], d[a])) j--;
  if (i > j) {
    swap(d, j, a);
    return [j, true];
  }
  swap(d, i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && less(d[i], d[a])) i++;
    while (i <= j && !less(d[j], d[a])) j--;
    if (i > j) break;
    swap(d, i, j);
    i++;
    j--;
  }
  swap(d, j, a);
  return [j, false];
}

function partitionEqual<T>(d: T[], a: number, b: number, pivot: number, less: Less<T>): number {
  swap(d, a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !less(d[a], d[i])) i++;
    while (i <= j && less(d[a], d[j])) j--;
    if (i > j) return i;
    swap(d, i, j);
    i++;
    j--;
  }
}

/** Nearly sorted input: fixes up to five out-of-order neighbours; true when that sorted it. */
function partialInsertion<T>(d: T[], a: number, b: number, less: Less<T>): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !less(d[i], d[i - 1])) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    swap(d, i, i - 1);
    // Shift the smaller one left (down to index 1, as Go does, not to a) and the larger right.
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!less(d[j], d[j - 1])) break;
        swap(d, j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!less(d[j], d[j - 1])) break;
        swap(d, j, j - 1);
      }
    }
  }
  return false;
}

/** Go's 64-bit xorshift, seeded with the length. */
function breakPatterns<T>(d: T[], a: number, b: number): void {
  const n = b - a;
  if (n < 8) return;
  let r = BigInt(n);
  const mask = (1n << 64n) - 1n;
  const modulus = 2 ** bitLength(n);
  const mid = a + Math.floor(n / 4) * 2;
  for (let idx = mid - 1; idx <= mid + 1; idx++) {
    r ^= (r << 13n) & mask;
    r ^= r >> 7n;
    r ^= (r << 17n) & mask;
    let other = Number(r & BigInt(modulus - 1));
    if (other >= n) other -= n;
    swap(d, idx, a + other);
  }
}

function choosePivot<T>(d: T[], a: number, b: number, less: Less<T>): [number, Hint] {
  const n = b - a;
  const q = Math.floor(n / 4);
  let i = a + q;
  let j = a + q * 2;
  let k = a + q * 3;
  const swaps = { n: 0 };
  if (n >= 8) {
    if (n >= 50) {
      i = median(d, i - 1, i, i + 1, swaps, less);
      j = median(d, j - 1, j, j + 1, swaps, less);
      k = median(d, k - 1, k, k + 1, swaps, less);
    }
    j = median(d, i, j, k, swaps, less);
  }
  if (swaps.n === 0) return [j, Hint.Increasing];
  if (swaps.n === 12) return [j, Hint.Decreasing];
  return [j, Hint.Unknown];
}

/** Index of the median of three (by value), counting the swaps an ordering network makes. */
function median<T>(d: T[], a: number, b: number, c: number, swaps: { n: number }, less: Less<T>): number {
  if (less(d[b], d[a])) {
    swaps.n++;
    [a, b] = [b, a];
  }
  if (less(d[c], d[b])) {
    swaps.n++;
    [b, c] = [c, b];
  }
  if (less(d[b], d[a])) {
    swaps.n++;
    [a, b] = [b, a];
  }
  return b;
}
