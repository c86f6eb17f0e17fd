// writeNewFileDurable (registry/durable.ts) on the thread pool, for pull: many files are written while
// downloads continue, and their fsyncs must not block the event loop one after the other.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Creates a new file (never overwrites, never follows a link), writes all bytes and fsyncs it. */
export async function writeNewFileDurableAsync(path: string, data: Uint8Array): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
