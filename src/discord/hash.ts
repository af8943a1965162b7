import { createHash } from 'node:crypto';

/** sha256 (hex) of a Discord user id: feedback and logs identify users by this, never by id. */
export function hashUserId(userId: string): string {
  return createHash('sha256').update(userId).digest('hex');
}
