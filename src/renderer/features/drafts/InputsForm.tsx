// The manifest's inputs as a form: add or remove one, and its placeholder is listed or unlisted with it. Main
// edits the YAML through the Document API (core/module/yaml-edit.ts), so the user's comments and order stay.
import { useState } from 'react';
import { useManifestEdit } from './useManifestEdit';
import type { ManifestFacts } from './manifest-facts';
import { RemovableList } from './RemovableList';
import { InlineError } from '../../components/States';


interface Props {
  text: string;
  facts: ManifestFacts;
  onEdited: (text: string) => void;
}

export function InputsForm({ text, facts, onEdited }: Props) {
  const [name, setName] = useState('');
  const [type, setType] = useState('text');
  const [description, setDescription] = useState('');
  const [required, setRequired] = useState(true);
  const { apply, error } = useManifestEdit(text, onEdited);

  const add = async () => {
    const added = name.trim();
    const placeholders = facts.placeholders.includes(added) ? facts.placeholders : [...facts.placeholders, added];
    if (await apply([{ op: 'addInput', input: { name: added, type: type.trim(), description: description.trim(), required } }, { op: 'setPlaceholders', names: placeholders }])) {
      setName('');
      setDescription('');
    }
  };

  return (
    <section className="inputs-form" aria-labelledby="inputs-title">
      <h2 id="inputs-title">Inputs</h2>
      <RemovableList label="Declared inputs" items={facts.inputs} keyOf={(input) => input} named={(input) => `input ${input}`} onRemove={(input) => void apply([{ op: 'removeInput', name: input }])}>
        {(input) => <span className="mono">{input}</span>}
      </RemovableList>
      <form
        aria-label="Add an input"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required spellCheck={false} className="mono" />
        </label>
        <label className="field">
          Type
          <input value={type} onChange={(e) => setType(e.target.value)} required spellCheck={false} className="mono" />
        </label>
        <label className="field">
          Description
          <input value={description} onChange={(e) => setDescription(e.target.value)} required />
        </label>
        <label className="check">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} /> Required
        </label>
        <button type="submit" disabled={name.trim() === ''}>
          Add input
        </button>
      </form>
      <InlineError message={error} />
    </section>
  );
}
