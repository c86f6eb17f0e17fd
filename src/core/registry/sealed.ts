// Files the tool keeps for itself and checks before trusting them (the listing text, kept resolutions): their
// content, a newline, and the SHA-256 (hex) of the content. A file cut short, or changed by anyone but its
// writer, fails the check and is made again; so these files are written without fsync.
import { hash } from 'node:crypto';

const HASH_HEX = 64;
const NEWLINE = 10;

/** The content of a sealed file's bytes, or null when the seal does not check out. */
export function unsealed(bytes: Buffer): Buffer | null {
  const end = bytes.length - HASH_HEX - 1;
  if (end < 0 || bytes[end] !== NEWLINE) return null;
  const content = bytes.subarray(0, end);
  return hash('sha256', content, 'hex') === bytes.toString('latin1', end + 1) ? content : null;
}

/** The seal that follows `digestHex` (the content's SHA-256) at the end of a sealed file. */
export const sealOf = (digestHex: string): string => `\n${digestHex}`;

/** A sealed file's text for `content` (one made whole; a streamed one ends with sealOf its running hash). */
export const sealed = (content: string): string => content + sealOf(hash('sha256', content, 'hex'));
