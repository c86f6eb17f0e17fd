// Ordering of diagnostics (§6) and the five-errors fixture: all mistakes in one pass.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../../src/core/errors.js';
import { loadModule, RULE_ORDER, sortDiagnostics } from '../../../src/core/module/index.js';

const d = (code: string, file: string | null, line: number | null, column: number | null): Diagnostic => ({ code, file, line, column, field: null, message: code, hint: '' });

describe('diagnostic order', () => {
  test('located by file, line, column; unlocated last in rule order', () => {
    const sorted = sortDiagnostics([
      d('RANGE_INVALID', null, null, null),
      d('FIELD_REQUIRED', '/m/promptpm.yaml', null, null),
      d('NAME_INVALID', '/m/template.prompt', 1, 1),
      d('VERSION_INVALID', '/m/promptpm.yaml', 3, 9),
      d('NAME_INVALID', '/m/promptpm.yaml', 3, 2),
      d('FIELD_TYPE', '/m/promptpm.yaml', 1, 5),
    ]);
    expect(sorted.map((x) => [x.code, x.line, x.column])).toEqual([
      ['FIELD_TYPE', 1, 5],
      ['NAME_INVALID', 3, 2],
      ['VERSION_INVALID', 3, 9],
      ['NAME_INVALID', 1, 1],
      ['FIELD_REQUIRED', null, null],
      ['RANGE_INVALID', null, null],
    ]);
    expect(RULE_ORDER.indexOf('FIELD_REQUIRED')).toBeLessThan(RULE_ORDER.indexOf('RANGE_INVALID'));
  });

  test('five-errors fixture: five errors, one run, each with code, field, line:column and hint', async () => {
    const dir = path.resolve('test/fixtures/modules/five-errors');
    const mod = await loadModule(dir);
    expect(mod.errors.map((e) => [e.code, e.field, e.line, e.column])).toEqual([
      ['NAME_INVALID', 'module.name', 2, 9],
      ['VERSION_INVALID', 'module.version', 3, 12],
      ['TYPE_NAME_INVALID', 'interface.inputs[1].type', 12, 31],
      ['RANGE_INVALID', 'dependencies[0].version', 16, 39],
      ['ASSERTION_UNSUPPORTED', 'tests[0].assertions[0].contanis', 21, 9],
    ]);
    for (const e of mod.errors) {
      expect(e.file).toBe(path.join(dir, 'promptpm.yaml'));
      expect(e.hint).toMatch(/\S/);
    }
  });
});
