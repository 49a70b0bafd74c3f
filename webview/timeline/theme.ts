/**
 * The timeline's colours and fill patterns, read from the theme's CSS variables (VS Code sets
 * them on the webview's body for light, dark and high-contrast themes). A state is never told
 * by colour alone: waiting is hatched, runnable outlined, syscall dotted, STW solid and labelled.
 */
import { SLICE_STATES, type SliceState } from '../../src/shared/timeline.js';

export interface StateStyle {
  fill: string;
  /** A pattern drawn over the fill. */
  pattern?: CanvasPattern | null;
  /** Only an outline with a faint fill. */
  outline?: boolean;
}

export interface TimelineTheme {
  background: string;
  foreground: string;
  muted: string;
  border: string;
  headerBackground: string;
  focus: string;
  selection: string;
  rangeFill: string;
  windowFill: string;
  /** The problems' marks on the ruler (rulerMarks.ts), by severity. */
  severity: Record<'error' | 'warning' | 'info', string>;
  font: string;
  smallFont: string;
  highContrast: boolean;
  /** Indexed like SLICE_STATES. */
  states: StateStyle[];
  /** A counter lane's series colours, in series order (counterDrawing.ts also gives each a dash). */
  counterSeries?: string[];
}

const STATE_VARS: Record<SliceState, [string, string]> = {
  running: ['--vscode-charts-green', '#89d185'],
  runnable: ['--vscode-charts-yellow', '#cca700'],
  waiting: ['--vscode-charts-red', '#f14c4c'],
  syscall: ['--vscode-charts-orange', '#d18616'],
  gc: ['--vscode-charts-purple', '#b180d7'],
  stw: ['--vscode-charts-red', '#f14c4c'],
  proc: ['--vscode-charts-blue', '#3794ff'],
  region: ['--vscode-charts-blue', '#3794ff'],
  task: ['--vscode-charts-purple', '#b180d7'],
};

export function readTheme(el: Element, ctx: CanvasRenderingContext2D): TimelineTheme {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const foreground = v('--vscode-foreground', '#cccccc');
  const family = v('--vscode-font-family', 'sans-serif');
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  const states = SLICE_STATES.map((s): StateStyle => {
    const fill = v(...STATE_VARS[s]);
    if (s === 'waiting') return { fill, pattern: stripes(ctx, foreground) };
    if (s === 'syscall') return { fill, pattern: dots(ctx, foreground) };
    if (s === 'runnable') return { fill, outline: true };
    return { fill };
  });
  return {
    background: v('--vscode-editor-background', '#1e1e1e'),
    foreground,
    muted: v('--vscode-descriptionForeground', '#9d9d9d'),
    border: v('--vscode-panel-border', v('--vscode-widget-border', '#444444')),
    headerBackground: v('--vscode-sideBarSectionHeader-background', v('--vscode-editorWidget-background', '#252526')),
    focus: v('--vscode-focusBorder', '#0078d4'),
    selection: v('--vscode-list-activeSelectionBackground', '#04395e'),
    rangeFill: withAlpha(v('--vscode-focusBorder', '#0078d4'), 0.22),
    windowFill: v('--vscode-editorInfo-foreground', '#3794ff'),
    severity: {
      error: v('--vscode-editorError-foreground', '#f14c4c'),
      warning: v('--vscode-editorWarning-foreground', '#cca700'),
      info: v('--vscode-editorInfo-foreground', '#3794ff'),
    },
    font: `12px ${family}`,
    smallFont: `11px ${family}`,
    highContrast,
    states,
    counterSeries: [
      v('--vscode-charts-blue', '#3794ff'),
      v('--vscode-charts-orange', '#d18616'),
      v('--vscode-charts-green', '#89d185'),
      v('--vscode-charts-purple', '#b180d7'),
    ],
  };
}

/** Diagonal stripes in the foreground colour: "waiting". */
function stripes(ctx: CanvasRenderingContext2D, colour: string): CanvasPattern | null {
  const c = tileCanvas(6);
  if (!c) return null;
  c.ctx.strokeStyle = withAlpha(colour, 0.55);
  c.ctx.lineWidth = 1.5;
  c.ctx.beginPath();
  c.ctx.moveTo(-1, 7);
  c.ctx.lineTo(7, -1);
  c.ctx.stroke();
  return ctx.createPattern(c.canvas, 'repeat');
}

/** A dot grid: "in a system call". */
function dots(ctx: CanvasRenderingContext2D, colour: string): CanvasPattern | null {
  const c = tileCanvas(4);
  if (!c) return null;
  c.ctx.fillStyle = withAlpha(colour, 0.7);
  c.ctx.fillRect(1, 1, 1.5, 1.5);
  return ctx.createPattern(c.canvas, 'repeat');
}

function tileCanvas(size: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } | undefined {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  return ctx ? { canvas, ctx } : undefined;
}

/** A CSS colour with an alpha: #rgb, #rrggbb and rgb() get one; anything else is kept. */
export function withAlpha(colour: string, alpha: number): string {
  const c = colour.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(c);
  if (m) {
    const [r, g, b] = m[1].split('').map((h) => parseInt(h + h, 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(c);
  if (m) {
    const n = parseInt(m[1], 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(c);
  if (rgb) return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})`;
  return c;
}
