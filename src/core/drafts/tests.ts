// A draft's tests, run on what is saved: the same runner as `promptpm test`, refused with the validation
// errors when the draft does not validate (its tests would not mean anything yet).
import { validationFailure } from '../errors.js';
import { loadModule } from '../module/index.js';
import { runModuleTests, type TestReport } from '../testing/index.js';

export async function runDraftTests(draft: string): Promise<TestReport> {
  const loaded = await loadModule(draft);
  if (loaded.errors.length > 0) throw validationFailure(draft, loaded.errors, loaded.warnings);
  return runModuleTests(loaded);
}
