// Test helper: a small hand-computed data set (as of 2024-04-01) whose KPI values are worked out in the
// comments of the tests that use it.
import { isoToDay } from '../calendar';
import { buildCustomerColumns, buildOrderColumns, buildSurveyColumns, type MetricsData } from '../data';

export const d = isoToDay;

/**
 * 0: 2024-01-05 ×2 (1000, 500, same day), 2024-02-10 (2000), 2024-03-31 (0), 2024-04-01 (9999, on the as-of day)
 * 1: 2024-01-20 (3000) — one order
 * 2: 2024-02-01 (1500), 2024-03-15 (2500)
 * 3: no orders, signed up 2023-12-01
 * 4: one order 2024-04-05 (after the as-of day), no signup
 * 5: no orders, no signup
 * 6: no orders, signs up 2024-05-01
 */
export function handData(): MetricsData {
  const customers = buildCustomerColumns([
    {},
    {},
    {},
    { signupDay: d('2023-12-01') },
    {},
    {},
    { signupDay: d('2024-05-01') },
  ]);
  const orders = buildOrderColumns(7, [
    { customer: 0, day: d('2024-04-01'), amount: 9999 },
    { customer: 2, day: d('2024-03-15'), amount: 2500 },
    { customer: 0, day: d('2024-01-05'), amount: 1000 },
    { customer: 0, day: d('2024-02-10'), amount: 2000 },
    { customer: 1, day: d('2024-01-20'), amount: 3000 },
    { customer: 0, day: d('2024-03-31'), amount: 0 },
    { customer: 4, day: d('2024-04-05'), amount: 700 },
    { customer: 2, day: d('2024-02-01'), amount: 1500 },
    { customer: 0, day: d('2024-01-05'), amount: 500 },
  ]);
  const surveys = buildSurveyColumns([
    { customer: 0, day: d('2024-03-10'), value: 5 },
    { customer: 1, day: d('2024-03-10'), value: 3 },
    { customer: 2, day: d('2024-03-31'), value: 4 },
    { customer: 2, day: d('2024-04-01'), value: 1 },
    { customer: 0, day: d('2024-02-01'), value: 0 },
    { customer: 1, day: d('2024-02-02'), value: 4.5 },
  ]);
  return { customers, orders, surveys, asOfDay: d('2024-04-01') };
}
