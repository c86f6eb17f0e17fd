// Progress of long core work, drawn on one stderr line, only when stderr is a terminal: results never
// go to stderr and a redirected run stays silent there.
import type { Progress, ProgressListener } from '../core/progress.js';

const REDRAW_MS = 80;

export class ProgressLine {
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly enabled: boolean) {}

  get listener(): ProgressListener | undefined {
    return this.enabled ? (p) => this.update(p) : undefined;
  }

  private update(p: Progress): void {
    const now = Date.now();
    if (p.done < p.total && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const percent = p.total > 0 ? Math.floor((p.done * 100) / p.total) : 100;
    const text = `${p.phase} ${p.done}/${p.total}${p.unit ? ` ${p.unit}` : ''} (${percent}%)${p.current ? ` ${p.current}` : ''}`;
    // A terminal that reports no size (0 columns) gets the usual 80.
    const width = process.stderr.columns || 80;
    process.stderr.write(`\r\u001b[2K${text.slice(0, Math.max(0, width - 1))}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) process.stderr.write('\r\u001b[2K');
    this.drawn = false;
  }
}
