import { createHash } from 'node:crypto';

// SHA-256 digests (FIPS 180-4) in the two encodings the archive uses: hex where a digest is
// shown or stored (captureSha256 in front matter, BibTeX keys), base64url (RFC 4648, section 5)
// for cache keys.

/** The SHA-256 of bytes, or of a string as UTF-8, as 64 lower-case hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The SHA-256 of bytes, or of a string as UTF-8, in base64url without padding (43 characters). */
export function sha256Base64url(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}

/**
 * A cache key for any JSON-able value: sha256Base64url of its JSON.stringify text. Equal values
 * written with their keys in the same order give the same key.
 */
export function jsonDigest(value: unknown): string {
  return sha256Base64url(JSON.stringify(value));
}
