// `kizuna users add --email E --name N --role R --password P` and `kizuna users list`.
import type { KizunaDb } from '@kizuna/db';
import { ZodError, z } from 'zod';
import { ConflictError } from '../errors';
import { createUserInput } from '../features/users/schema';
import { createUser, listUsers } from '../features/users/service';
import type { CliIo } from './io';

export async function usersAddCommand(db: KizunaDb, options: Record<string, unknown>, io: CliIo): Promise<number> {
  let input: z.infer<typeof createUserInput>;
  try {
    input = createUserInput.parse(options);
  } catch (err) {
    if (err instanceof ZodError) {
      io.err(`Invalid user:\n${z.prettifyError(err)}\n`);
      return 2;
    }
    throw err;
  }
  try {
    const user = await createUser(db, null, input);
    io.out(`Created ${user.role} ${user.email} (${user.id}).\n`);
    return 0;
  } catch (err) {
    if (err instanceof ConflictError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

export async function usersListCommand(db: KizunaDb, io: CliIo): Promise<number> {
  for (const u of await listUsers(db)) {
    io.out(`${u.role.padEnd(8)} ${u.email.padEnd(32)} ${u.name}${u.disabled ? '  (disabled)' : ''}\n`);
  }
  return 0;
}
