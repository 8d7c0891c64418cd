// Issue #6 in a real browser: a manager opens the KPI page and checks the tiles against kpis.dashboard,
// reads a definition, changes the as-of date (the workspace setting stays), compares a segment (created
// through the API as a marketer: managers cannot create segments, and the builder has its own browser
// test), downloads a chart, follows an R × F cell to the builder, and looks at the page in Japanese.
import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { apiQuery, signIn, snap } from './helpers';

interface Tile {
  id: string;
  unit: 'count' | 'share' | 'money' | 'ratio';
  value: number | null;
}
interface Dashboard {
  asOfDate: string;
  workspaceAsOfDate: string;
  currency: string;
  current: { period: string } | null;
  tiles: Tile[];
  segments: { id: string; name: string; members: number; tiles: Tile[] }[];
}

const dashboard = (page: Page, input: Record<string, unknown>) => apiQuery<Dashboard>(page, 'kpis.dashboard', { period: 'month', segmentIds: [], ...input });

/** The tile value as the page formats it (en-US), from the API's number. */
function shown(tile: Tile, currency: string): string {
  if (tile.value === null) return '–';
  switch (tile.unit) {
    case 'count':
      return new Intl.NumberFormat('en-US').format(Math.round(tile.value));
    case 'share':
      return new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tile.value);
    case 'money':
      return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(tile.value);
    case 'ratio':
      return new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(tile.value);
  }
}

async function expectTilesMatch(page: Page, api: Dashboard): Promise<void> {
  for (const tile of api.tiles) {
    await expect(page.getByTestId(`tile-${tile.id}`).locator('.kpi-tile-value'), tile.id).toHaveText(shown(tile, api.currency));
  }
}

