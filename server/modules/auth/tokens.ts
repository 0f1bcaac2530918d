import { createHash, randomBytes } from 'node:crypto';

/** Random secrets for session cookies and API tokens; only their SHA-256 is stored. */
export const newSecret = (prefix: string): string => `${prefix}${randomBytes(32).toString('base64url')}`;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
