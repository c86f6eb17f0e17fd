// The test report of §3 and §6 (`test` data), with per-assertion results for the app.
export interface AssertionResult {
  assertion_index: number;
  assertion_type: string;
  passed: boolean;
  expected: string;
  /** Preview of the rendered text: newlines shown as `\n`, cut at 120 characters plus `...`. */
  actual: string;
  message: string;
}

export interface TestResult {
  name: string;
  status: 'passed' | 'failed';
  failure_count: number;
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
}