/** A full-page screenshot from the top, so the sticky header sits where a user sees it. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, testInfo, name);
}

async function asMarketer(request: APIRequestContext): Promise<void> {
  const login = await request.post('/trpc/auth.login', { data: { email: 'marketer@kizuna.example', password: 'kizuna-marketer' } });
  expect(login.ok(), await login.text()).toBe(true);
}

test('a manager reads the KPIs, changes the as-of date and compares a segment', async ({ page, playwright, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'manager', '/kpis');
  await expect(page.getByRole('heading', { level: 1, name: 'KPIs' })).toBeVisible();
  await expect(page.getByTestId('tile-customers')).toBeVisible({ timeout: 60_000 });

  // The tiles show what the API computes for the same input.
  const workspace = await dashboard(page, {});
  expect(workspace.asOfDate).toBe(workspace.workspaceAsOfDate);
  await expectTilesMatch(page, workspace);
  await expect(page.getByTestId('kpi-period')).toContainText('Tiles show Oct 2026, compared with Sep 2026.');
  for (const name of ['Active and new customers', 'Retention and churn', 'Cohort retention', 'R × F grid', 'Predicted vs actual purchases', 'CSAT trend']) {
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
  }

  // A definition opens from the tile's tip and closes with Escape.
  await page.getByTestId('tile-aov').getByRole('button', { name: 'How “Average order value (AOV)” is computed' }).click();
  const tip = page.getByRole('dialog', { name: 'Average order value (AOV)' });
  await expect(tip).toContainText('Revenue / orders in the window.');
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await shot(page, testInfo, 'kpis-en');

  // Another as-of date: computed for this view only; the header still shows the workspace's.
  await page.getByLabel('As of').fill('2026-06-15');
  await expect(page).toHaveURL(/asOf=2026-06-15/);
  await expect(page.getByTestId('kpi-override')).toContainText('Computed as of 2026-06-15; the workspace date stays 2026-11-01.');
  await expect(page.getByTestId('kpi-period')).toContainText('Tiles show May 2026, compared with Apr 2026.');
  const earlier = await dashboard(page, { asOfDate: '2026-06-15' });
  expect(earlier.current?.period).toBe('2026-05');
  await expectTilesMatch(page, earlier);
  expect((await apiQuery<{ asOfDate: string | null }>(page, 'settings.get')).asOfDate).toBeNull();
  await expect(page.getByTestId('as-of')).toContainText('As of 2026-11-01');

  // A segment made by a marketer, then compared side by side.
  const marketer = await playwright.request.newContext({ baseURL });
  await asMarketer(marketer);
  const rule = { version: 1, kind: 'group', combinator: 'and', children: [{ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' }] };
  const created = await marketer.post('/trpc/segments.create', { data: { name: 'KPI women', rule } });
  expect(created.ok(), await created.text()).toBe(true);
  const segment = ((await created.json()) as { result: { data: { id: string } } }).result.data;
  await marketer.dispose();

  await page.reload();
  await page.locator('summary', { hasText: 'Compare segments' }).click();
  // The choice goes through the URL (a router transition), so wait for it rather than expect it synchronously.
  await page.getByRole('checkbox', { name: 'KPI women' }).click();
  await expect(page.getByRole('checkbox', { name: 'KPI women' })).toBeChecked();
  await expect(page).toHaveURL(new RegExp(`segments=${segment.id}`));
  await page.locator('summary', { hasText: 'Compare segments' }).click();
  const table = page.getByRole('table', { name: 'Segments side by side' });
  await expect(table.getByRole('columnheader', { name: 'KPI women' })).toBeVisible();
  const cut = await dashboard(page, { asOfDate: '2026-06-15', segmentIds: [segment.id] });
  const women = cut.segments[0]!;
  expect(women.members).toBeGreaterThan(100);
  const active = women.tiles.find((t) => t.id === 'active_customers')!;
  const activeRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Active customers' }) });
  await expect(activeRow.getByRole('cell').nth(1)).toContainText(shown(active, cut.currency));
  const membersRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Members' }) });
  await expect(membersRow.getByRole('cell').nth(1)).toHaveText(new Intl.NumberFormat('en-US').format(women.members));
  await expect(page.getByRole('heading', { level: 3, name: 'Active customers by segment' })).toBeVisible();

  // Charts download as CSV (the table behind them) and PNG.
  const revenue = page.getByRole('region', { name: 'Revenue', exact: true });
  const [csv] = await Promise.all([page.waitForEvent('download'), revenue.getByRole('button', { name: 'Download “Revenue” as CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('Revenue.csv');
  const csvText = (await (await csv.createReadStream()).toArray()).join('');
  expect(csvText).toContain('period,complete,active_customers,new_customers,repeat_rate,retention,churn,aov,revenue');
  const [png] = await Promise.all([page.waitForEvent('download'), revenue.getByRole('button', { name: 'Download “Revenue” as PNG' }).click()]);
  const pngBytes = Buffer.concat(await (await png.createReadStream()).toArray());
  expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  await shot(page, testInfo, 'kpis-en-segment');

  // Japanese: the same page, translated, definitions included.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'KPI' })).toBeVisible();
  await expect(page.getByTestId('tile-customers')).toContainText('顧客数');
  await page.getByTestId('tile-aov').getByRole('button', { name: '「平均注文単価（AOV）」の計算方法' }).click();
  await expect(page.getByRole('dialog', { name: '平均注文単価（AOV）' })).toContainText('期間内の売上 ÷ 注文件数。');
  await page.keyboard.press('Escape');
  await shot(page, testInfo, 'kpis-ja');
  await page.getByRole('button', { name: 'English' }).click();

  // An R × F cell opens the builder with its rule.
  await page.goto('/kpis');
  await page.getByRole('link', { name: /^R 5, F 5: .* Open R 5, F 5 as a new segment$/ }).click();
  await expect(page).toHaveURL(/\/segments\/new\?rule=/);
  const url = new URL(page.url());
  expect(JSON.parse(url.searchParams.get('rule')!)).toMatchObject({
    children: [
      { field: 'r_score', op: 'eq', value: 5 },
      { field: 'f_score', op: 'eq', value: 5 },
    ],
  });
});
