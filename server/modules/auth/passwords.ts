import { hash, verify } from '@node-rs/argon2';

/** Argon2id with OWASP's minimum memory cost (19 MiB, 2 passes): memory-hard against GPU guessing. */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};
