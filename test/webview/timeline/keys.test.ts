import * as assert from 'node:assert/strict';
import { keyAction, type KeyLike } from '../../../webview/timeline/keys.js';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('timeline keys', () => {
  it('zooms with W/S and pans with A/D, bigger steps with Shift', () => {
    const w = keyAction(key('w'));
    const s = keyAction(key('s'));
    assert.ok(w?.kind === 'zoom' && w.factor < 1);
    assert.ok(s?.kind === 'zoom' && s.factor > 1 && Math.abs(s.factor * w.factor - 1) < 1e-12, 'S undoes W');
    const bigW = keyAction(key('W', { shiftKey: true }));
    assert.ok(bigW?.kind === 'zoom' && bigW.factor < w.factor);
    const a = keyAction(key('a'));
    const d = keyAction(key('D', { shiftKey: true }));
    assert.ok(a?.kind === 'pan' && a.fraction < 0);
    assert.ok(d?.kind === 'pan' && d.fraction > -a.fraction);
  });

  it('moves between lanes and slices with the arrows, selects with Enter', () => {
    assert.deepEqual(keyAction(key('ArrowDown')), { kind: 'row', delta: 1 });
    assert.deepEqual(keyAction(key('ArrowUp')), { kind: 'row', delta: -1 });
    assert.deepEqual(keyAction(key('ArrowRight')), { kind: 'slice', delta: 1 });
    assert.deepEqual(keyAction(key('ArrowLeft')), { kind: 'slice', delta: -1 });
    assert.deepEqual(keyAction(key('Enter')), { kind: 'activate' });
    assert.deepEqual(keyAction(key('0')), { kind: 'fit' });
    assert.deepEqual(keyAction(key('z')), { kind: 'zoomSelection' });
    assert.deepEqual(keyAction(key('Escape')), { kind: 'clear' });
  });

  it('leaves keys with Ctrl, Cmd or Alt, and other keys, to the editor', () => {
    assert.equal(keyAction(key('w', { ctrlKey: true })), undefined, 'Ctrl+W closes the editor');
    assert.equal(keyAction(key('s', { metaKey: true })), undefined);
    assert.equal(keyAction(key('d', { altKey: true })), undefined);
    assert.equal(keyAction(key('q')), undefined);
    assert.equal(keyAction(key('Tab')), undefined, 'Tab moves focus out');
  });
});
