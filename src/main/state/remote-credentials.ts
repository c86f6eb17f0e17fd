// Credentials of the app's remotes (a user name and a token), kept encrypted by the operating system's
// secure storage (Electron's safeStorage, injected as an Encryptor) in one file of the user-data folder —
// never in plain settings, never sent to the renderer. Without secure storage nothing is stored.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { PromptPMError } from '../../core/errors.js';
import type { Credentials } from '../../core/remote/index.js';

export interface Encryptor {
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

type Stored = Record<string, string>;

export class RemoteCredentials {
  constructor(
    private readonly file: string,
    private readonly encryptor: Encryptor,
  ) {}

  private async read(): Promise<Stored> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      // Missing or damaged: as if no credentials were kept (the user signs in again).
      return {};
    }
  }

  async has(remote: string): Promise<boolean> {
    return Object.hasOwn(await this.read(), remote);
  }

  async get(remote: string): Promise<Credentials | null> {
    const sealed = (await this.read())[remote];
    if (sealed === undefined || !this.encryptor.available()) return null;
    try {
      const value: unknown = JSON.parse(this.encryptor.decrypt(Buffer.from(sealed, 'base64')));
      const { username, password } = (value ?? {}) as Record<string, unknown>;
      return typeof username === 'string' && typeof password === 'string' ? { username, password } : null;
    } catch {
      return null;
    }
  }

  async set(remote: string, credentials: Credentials): Promise<void> {
    if (!this.encryptor.available()) {
      throw new PromptPMError('VALIDATION_ERROR', 'This system offers no secure storage for the token', {
        hint: 'Add the remote without a token (anonymous), or sign in to a desktop session with a keyring.',
        path: this.file,
        reason: 'SECURE_STORAGE_UNAVAILABLE',
      });
    }
    const stored = await this.read();
    stored[remote] = this.encryptor.encrypt(JSON.stringify(credentials)).toString('base64');
    await writeFileAtomic(this.file, JSON.stringify(stored), 0o600);
  }

  async delete(remote: string): Promise<void> {
    const stored = await this.read();
    if (!Object.hasOwn(stored, remote)) return;
    delete stored[remote];
    await writeFileAtomic(this.file, JSON.stringify(stored), 0o600);
  }
}
