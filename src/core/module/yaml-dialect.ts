// YAML 1.1 as the earlier tool's parser (PyYAML) resolves it (docs/module-format.md). The `yaml` library's
// 1.1 schema also reads `y`, `Y`, `n` and `N` as booleans, which PyYAML leaves as strings: a module named
// `y` would otherwise be `true`. Its boolean tags are narrowed to PyYAML's words; everything else is kept.
// Types only: the index reads manifests with a lazily imported `yaml` and the same options.
import type { ScalarTag, Tags } from 'yaml';

const BOOL_TAG = 'tag:yaml.org,2002:bool';

/** PyYAML's booleans: yes/no/true/false/on/off in lower, Title and UPPER case. */
export const PYYAML_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
export const PYYAML_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;

const boolTag = (value: boolean, test: RegExp): ScalarTag => ({
  tag: BOOL_TAG,
  default: true,
  identify: (v) => v === value,
  test,
  resolve: () => value,
});

const PY_TRUE_TAG = boolTag(true, PYYAML_TRUE);
const PY_FALSE_TAG = boolTag(false, PYYAML_FALSE);

/** The 1.1 schema's tags with the two boolean tags replaced in place (tag order decides resolution). */
function pyyamlTags(tags: Tags): Tags {
  return tags.map((t) => (typeof t === 'object' && t.tag === BOOL_TAG ? (t.identify?.(true) ? PY_TRUE_TAG : PY_FALSE_TAG) : t));
}

/** Parse options shared by every reader of YAML manifests. */
export const YAML_DIALECT = { version: '1.1', customTags: pyyamlTags } as const;
