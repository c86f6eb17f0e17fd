// Stands in for Electron's safeStorage where it cannot run (vitest, the browser harness): reversible and
// visibly not plain text, so a test can tell a token was stored sealed. Real encryption is Electron's.
import type { Encryptor } from '../../src/main/state/remote-credentials.js';

export const testEncryptor: Encryptor = {
  available: () => true,
  encrypt: (text) => Buffer.from(`sealed:${Buffer.from(text, 'utf8').toString('hex')}`),
  decrypt: (data) => Buffer.from(data.toString().replace(/^sealed:/, ''), 'hex').toString('utf8'),
};
