// The add-user form's schema. It mirrors the server's createUserInput (the web may import only the server's
// types), with translation keys as messages; the server validates again.
import { z } from 'zod';
import { roles } from '../auth/roles';

export const newUserInput = z.object({
  name: z.string().trim().min(1, { error: 'users.errors.name' }).max(200, { error: 'users.errors.name' }),
  email: z.string().trim().max(320, { error: 'users.errors.email' }).pipe(z.email({ error: 'users.errors.email' })),
  role: z.enum(roles, { error: 'users.errors.role' }),
  password: z.string().min(8, { error: 'users.errors.password' }).max(1024, { error: 'users.errors.password' }),
});
export type NewUserInput = z.infer<typeof newUserInput>;

export const emptyNewUser: NewUserInput = { name: '', email: '', role: 'marketer', password: '' };
