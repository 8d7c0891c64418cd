// The KPI API's result types, named once for the page's hooks, components and shaping functions.
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Api } from '../../trpc';

export type KpiDashboard = inferOutput<Api['kpis']['dashboard']>;
export type KpiTile = KpiDashboard['tiles'][number];
export type KpiTileId = KpiTile['id'];
export type TrendRow = KpiDashboard['trend'][number];
export type CsatPoint = KpiDashboard['csat'][number];
export type CohortRowView = KpiDashboard['cohorts'][number];
export type RfmGridView = KpiDashboard['rfm'];
export type ModelView = KpiDashboard['model'];
export type ModelCheck = NonNullable<ModelView['check']>;
export type SegmentCutView = KpiDashboard['segments'][number];
export type KpiDefinition = inferOutput<Api['kpis']['definitions']>[number];
export type KpiDefinitionId = KpiDefinition['id'];
