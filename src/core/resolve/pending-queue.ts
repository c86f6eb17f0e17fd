// The next package to decide: fewest candidate versions first, then name order (deterministic). A
// binary heap with lazy deletion: stale entries are skipped when they surface.

interface Entry {
  count: number;
  name: string;
}

const before = (a: Entry, b: Entry): boolean => a.count < b.count || (a.count === b.count && a.name < b.name);

export class PendingQueue {
  private readonly heap: Entry[] = [];
  /** Current candidate count of each pending package; absent when not pending. */
  private readonly live = new Map<string, number>();

  set(name: string, count: number): void {
    if (this.live.get(name) === count) return;
    this.live.set(name, count);
    this.heap.push({ count, name });
    this.up(this.heap.length - 1);
  }

  delete(name: string): void {
    this.live.delete(name);
  }

  /** The best pending package, or null when none is pending. */
  peek(): string | null {
    for (let top = this.heap[0]; top; top = this.heap[0]) {
      if (this.live.get(top.name) === top.count) return top.name;
      this.pop();
    }
    return null;
  }

  private pop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length === 0) return;
    this.heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && before(this.heap[l]!, this.heap[m]!)) m = l;
      if (r < this.heap.length && before(this.heap[r]!, this.heap[m]!)) m = r;
      if (m === i) return;
      [this.heap[i], this.heap[m]] = [this.heap[m]!, this.heap[i]!];
      i = m;
    }
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(this.heap[i]!, this.heap[p]!)) return;
      [this.heap[i], this.heap[p]] = [this.heap[p]!, this.heap[i]!];
      i = p;
    }
  }
}
