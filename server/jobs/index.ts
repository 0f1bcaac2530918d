import { removeExpiredSessions } from '../modules/auth/auth.service.js';
import type { JobHandler, Schedule } from './runner.js';

/** Every job the app knows, by name. Later modules add theirs here. */
export const jobHandlers: Record<string, JobHandler> = {
  'auth.remove-expired-sessions': (ctx) => removeExpiredSessions(ctx),
};

export const jobSchedulesToEnsure: Schedule[] = [{ name: 'auth.remove-expired-sessions', everySeconds: 3600 }];
