// Users (admins only): who has access, with role changes, disabling and adding people.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ApiErrorNotice } from '../../ui/ApiErrorNotice';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import type { Role } from '../auth/roles';
import { roles } from '../auth/roles';
import { useWorkspaceSummary } from '../workspace/useWorkspaceSummary';
import { AddUserForm } from './AddUserForm';
import type { UserRow } from './useSettings';
import { useUpdateUser, useUsers } from './useSettings';

function UserTableRow({ user, isSelf, onChange, busy }: {
  user: UserRow;
  isSelf: boolean;
  busy: boolean;
  onChange: (patch: { role?: Role; disabled?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const timeZone = useWorkspaceSummary().data?.timeZone ?? 'UTC';
  return (
    <tr className={user.disabled ? 'row-disabled' : undefined}>
      <th scope="row" className="nowrap">
        {user.name}
        {isSelf ? <span className="muted"> {t('users.you')}</span> : null}
      </th>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={t('users.roleOf', { name: user.name })}
          value={user.role}
          disabled={isSelf || busy}
          onChange={(e) => onChange({ role: e.target.value as Role })}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className={`badge ${user.disabled ? 'badge-failed' : 'badge-succeeded'}`}>
          {user.disabled ? t('users.disabled') : t('users.active')}
        </span>
      </td>
      <td className="nowrap">{formatDateTime(user.createdAt, locale, timeZone)}</td>
      <td>
        {isSelf ? null : (
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={busy}
            aria-label={user.disabled ? t('users.enableUser', { name: user.name }) : t('users.disableUser', { name: user.name })}
            onClick={() => onChange({ disabled: !user.disabled })}
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function UsersSection({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  const users = useUsers(true);
  const update = useUpdateUser();

  return (
    <section className="panel" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('users.title')}</h2>
      <p className="muted">{t('users.description')}</p>
      {update.isError ? <ApiErrorNotice error={update.error} /> : null}
      {users.isError ? <ApiErrorNotice error={users.error} /> : null}
      {users.isPending ? <Loading /> : null}
      {users.data ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.created')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserTableRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === currentUserId}
                  busy={update.isPending && update.variables.id === user.id}
                  onChange={(patch) => update.mutate({ id: user.id, ...patch })}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AddUserForm />
    </section>
  );
}
