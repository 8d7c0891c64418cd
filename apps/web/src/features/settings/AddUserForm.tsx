// Adding a user: name, email, role and an initial password they can be told out of band.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { apiFieldErrors } from '../../ui/apiError';
import { SelectField, TextField } from '../../ui/Field';
import { roles } from '../auth/roles';
import type { NewUserInput } from './userForm';
import { emptyNewUser, newUserInput } from './userForm';
import { useCreateUser } from './useSettings';

export function AddUserForm() {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<NewUserInput>({ resolver: zodResolver(newUserInput), defaultValues: emptyNewUser });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setAdded(null);
    try {
      const user = await create.mutateAsync(values);
      setAdded(user.email);
      form.reset(emptyNewUser);
    } catch (error) {
      // Field-level problems from the server go next to their field; the rest shows above the button.
      for (const [field, messages] of Object.entries(apiFieldErrors(error))) {
        if (field in emptyNewUser && messages[0]) form.setError(field as keyof NewUserInput, { message: messages[0] });
      }
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="add-user" aria-labelledby="add-user-heading">
      <h3 id="add-user-heading">{t('users.addTitle')}</h3>
      <div className="grid-4">
        <TextField label={t('users.name')} autoComplete="off" error={errors.name?.message} {...form.register('name')} />
        <TextField label={t('users.email')} type="email" autoComplete="off" error={errors.email?.message} {...form.register('email')} />
        <SelectField label={t('users.role')} error={errors.role?.message} {...form.register('role')}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('users.password')}
          type="password"
          autoComplete="new-password"
          hint={t('users.passwordHint')}
          error={errors.password?.message}
          {...form.register('password')}
        />
      </div>
      {create.isError && Object.keys(apiFieldErrors(create.error)).length === 0 ? <ApiErrorNotice error={create.error} /> : null}
      {added ? <Alert tone="success">{t('users.added', { email: added })}</Alert> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t('users.add')}
        </button>
      </div>
    </form>
  );
}
