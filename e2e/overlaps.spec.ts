// Issue #4 in a real browser, overlaps: a marketer picks three saved segments, checks every number shown
// (totals, heatmap, UpSet bars, Venn regions) against overlaps.compute, opens an exclusive intersection as
// a new segment in the builder and saves it; an unsaved rule from the builder joins a comparison.
// Screenshots in both languages.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { signIn, snap } from './helpers';

async function apiMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/trpc/${path}`, { data: input });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function apiQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(res.ok(), `${path}: ${res.status()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, testInfo, name);
}

interface Overlaps {
  total: number;
  union: number;
  none: number;
  sets: { index: number; label: string; size: number }[];
  pairs: { a: number; b: number; count: number; shareOfA: number; shareOfB: number; jaccard: number }[];
  regions: { mask: number; sets: number[]; count: number }[];
}

const rule = (...children: unknown[]) => ({ version: 1, kind: 'group', combinator: 'and', children });
const en = (n: number) => new Intl.NumberFormat('en-US').format(n);
const pct = (f: number) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 }).format(f);
const uniq = Date.now().toString(36);

test('a marketer compares three segments, matching the API, and saves an intersection as a new segment', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, 'marketer', '/segments');
  const specs = [
    { name: `Women ${uniq}`, rule: rule({ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' }) },
    { name: `Recent buyers ${uniq}`, rule: rule({ kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 90 } }) },
    { name: `Tokyo area ${uniq}`, rule: rule({ kind: 'attribute', field: 'region', op: 'in', value: ['東京都', '神奈川県', '千葉県', '埼玉県'] }) },
  ];
  const ids: string[] = [];
  for (const s of specs) ids.push((await apiMutation<{ id: string }>(page, 'segments.create', s)).id);

  // Pick them on the page, in order.
  await page.goto('/overlaps');
  await expect(page.getByRole('alert').or(page.getByRole('status')).first()).toBeVisible();
  const picker = page.getByRole('region', { name: 'Segments' });
  for (const s of specs) {
    await picker.getByRole('searchbox', { name: 'Search segments' }).fill(s.name);
    await picker.getByRole('checkbox', { name: new RegExp(s.name) }).check();
  }
  await picker.getByRole('searchbox', { name: 'Search segments' }).fill('');
  await expect(page).toHaveURL(new RegExp(`segments=${ids.join('%2C')}`));

  const api = await apiMutation<Overlaps>(page, 'overlaps.compute', { segmentIds: ids });
  await expect(page.getByTestId('total-all')).toHaveText(en(api.total));
  await expect(page.getByTestId('total-union')).toHaveText(en(api.union));
  await expect(page.getByTestId('total-none')).toHaveText(en(api.none));
  for (const set of api.sets) await expect(page.getByTestId(`set-size-${set.index}`)).toHaveText(en(set.size));

  // Heatmap: counts, then % of row. The figure is the cell's <text>; its <title> is the longer description.
  const cellText = (row: number, col: number) => page.getByTestId(`heat-${row}-${col}`).locator('text');
  for (const set of api.sets) await expect(page.getByTestId(`heat-${set.index}-${set.index}`)).toHaveAttribute('data-count', String(set.size));
  for (const p of api.pairs) {
    await expect(cellText(p.a, p.b)).toHaveText(en(p.count));
    await expect(cellText(p.b, p.a)).toHaveText(en(p.count));
  }
  await page.getByRole('radio', { name: '% of row' }).check();
  for (const p of api.pairs) {
    await expect(cellText(p.a, p.b)).toHaveText(pct(p.shareOfA));
    await expect(cellText(p.b, p.a)).toHaveText(pct(p.shareOfB));
  }
  await page.getByRole('radio', { name: 'Jaccard' }).check();
  for (const p of api.pairs) await expect(cellText(p.a, p.b)).toHaveText(p.jaccard.toFixed(2));
  await page.getByRole('radio', { name: 'Count' }).check();

  // UpSet bars and Venn regions: every non-empty exclusive region, with its exact count.
  await expect(page.locator('[data-testid^="upset-"]')).toHaveCount(api.regions.length);
  for (const r of api.regions) {
    await expect(page.getByTestId(`upset-${r.mask}`)).toHaveAttribute('data-count', String(r.count));
    await expect(page.getByTestId(`venn-${r.mask}`).locator('text')).toHaveText(en(r.count));
  }
  expect(api.regions.reduce((n, r) => n + r.count, 0)).toBe(api.union);
  await expect(page.getByRole('button', { name: 'PNG' })).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'CSV' })).toHaveCount(3);
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Exclusive intersections' }).getByRole('button', { name: 'CSV' }).click();
  expect((await download).suggestedFilename()).toBe('Exclusive-intersections.csv');
  const png = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Venn diagram' }).getByRole('button', { name: 'PNG' }).click();
  expect((await png).suggestedFilename()).toBe('Venn-diagram.png');
  await shot(page, testInfo, 'overlaps-en');

  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { name: 'ペアごとの重なり' })).toBeVisible();
  await expect(page.getByTestId('total-union')).toHaveText(new Intl.NumberFormat('ja-JP').format(api.union));
  await shot(page, testInfo, 'overlaps-ja');
  await page.getByRole('button', { name: 'English' }).click();

  // A heatmap cell opens "in both" (whatever else) in the builder; back to the comparison after.
  await page.getByRole('button', { name: new RegExp(`^${specs[1]!.name} ∩ ${specs[2]!.name}: `) }).click();
  await expect(page.locator('.condition-sentence')).toHaveText([`is in segment “${specs[1]!.name}”`, `is in segment “${specs[2]!.name}”`]);
  await expect(page.getByTestId('preview-count')).toHaveAttribute('data-state', 'fresh');
  await expect(page.getByTestId('preview-count-value')).toHaveText(en(api.pairs.find((p) => p.a === 1 && p.b === 2)!.count));
  await page.goBack();

  // "Women and recent buyers, not in the Tokyo area" as a new segment.
  const region = api.regions.find((r) => r.mask === 0b011)!;
  await page.getByRole('button', { name: new RegExp(`^${specs[0]!.name} ∩ ${specs[1]!.name} only: ${en(region.count)} customers`) }).first().click();
  await expect(page).toHaveURL(/\/segments\/new\?/);
  await expect(page.getByLabel('Name')).toHaveValue(`${specs[0]!.name} ∩ ${specs[1]!.name} only`);
  await expect(page.locator('.condition-sentence')).toHaveText([
    `is in segment “${specs[0]!.name}”`,
    `is in segment “${specs[1]!.name}”`,
    `is not in segment “${specs[2]!.name}”`,
  ]);
  await expect(page.getByTestId('preview-count')).toHaveAttribute('data-state', 'fresh');
  await expect(page.getByTestId('preview-count-value')).toHaveText(en(region.count));
  await page.getByRole('button', { name: 'Save segment' }).click();
  await expect(page.getByText('The segment was created.')).toBeVisible();
  const list = await apiQuery<{ items: { name: string; size: number | null }[] }>(page, 'segments.list', {});
  expect(list.items.find((s) => s.name === `${specs[0]!.name} ∩ ${specs[1]!.name} only`)?.size).toBe(region.count);
});

test('an unsaved rule from the builder joins a comparison', async ({ page }) => {
  await signIn(page, 'marketer', '/segments/new');
  await page.getByRole('button', { name: /^Men/ }).click();
  await expect(page.getByTestId('preview-count')).toHaveAttribute('data-state', 'fresh');
  await page.getByRole('link', { name: 'Compare in Overlaps' }).click();
  await expect(page).toHaveURL(/\/overlaps\?rule=/);
  const chips = page.getByRole('list', { name: 'Unsaved rules from the builder' });
  await expect(chips).toContainText('Men');
  const picker = page.getByRole('region', { name: 'Segments' });
  await picker.getByRole('checkbox').first().check();
  await expect(page.getByTestId('total-union')).toBeVisible();
  await expect(page.getByTestId('set-size-1')).not.toBeEmpty();
});
