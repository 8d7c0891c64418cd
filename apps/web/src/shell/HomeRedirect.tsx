// "/" opens the signed-in role's main page.
import { Navigate } from 'react-router-dom';
import { landingPath } from '../features/auth/roles';
import { useCurrentUser } from '../features/auth/useSession';

export function HomeRedirect() {
  return <Navigate to={landingPath(useCurrentUser().role)} replace />;
}
