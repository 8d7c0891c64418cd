// Who may change segments in the UI (the server checks again): administrators and marketers.
import { useCurrentUser } from '../auth/useSession';

export function useCanEditSegments(): boolean {
  const { role } = useCurrentUser();
  return role === 'admin' || role === 'marketer';
}
