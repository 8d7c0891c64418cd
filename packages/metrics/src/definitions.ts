// The written definition of every KPI — formula, window, edge cases — for the UI's "how is this computed"
// text. docs/kpis.md carries the same sentences (a test keeps the two in step).

export type KpiId =
  | 'customers'
  | 'active_customers'
  | 'repeat_purchase_rate'
  | 'period_retention'
  | 'membership_retention'
  | 'cohort_retention'
  | 'revenue'
  | 'aov'
  | 'purchase_frequency'
  | 'revenue_per_customer'
  | 'csat'
  | 'rfm_scores'
  | 'rfm_grid'
  | 'probability_alive'
  | 'expected_purchases'
  | 'predicted_clv';

export type KpiUnit = 'customers' | 'share' | 'money' | 'orders per customer' | 'score' | 'rating' | 'probability' | 'purchases';

export interface KpiDefinition {
  id: KpiId;
  name: string;
  unit: KpiUnit;
  /** The exported function that computes it. */
  fn: string;
  formula: string;
  window: string;
  edgeCases: string[];
}

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'customers',
    name: 'Customers',
    unit: 'customers',
    fn: 'countCustomers',
    formula: 'Customer records that exist as of the as-of date.',
    window: 'As of the as-of date: signed up before it, or ordered before it.',
    edgeCases: [
      'A customer with neither a signup date nor any order cannot be placed in time and is counted.',
      'A customer whose signup and orders all fall on or after the as-of date is not counted yet.',
    ],
  },
  {
    id: 'active_customers',
    name: 'Active customers',
    unit: 'customers',
    fn: 'countActiveCustomers',
    formula: 'Customers with at least one order in the window.',
    window: 'The chosen window, cut at the day before the as-of date.',
    edgeCases: ['Zero-amount orders count as orders.', 'Several orders on one day still make one active customer.'],
  },
  {
    id: 'repeat_purchase_rate',
    name: 'Repeat-purchase rate',
    unit: 'share',
    fn: 'repeatPurchaseRate',
    formula: 'Customers with a second purchase day / customers with at least one purchase.',
    window: 'All history before the as-of date; with a window, only purchase days inside the window count.',
    edgeCases: [
      'Purchases are counted in days: two orders on the same day are one purchase day, so they do not make a repeat.',
      'No purchases at all gives no rate (shown as –), not 0 %.',
    ],
  },
  {
    id: 'period_retention',
    name: 'Period retention and churn',
    unit: 'share',
    fn: 'periodRetention',
    formula: 'Of the customers active in calendar period P, the share also active in P+1; churn = 1 − retention.',
    window: 'Calendar weeks (Monday to Sunday), months or quarters; one point per period whose next period has begun before the as-of date.',
    edgeCases: [
      'Active means at least one order in the period.',
      'While P+1 is still running at the as-of date the point is marked incomplete: its retention can only grow.',
      'A customer who skips P+1 and returns in P+2 counts as churned for P.',
    ],
  },
  {
    id: 'membership_retention',
    name: 'Membership retention and cancellation churn',
    unit: 'share',
    fn: 'membershipRetention',
    formula:
      '(members at end − new members) / members at start; cancellation churn = members at start who canceled in the window / members at start.',
    window: 'The chosen window, cut at the day before the as-of date; members at start are counted at the start of its first day, members at end at the end of its last day.',
    edgeCases: [
      'A membership runs from the signup date to the cancellation date of a canceled member; active and paused members are members.',
      'New members are members at the end who joined within the window, so (end − new) is exactly the starting members still there and retention + cancellation churn = 1.',
      'Members without a signup date, or canceled without a cancellation date, cannot be placed in time and are left out (reported as undated).',
      'Customers without membership data are not members.',
    ],
  },
  {
    id: 'cohort_retention',
    name: 'Cohort retention',
    unit: 'share',
    fn: 'cohortRetention',
    formula:
      'Cohort = calendar month of the first order; month-N retention = cohort customers who bought in calendar month first+N / cohort size; revenue retention = cohort revenue in month N / cohort revenue in month 0.',
    window: 'Every order before the as-of date; one column per calendar month up to the month of the day before the as-of date.',
    edgeCases: [
      'Month 0 customer retention is always 100 %.',
      'Revenue retention has no value when the cohort spent nothing in month 0.',
      'The month holding the as-of date is marked incomplete.',
    ],
  },
  {
    id: 'revenue',
    name: 'Revenue',
    unit: 'money',
    fn: 'totalRevenue',
    formula: 'Sum of order amounts in the window, in minor units of the workspace currency.',
    window: 'The chosen window, cut at the day before the as-of date.',
    edgeCases: ['Refunds are whatever the imported amounts say: a negative amount lowers revenue.'],
  },
  {
    id: 'aov',
    name: 'Average order value (AOV)',
    unit: 'money',
    fn: 'averageOrderValue',
    formula: 'Revenue / orders in the window.',
    window: 'The chosen window, cut at the day before the as-of date.',
    edgeCases: ['Counted per order, not per purchase day: two orders on one day are two orders.', 'Zero-amount orders count and lower the AOV.', 'No orders gives no AOV.'],
  },
  {
    id: 'purchase_frequency',
    name: 'Purchase frequency',
    unit: 'orders per customer',
    fn: 'purchaseFrequency',
    formula: 'Orders / customers with at least one order, in the window.',
    window: 'The chosen window, cut at the day before the as-of date.',
    edgeCases: ['Customers without an order in the window are not in the denominator.'],
  },
  {
    id: 'revenue_per_customer',
    name: 'Revenue per customer (historical CLV)',
    unit: 'money',
    fn: 'revenuePerCustomer',
    formula: 'Revenue / customers with at least one order, in the window; over all history it is the historical CLV.',
    window: 'All history before the as-of date unless a window is chosen.',
    edgeCases: ['Customers who never ordered are not in the denominator.'],
  },
  {
    id: 'csat',
    name: 'CSAT',
    unit: 'share',
    fn: 'csat',
    formula: 'Survey answers rated 4 or 5 / all answers rated 1 to 5; also the mean rating.',
    window: 'Survey answers dated in the chosen window, cut at the day before the as-of date.',
    edgeCases: ['Every answer counts, including several from one customer.', 'Ratings that are missing or outside 1–5 are left out and reported as ignored.'],
  },
  {
    id: 'rfm_scores',
    name: 'R/F/M scores',
    unit: 'score',
    fn: 'rfmScores',
    formula:
      'For n customers with at least one order and below = how many of them have a strictly worse value: score = 1 + floor(5 × below / n). Worse means larger recency_days (R), fewer orders (F), a smaller sum of amounts (M).',
    window: 'All orders before the as-of date; ranked among all customers, never within a segment.',
    edgeCases: ['Ties share a score.', 'Customers without orders have no score.', 'Frequency counts orders, not purchase days.'],
  },
  {
    id: 'rfm_grid',
    name: 'R × F grid',
    unit: 'customers',
    fn: 'rfmGrid',
    formula: 'Customers and their revenue (sum of amounts before the as-of date) per pair of R and F scores.',
    window: 'All orders before the as-of date.',
    edgeCases: ['Only customers with a score (at least one order) appear.'],
  },
  {
    id: 'probability_alive',
    name: 'Probability alive',
    unit: 'probability',
    fn: 'probabilityAlive',
    formula: 'BG/NBD: P(alive | x, t_x, T) = 1 / (1 + a/(b+x−1) × ((α+T)/(α+t_x))^(r+x)) for x > 0, else 1.',
    window: 'x = purchase days before the as-of date − 1, t_x = days from first to last purchase day, T = days from first purchase day to the as-of date.',
    edgeCases: ['A customer with a single purchase day has probability 1: the model lets customers drop out only after a repeat purchase.', 'Customers without purchases have no value.'],
  },
  {
    id: 'expected_purchases',
    name: 'Expected purchases',
    unit: 'purchases',
    fn: 'expectedPurchases',
    formula: 'BG/NBD: expected purchase days in the next t days given x, t_x and T (Fader, Hardie & Lee 2005, eq. 10).',
    window: 'The t days starting at the as-of date.',
    edgeCases: ['Purchases are purchase days, as in the fit.'],
  },
  {
    id: 'predicted_clv',
    name: 'Predicted CLV',
    unit: 'money',
    fn: 'predictCustomers',
    formula: 'Expected purchase days in the horizon × expected spend per purchase day (Gamma-Gamma); undiscounted unless a discount rate is set.',
    window: 'The horizon starting at the as-of date.',
    edgeCases: [
      'With a discount rate, purchases expected in period k are divided by (1 + rate)^k.',
      'Without enough repeat customers to fit Gamma-Gamma, the expected spend is the customer’s own mean per purchase day.',
    ],
  },
];

export function kpiDefinition(id: KpiId): KpiDefinition {
  const d = KPI_DEFINITIONS.find((k) => k.id === id);
  if (!d) throw new RangeError(`unknown KPI ${id}`);
  return d;
}
