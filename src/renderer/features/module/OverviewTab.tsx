// Metadata and the semantic interface of one version.
import type { VersionDetail } from '../../../shared/ipc/schemas';
import { Table } from '../../components/Table';
import { VerifyPanel } from '../verify/VerifyPanel';

function Conditions({ title, items }: { title: string; items: string[] }) {
  return (
    <div className="conditions">
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">None declared.</p>
      ) : (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function OverviewTab({ detail }: { detail: VersionDetail }) {
  const { metadata, interface: iface } = detail;
  return (
    <div className="overview">
      <dl className="facts">
        <dt>License</dt>
        <dd>{metadata.license ?? <span className="muted">Not stated</span>}</dd>
        <dt>Authors</dt>
        <dd>{metadata.authors.length ? metadata.authors.join(', ') : <span className="muted">Not stated</span>}</dd>
        <dt>Tags</dt>
        <dd>
          {metadata.tags.length ? (
            metadata.tags.map((tag) => (
              <span className="tag" key={tag}>
                {tag}
              </span>
            ))
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
        <dt>Location</dt>
        <dd className="mono">{detail.path}</dd>
      </dl>

      <h2 className="section-title">Interface</h2>
      <p className="intent">{iface.intent}</p>
      <h3>Inputs</h3>
      <Table headers={['Name', 'Type', 'Required', 'Description']}>
        {iface.inputs.map((input) => (
          <tr key={input.name}>
            <td className="mono">{input.name}</td>
            <td>
              <span className="type">{input.type}</span>
            </td>
            <td>{input.required ? 'Required' : <span className="muted">Optional</span>}</td>
            <td>{input.description}</td>
          </tr>
        ))}
      </Table>
      <h3>Outputs</h3>
      <Table headers={['Type', 'Description', 'Structure']}>
        {iface.outputs.map((output, i) => (
          <tr key={i}>
            <td>
              <span className="type">{output.type}</span>
            </td>
            <td>{output.description}</td>
            <td className="mono small">
              {output.structure === undefined ? <span className="muted">—</span> : JSON.stringify(output.structure)}
            </td>
          </tr>
        ))}
      </Table>
      <div className="conditions-pair">
        <Conditions title="Preconditions" items={iface.preconditions} />
        <Conditions title="Postconditions" items={iface.postconditions} />
      </div>

      <h2 className="section-title">Integrity</h2>
      <VerifyPanel name={detail.name} />
    </div>
  );
}
