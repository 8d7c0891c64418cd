// Reading and changing workspace settings. A new as-of date or time zone changes every computed feature,
// so the feature table is rebuilt before the change is reported done.
import {
  getSettings,
  rebuildFeatures,
  updateSettings as writeSettings,
  writeAudit,
  type KizunaDb,
  type Settings,
  type SettingsPatch,
} from '@kizuna/db';
import type { SessionUser } from '../../context';
import { invalidateKpiCache } from '../kpis/cache';
import { invalidateSegmentEngine } from '../segments/engine';

export function readSettings(db: KizunaDb): Promise<Settings> {
  return getSettings(db);
}

export async function updateSettings(
  db: KizunaDb,
  actor: Pick<SessionUser, 'id' | 'email'>,
  patch: SettingsPatch,
): Promise<Settings> {
  const before = await getSettings(db);
  const after = await writeSettings(db, patch);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  }
  const rebuild = 'asOfDate' in changes || 'timeZone' in changes;
  const rebuilt = rebuild ? await rebuildFeatures(db) : null;
  if (rebuild) await invalidateKpiCache(db);
  if (rebuild) invalidateSegmentEngine(db);
  await writeAudit(db, {
    action: 'settings.update',
    entityType: 'settings',
    userId: actor.id,
    userEmail: actor.email,
    details: { changes, featuresRebuilt: rebuilt ? { customers: rebuilt.customers, asOfDay: rebuilt.asOfDay } : null },
  });
  return after;
}
