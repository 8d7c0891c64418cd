// Inputs of the users procedures, shared with the CLI's `users add`.
import { userRoles } from '@kizuna/db';
import { z } from 'zod';

export const roleSchema = z.enum(userRoles);

const password = z.string().min(8, 'At least 8 characters').max(1024);
const name = z.string().trim().min(1, 'Enter a name').max(200);

export const createUserInput = z.object({
  email: z.string().trim().max(320).pipe(z.email('Enter a valid email')),
  name,
  role: roleSchema,
  password,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  id: z.string().min(1),
  role: roleSchema.optional(),
  name: name.optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;
