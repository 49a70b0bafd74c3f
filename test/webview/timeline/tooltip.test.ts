import * as assert from 'node:assert/strict';
import { fillTooltip, tooltipLines, tooltipPosition, tooltipTitle, type ElementMaker, type SliceInfo } from '../../../webview/timeline/tooltip.js';

/** A minimal element: records textContent, and refuses any markup assignment. */
class FakeElement {
  className = '';
  children: FakeElement[] = [];
  private text = '';
  constructor(readonly tag: string) {}
  get textContent(): string {
    return this.children.length ? this.children.map((c) => c.textContent).join('') : this.text;
  }
  set textContent(v: string) {
    this.children = [];
    this.text = v;
  }
  set innerHTML(_v: string) {
    throw new Error('innerHTML must not be used');
  }
  insertAdjacentHTML(): void {
    throw new Error('insertAdjacentHTML must not be used');
  }
  appendChild(c: FakeElement): FakeElement {
    this.children.push(c);
    return c;
  }
  replaceChildren(): void {
    this.children = [];
    this.text = '';
  }
}

const fakeDoc: ElementMaker = { createElement: (tag) => new FakeElement(tag) as unknown as HTMLElement };
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('timeline tooltip', () => {
  it('says state, reason, start, duration, goroutine and proc', () => {
    const info: SliceInfo = { laneLabel: 'G12', state: 'waiting', label: 'chan receive', startNs: 1_500_000, endNs: 4_000_000, merged: 0, goroutine: 12, proc: 3 };
    assert.equal(tooltipTitle(info), 'Waiting · G12');
    assert.deepEqual(tooltipLines(info), [
      { name: 'Reason', value: 'chan receive' },
      { name: 'Start', value: '1.5 ms' },
      { name: 'Duration', value: '2.5 ms' },
      { name: 'Goroutine', value: 'G12' },
      { name: 'Proc', value: 'P3' },
    ]);
  });

  it('says a span known from before the first event began before it, not at a negative time', () => {
    const lines = tooltipLines({ laneLabel: 'G1', state: 'running', startNs: -69_312, endNs: 107_200, merged: 0 });
    assert.deepEqual(lines.slice(0, 2), [
      { name: 'Start', value: '69.312 µs before the first event' },
      { name: 'Duration', value: '176.512 µs' },
    ]);
  });

  it('leaves out what a slice does not have, and says when spans were merged', () => {
    const lines = tooltipLines({ laneLabel: 'P0', state: 'running', startNs: 0, endNs: 800, merged: 17, goroutine: -1, proc: -1 });
    assert.deepEqual(lines.map((l) => l.name), ['Start', 'Duration', 'Merged']);
    assert.match(lines[2].value, /17 short spans/);
  });

  it('puts hostile trace strings in as text', () => {
    const tip = new FakeElement('div');
    const info: SliceInfo = { laneLabel: HOSTILE, state: 'stw', label: `</script><script>alert(2)</script>`, startNs: 0, endNs: 1, merged: 0 };
    fillTooltip(fakeDoc, tip as unknown as HTMLElement, info);
    const values = tip.children.flatMap((c) => (c.children.length ? c.children.map((s) => s.textContent) : [c.textContent]));
    assert.ok(values.includes(`Stop the world · ${HOSTILE}`), 'the lane label, verbatim');
    assert.ok(values.includes('</script><script>alert(2)</script>'), 'the reason, verbatim');
    assert.ok(tip.children.every((c) => c.tag === 'div'), 'no element made from the strings');
    // Filling again replaces, not appends.
    fillTooltip(fakeDoc, tip as unknown as HTMLElement, { ...info, label: undefined });
    assert.equal(tip.children.length, 3);
  });

  it('stays inside the box, flipping left or up near the edges', () => {
    assert.deepEqual(tooltipPosition(10, 10, 100, 50, 800, 600), { left: 22, top: 22 });
    assert.deepEqual(tooltipPosition(750, 580, 100, 50, 800, 600), { left: 638, top: 518 });
    assert.deepEqual(tooltipPosition(50, 40, 300, 100, 200, 100), { left: 0, top: 0 });
  });
});
