// --pretty: output for people. Each command has its own success rendering; failures share one.
import type { Data, Envelope } from '../envelope.js';
import { renderLine } from '../line.js';
import { prettyDiff } from './diff.js';
import { prettyFailure } from './failure.js';
import { prettyInit, prettyTest, prettyValidate } from './module.js';
import { prettyInfo, prettyInstall, prettyList, prettyPublish, prettyVerify } from './registry.js';
import { prettyPull, prettyPush, prettyRemote } from './remote.js';
import { createStyle, type Style } from './style.js';

const SUCCESS: Record<string, (data: Data, style: Style) => string[]> = {
  init: prettyInit,
  validate: prettyValidate,
  test: prettyTest,
  publish: prettyPublish,
  install: prettyInstall,
  list: prettyList,
  info: prettyInfo,
  verify: prettyVerify,
  diff: prettyDiff,
  remote: prettyRemote,
  push: prettyPush,
  pull: prettyPull,
};

export function renderPretty(envelope: Envelope, colour: boolean): string {
  const style = createStyle(colour);
  if (!envelope.ok) return prettyFailure(envelope.operation, envelope.error, envelope.data, style).join('\n');
  const render = SUCCESS[envelope.operation];
  return render ? render(envelope.data, style).join('\n') : renderLine(envelope);
}
