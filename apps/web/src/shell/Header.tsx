// The banner: product name, the as-of line, the language switch, and who is signed in with a way out.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser, useLogout } from '../features/auth/useSession';
import { AsOfLine } from '../features/workspace/AsOfLine';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Logo } from '../ui/Logo';

export function Header() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();

  const signOut = () => {
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  };

  return (
    <header className="app-header">
      <div className="brand">
        <Logo />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <AsOfLine />
      <div className="header-tools">
        <LanguageSwitch />
        <div className="user-box">
          <span className="user-name">{user.name}</span>
          <span className="user-role">{t(`roles.${user.role}`)}</span>
        </div>
        <button type="button" className="button button-secondary" onClick={signOut} disabled={logout.isPending}>
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
