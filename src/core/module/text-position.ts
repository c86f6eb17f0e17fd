// Offset → 1-based line:column in O(log n), so locating many fields in a large file stays cheap.
export function positionIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo] ?? 0;
    // Columns count code points, so a line with emoji before the spot still points at the right character.
    return { line: lo + 1, column: [...text.slice(start, offset)].length + 1 };
  };
}
