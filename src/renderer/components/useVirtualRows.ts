// Fixed-height virtual rows inside one scrolling element: only the rows in view are rendered.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

export function useVirtualRows(count: number, rowHeight: number, overscan: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan });
  return { scrollRef, virtualizer };
}
