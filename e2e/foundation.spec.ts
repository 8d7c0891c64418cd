// Issue #2 in a real browser: every role signs in and sees what it may; an admin imports a good set of CSV files
// and a set with bad rows on the Data page; the app speaks Japanese.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { apiQuery, roleLabels, signIn, snap, type Role } from './helpers';

const fixture = (p: string) => fileURLToPath(new URL(`./fixtures/${p}`, import.meta.url));

const landing: Record<Role, { path: RegExp; heading: string }> = {
  admin: { path: /\/data$/, heading: 'Data' },
  marketer: { path: /\/segments$/, heading: 'Segments' },
  planner: { path: /\/matrix$/, heading: 'Matrix' },
  manager: { path: /\/kpis$/, heading: 'KPIs' },
};

for (const role of Object.keys(landing) as Role[]) {
  test(`${role} signs in, sees the as-of date and the navigation, and signs out`, async ({ page }) => {
    await signIn(page, role);
    await expect(page).toHaveURL(landing[role].path);
    await expect(page.getByRole('heading', { level: 1, name: landing[role].heading })).toBeVisible();
    const summary = await apiQuery<{ asOfDate: string; dataThroughDate: string | null }>(page, 'workspace.summary');
    await expect(page.getByTestId('as-of')).toContainText(summary.asOfDate);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const item of ['Segments', 'Overlaps', 'Campaigns', 'Matrix', 'KPIs', 'Data', 'Settings']) {
      await expect(nav.getByRole('link', { name: item, exact: true })).toBeVisible();
    }
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(role === 'admin' ? 1 : 0);

    await nav.getByRole('link', { name: 'Data', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Dataset summary' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Import data' })).toHaveCount(role === 'admin' ? 1 : 0);

    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText(roleLabels[role], { exact: true })).toHaveCount(0);
  });
}

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('planner@kizuna.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is not correct.');
});

type Stats = { customers: number; orders: number };

test('an admin imports good CSV files, then a file with bad rows that changes nothing', async ({ page }, testInfo) => {
  await signIn(page, 'admin', '/data');
  const before = await apiQuery<Stats>(page, 'data.stats');

  await page.getByLabel('Customers (customers.csv)').setInputFiles(fixture('good/customers.csv'));
  await page.getByLabel('Orders (orders.csv)').setInputFiles(fixture('good/orders.csv'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import succeeded' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
  await snap(page, testInfo, 'import-succeeded');

  const afterGood = await apiQuery<Stats>(page, 'data.stats');
  // Three customers in the file plus one that appears only in orders.csv; four orders.
  expect(afterGood.customers).toBe(before.customers + 4);
  expect(afterGood.orders).toBe(before.orders + 4);
  await expect(page.getByText(afterGood.customers.toLocaleString('en')).first()).toBeVisible();

  await page.reload();
  await page.getByLabel('Orders (orders.csv)').setInputFiles(fixture('bad/orders.csv'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import failed' })).toBeVisible({ timeout: 30_000 });
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Reason' }) });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(4); // header + three bad rows
  await expect(rows.nth(1)).toContainText('3');
  await expect(rows.nth(1)).toContainText('ordered_at');
  await expect(rows.nth(2)).toContainText('amount');
  await expect(rows.nth(3)).toContainText('quantity');
  await expect(rows.nth(1)).toContainText('not a date');
  await snap(page, testInfo, 'import-failed');

  // The reasons follow the UI language: the server sends a code and values beside its English sentence.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '日本語' }).click();
  const jaTable = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '理由' }) });
  const jaRows = jaTable.getByRole('row');
  await expect(jaRows.nth(1)).toContainText('日付ではありません');
  await expect(jaRows.nth(2)).toContainText('金額ではありません');
  await expect(jaRows.nth(3)).toContainText('数量は 0 以上の整数で入力してください');
  await expect(jaTable).not.toContainText('not a date');
  await snap(page, testInfo, 'import-failed-ja');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(rows.nth(1)).toContainText('not a date');

  const afterBad = await apiQuery<Stats>(page, 'data.stats');
  expect(afterBad).toEqual(afterGood);
});

test('the app speaks Japanese', async ({ page }, testInfo) => {
  await signIn(page, 'admin', '/data');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'データ' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'データセットの概要' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '設定' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  await snap(page, testInfo, 'data-ja');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'データ' })).toBeVisible();
});

test('settings: an admin fixes the as-of date, the header follows and the audit log records it', async ({ page }, testInfo) => {
  await signIn(page, 'admin', '/settings');
  await page.getByRole('radio', { name: 'Fixed date' }).check();
  await page.getByLabel('Date', { exact: true }).fill('2026-06-01');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByTestId('as-of')).toContainText('2026-06-01');
  await expect(page.getByTestId('as-of')).toContainText('(fixed)');
  await page.getByRole('radio', { name: /Automatic/ }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('as-of')).not.toContainText('(fixed)');

  // Both changes are in the audit log, in words, in either language.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  const rows = page.getByRole('table', { name: 'Audit log entries' }).getByRole('row');
  await expect(rows.filter({ hasText: 'Settings changed' }).nth(1)).toBeVisible();
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('table', { name: '監査ログの記録' }).getByRole('row').filter({ hasText: '設定変更' }).nth(1)).toBeVisible();
  await snap(page, testInfo, 'audit-ja');
  await page.getByRole('button', { name: 'English' }).click();
});
