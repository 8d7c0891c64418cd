// Queries of the KPI page: the dashboard for the controls in the URL, the KPI definitions for the info tips,
// and the saved segments offered for comparison.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../trpc';
import { dashboardInput, type KpiQuery } from './kpiQuery';

export function useKpiDashboard(query: KpiQuery, enabled: boolean) {
  const trpc = useTRPC();
  // The previous result stays on screen while a new as-of date or segment loads, dimmed, instead of a blank page.
  return useQuery(trpc.kpis.dashboard.queryOptions(dashboardInput(query), { enabled, placeholderData: keepPreviousData }));
}

export function useKpiDefinitions() {
  const trpc = useTRPC();
  // Definitions change only with a new release.
  return useQuery(trpc.kpis.definitions.queryOptions(undefined, { staleTime: Infinity }));
}

export function useSegmentOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.segments.list.queryOptions({}));
}

export function useCampaignOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.campaigns.list.queryOptions({ includeArchived: false }));
}

export function useHoldout(campaignId: string | null) {
  const trpc = useTRPC();
  return useQuery(trpc.kpis.holdout.queryOptions({ campaignId: campaignId ?? '' }, { enabled: campaignId !== null }));
}
