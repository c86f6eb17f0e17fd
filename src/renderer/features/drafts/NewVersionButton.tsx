// "New version of" on a module's header: copies the published version into a draft with the version bumped,
// then opens that draft in the editor.
import { useNewVersionOf } from './useDrafts';

export function NewVersionButton({ name, version }: { name: string; version: string }) {
  const make = useNewVersionOf();
  return (
    <button
      type="button"
      className="title-action"
      disabled={make.isPending}
      title={make.isError ? make.error.info.message : `Start a draft of the next version of ${name}@${version}`}
      onClick={() => make.mutate({ name, version })}
    >
      New version of {version}
    </button>
  );
}
