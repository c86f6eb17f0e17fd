import type { ReactNode } from 'react';

/** A plain data table with one header row. */
export function Table({ headers, children }: { headers: string[]; children: ReactNode }) {
  return (
    <table className="grid">
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header}>{header}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
