// Public API of the test runner (docs/module-format.md, "Tests").
export { runModuleTests } from './run.js';
export type { AssertionResult, TestCaseResult, TestFailure, TestReport, TestResult } from './types.js';
export { evaluateAssertion } from './assertions.js';
export { preview, codePointLength } from './text.js';
