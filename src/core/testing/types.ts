// The test report of §3 and §6 (`test` data), with per-assertion results for the app under `cases`.
export interface AssertionResult {
  assertion_index: number;
  assertion_type: string;
  passed: boolean;
  expected: string;
  /** Preview of the rendered text: newlines shown as `\n`, cut at 120 characters plus `...`. */
  actual: string;
  message: string;
}

/** One row of `results`: exactly these keys, which the earlier tool's scripts compare whole (docs/cli.md). */
export interface TestResult {
  name: string;
  status: 'passed' | 'failed';
  failure_count: number;
}

/** Ours: every assertion's outcome of one test, in the same order as `results`. */
export interface TestCaseResult {
  name: string;
  /** Position of the test in the manifest's `tests` (names may repeat). */
  test_index: number;
  assertions: AssertionResult[];
}

export interface TestFailure {
  test_name: string;
  assertion_index: number;
  assertion_type: string;
  expected: string;
  actual: string;
  message: string;
}

export interface TestReport {
  module_path: string;
  total: number;
  passed: number;
  failed: number;
  results: TestResult[];
  failures: TestFailure[];
  cases: TestCaseResult[];
}
