// Test helper: MetricsData read from a test database with plain queries and the metrics package's own
// builders, independently of loader.ts, so tests can compare the dashboard with the KPI functions.
import { bulkUpsert, dayFromDate, rebuildFeatures, type KizunaDb } from '@kizuna/db';
import { buildCustomerColumns, buildOrderColumns, buildSurveyColumns, type MetricsData } from '@kizuna/metrics';

export interface IndependentData {
  data: MetricsData;
  ids: string[];
}

export async function readIndependently(db: KizunaDb, asOfDay: number): Promise<IndependentData> {
  const customers = await db.kysely
    .selectFrom('customer_features')
    .select(['customer_id', 'signup_day', 'canceled_day', 'membership_status'])
    .orderBy('customer_id')
    .execute();
  const ids = customers.map((c) => c.customer_id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const orders = await db.kysely.selectFrom('orders').select(['customer_id', 'ordered_day', 'amount']).execute();
  const surveys = await db.kysely
    .selectFrom('events')
    .select(['customer_id', 'occurred_day', 'value'])
    .where('event_type', '=', 'survey')
    .execute();
  return {
    ids,
    data: {
      asOfDay,
      customers: buildCustomerColumns(
        customers.map((c) => ({ signupDay: c.signup_day, canceledDay: c.canceled_day, memberStatus: c.membership_status })),
      ),
      orders: buildOrderColumns(
        ids.length,
        orders.map((o) => ({ customer: index.get(o.customer_id)!, day: Number(o.ordered_day), amount: Number(o.amount) })),
      ),
      surveys: buildSurveyColumns(
        surveys.map((s) => ({ customer: index.get(s.customer_id)!, day: Number(s.occurred_day), value: s.value === null ? Number.NaN : Number(s.value) })),
      ),
    },
  };
}

const now = '2024-01-01T00:00:00Z';

/**
 * A hand-made workspace (as of 2024-04-01 when automatic): c1 with three orders (two on one day), c2 with
 * one order and a survey answer, c3 without orders but an active membership, c0 canceled; features built.
 */
export async function seedSmall(db: KizunaDb): Promise<void> {
  await bulkUpsert(
    db,
    'customers',
    ['customer_id', 'signup_date', 'membership_status', 'canceled_at', 'updated_at'],
    ['customer_id'],
    [
      ['c1', '2023-12-01', 'active', null, now],
      ['c2', null, null, null, now],
      ['c3', '2024-01-10', 'paused', null, now],
      ['c0', '2023-06-01', 'canceled', '2024-02-15', now],
    ],
  );
  await bulkUpsert(
    db,
    'orders',
    ['order_id', 'customer_id', 'ordered_at', 'ordered_day', 'amount', 'updated_at'],
    ['order_id'],
    [
      ['o1', 'c1', '2024-01-05', dayFromDate('2024-01-05'), 1000, now],
      ['o2', 'c1', '2024-01-05', dayFromDate('2024-01-05'), 500, now],
      ['o3', 'c1', '2024-03-31', dayFromDate('2024-03-31'), 2000, now],
      ['o4', 'c2', '2024-02-10', dayFromDate('2024-02-10'), 3000, now],
    ],
  );
  await bulkUpsert(
    db,
    'events',
    ['event_key', 'customer_id', 'event_type', 'occurred_at', 'occurred_day', 'value', 'updated_at'],
    ['event_key'],
    [
      ['e1', 'c2', 'survey', '2024-02-11', dayFromDate('2024-02-11'), 4, now],
      ['e2', 'c1', 'page_view', '2024-02-12', dayFromDate('2024-02-12'), null, now],
    ],
  );
  await rebuildFeatures(db);
}
