// A list of what a draft's manifest declares (inputs, outputs, dependencies), each with its Remove button.
import type { ReactNode } from 'react';

interface Props<T> {
  label: string;
  items: readonly T[];
  keyOf: (item: T, index: number) => string | number;
  /** How the Remove button names the item for assistive technology, e.g. "output summary". */
  named: (item: T) => string;
  children: (item: T) => ReactNode;
  onRemove: (item: T, index: number) => void;
}

export function RemovableList<T>({ label, items, keyOf, named, children, onRemove }: Props<T>) {
  return (
    <ul aria-label={label}>
      {items.map((item, i) => (
        <li key={keyOf(item, i)}>
          {children(item)}{' '}
          <button type="button" aria-label={`Remove ${named(item)}`} onClick={() => onRemove(item, i)}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
