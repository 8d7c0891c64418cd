// Pages load on first visit, so the sign-in screen does not wait for charts and builders it never shows.
import { lazy } from 'react';

export const SegmentsPage = lazy(() => import('../features/segments/SegmentsPage').then((m) => ({ default: m.SegmentsPage })));
export const OverlapsPage = lazy(() => import('../features/overlaps/OverlapsPage').then((m) => ({ default: m.OverlapsPage })));
export const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
export const MatrixPage = lazy(() => import('../features/matrix/MatrixPage').then((m) => ({ default: m.MatrixPage })));
export const KpisPage = lazy(() => import('../features/kpis/KpisPage').then((m) => ({ default: m.KpisPage })));
export const DataPage = lazy(() => import('../features/data/DataPage').then((m) => ({ default: m.DataPage })));
export const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
export const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
