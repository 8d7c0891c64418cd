// Left navigation; the current page is marked with aria-current by NavLink.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useCurrentUser } from '../features/auth/useSession';
import type { NavItem } from './navigation';
import { navItems } from './navigation';

function NavEntry({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  return (
    <li>
      {/* `end` so Settings is not also marked current while the audit log (under it) is open. */}
      <NavLink to={item.path} end className="nav-link">
        {t(`nav.${item.key}`)}
      </NavLink>
      {item.children.length > 0 ? (
        <ul className="nav-children">
          {item.children.map((child) => (
            <NavEntry key={child.key} item={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function SideNav() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <ul>
        {navItems(user.role).map((item) => (
          <NavEntry key={item.key} item={item} />
        ))}
      </ul>
    </nav>
  );
}
