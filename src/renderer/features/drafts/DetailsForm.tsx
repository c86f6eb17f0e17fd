// The manifest's common fields as a form beside the YAML: name, version, description, tags, outputs and
// dependencies (with what a range means). Main edits the YAML (core/module/yaml-edit.ts), so the user's comments, order and spacing stay.
import { useState } from 'react';
import { useManifestEdit, type ManifestEdit as Edit } from './useManifestEdit';
import { detailsOf, rangeHelp } from './details';
import { RemovableList } from './RemovableList';
import { InlineError } from '../../components/States';


export function DetailsForm({ text, onEdited }: { text: string; onEdited: (text: string) => void }) {
  const details = detailsOf(text);
  const [name, setName] = useState<string | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  const [output, setOutput] = useState({ type: '', description: '' });
  const [description, setDescription] = useState<string | null>(null);
  const [tags, setTags] = useState<string | null>(null);
  const [dep, setDep] = useState({ name: '', range: '^1.0.0' });
  const { apply, error } = useManifestEdit(text, onEdited);
  if (details === null) return null;


  return (
    <section className="inputs-form details-form" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <form
        aria-label="Name, version, description and tags"
        onSubmit={(e) => {
          e.preventDefault();
          const edits: Edit[] = [];
          if (name !== null) edits.push({ op: 'setField', field: 'name', value: name.trim() });
          if (version !== null) edits.push({ op: 'setField', field: 'version', value: version.trim() });
          if (description !== null) edits.push({ op: 'setField', field: 'description', value: description.trim() });
          if (tags !== null) edits.push({ op: 'setTags', tags: tags.split(',').map((t) => t.trim()).filter(Boolean) });
          if (edits.length > 0) void apply(edits).then((ok) => ok && (setName(null), setVersion(null), setDescription(null), setTags(null)));
        }}
      >
        <label className="field">
          Name
          <input value={name ?? details.name} onChange={(e) => setName(e.target.value)} spellCheck={false} className="mono" />
        </label>
        <label className="field">
          Version
          <input value={version ?? details.version} onChange={(e) => setVersion(e.target.value)} spellCheck={false} className="mono" />
        </label>
        <label className="field">
          Description
          <input value={description ?? details.description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="field">
          Tags <span className="muted">(comma-separated)</span>
          <input value={tags ?? details.tags.join(', ')} onChange={(e) => setTags(e.target.value)} />
        </label>
        <button type="submit" disabled={[name, version, description, tags].every((v) => v === null)}>
          Apply
        </button>
      </form>
      <h3>Outputs</h3>
      <RemovableList label="Outputs" items={details.outputs} keyOf={(_, i) => i} named={(o) => `output ${o.type}`} onRemove={(_, i) => void apply([{ op: 'removeOutput', index: i }])}>
        {(o) => (
          <>
            <span className="mono">{o.type}</span> <span className="muted">{o.description}</span>
          </>
        )}
      </RemovableList>
      <form
        aria-label="Add an output"
        onSubmit={(e) => {
          e.preventDefault();
          void apply([{ op: 'addOutput', output: { type: output.type.trim(), description: output.description.trim() } }]).then((ok) => ok && setOutput({ type: '', description: '' }));
        }}
      >
        <label className="field">
          Type
          <input value={output.type} onChange={(e) => setOutput({ ...output, type: e.target.value })} required spellCheck={false} className="mono" />
        </label>
        <label className="field">
          Description
          <input value={output.description} onChange={(e) => setOutput({ ...output, description: e.target.value })} required />
        </label>
        <button type="submit" disabled={output.type.trim() === '' || output.description.trim() === ''}>
          Add output
        </button>
      </form>
      <h3>Dependencies</h3>
      <RemovableList
        label="Dependencies"
        items={details.dependencies}
        keyOf={(d) => d.name}
        named={(d) => `dependency ${d.name}`}
        onRemove={(d) => void apply([{ op: 'removeDependency', name: d.name }])}
      >
        {(d) => (
          <>
            <span className="mono">
              {d.name} {d.range}
            </span>{' '}
            <span className="muted">{rangeHelp(d.range)}</span>
          </>
        )}
      </RemovableList>
      <form
        aria-label="Add a dependency"
        onSubmit={(e) => {
          e.preventDefault();
          void apply([{ op: 'addDependency', name: dep.name.trim(), range: dep.range.trim() }]).then((ok) => ok && setDep({ name: '', range: '^1.0.0' }));
        }}
      >
        <label className="field">
          Module
          <input value={dep.name} onChange={(e) => setDep({ ...dep, name: e.target.value })} required spellCheck={false} className="mono" />
        </label>
        <label className="field">
          Range
          <input value={dep.range} onChange={(e) => setDep({ ...dep, range: e.target.value })} required spellCheck={false} className="mono" />
        </label>
        <button type="submit" disabled={dep.name.trim() === ''}>
          Add dependency
        </button>
        <p className="muted range-help">{rangeHelp(dep.range)}</p>
      </form>
      <InlineError message={error} />
    </section>
  );
}
