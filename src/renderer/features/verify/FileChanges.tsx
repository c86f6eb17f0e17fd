// The files of a version that differ from its immutability manifest.
const KINDS = [
  ['changed', 'Changed', 'Content differs from what was published'],
  ['missing', 'Missing', 'Listed in the manifest but gone'],
  ['extra', 'Extra', 'Present but not in the manifest'],
] as const;

export interface FileChangeLists {
  changed: string[];
  missing: string[];
  extra: string[];
}

export function FileChanges({ lists }: { lists: FileChangeLists }) {
  return (
    <dl className="file-changes">
      {KINDS.filter(([kind]) => lists[kind].length > 0).map(([kind, label, title]) => (
        <div key={kind} className={`file-change file-change-${kind}`}>
          <dt title={title}>
            {label} ({lists[kind].length})
          </dt>
          {lists[kind].map((file) => (
            <dd key={file} className="mono">
              {file}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
