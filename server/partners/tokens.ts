import { createHash, randomBytes } from 'node:crypto';

/** A random bearer token with a recognisable prefix (`pc_…`), 256 bits of entropy. */
export const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** Tokens and keys are stored only as their SHA-256. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
