// Issue #5 in a real browser: a planner creates campaigns from three templates and one by hand (with the
// shared schema's errors and the personalization preview), assigns and reorders them in the matrix, checks
// the reach shown against the API and downloads a cell's audience; a manager reads the matrix only.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiQuery, createFromTemplate, signIn, snap } from './helpers';

interface Counts { members: number; treatment: number; holdout: number; removedNoConsent: number }
interface MatrixView {
  version: number;
  segments: { id: string; name: string }[];
  campaigns: { id: string; name: string; marks: { segmentation: boolean; personalization: boolean }; segmentOrder: string[]; totals: Counts }[];
  cells: (Counts & { campaignId: string; segmentId: string; offerId: string; status: string })[];
}

const matrix = (page: Page) => apiQuery<MatrixView>(page, 'matrix.get');
const en = (n: number) => n.toLocaleString('en');

test('a planner builds campaigns, assigns and reorders them in the matrix, and exports a cell', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'planner', '/campaigns');
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  const gallery = page.getByRole('list', { name: 'Template gallery' });
  await expect(gallery.getByRole('listitem')).toHaveCount(11);

  await createFromTemplate(page, 'Bought in the last 30 days', 'Thank you for your order');
  await createFromTemplate(page, 'By cart value (AOV)', 'Your next order');
  await createFromTemplate(page, 'Content by gender', 'New-season collection');
  const list = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Schedule' }) });
  await expect(list.getByRole('row')).toHaveCount(4);

  // A hand-made campaign: the shared schema's messages appear next to their fields.
  await page.getByRole('button', { name: 'New campaign' }).click();
  const form = page.getByRole('form', { name: 'New campaign' });
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(form.getByText('Enter a name')).toBeVisible();
  await expect(form.getByText('An email needs a subject')).toBeVisible();
  await form.getByLabel('Name', { exact: true }).fill('Spring hello');
  await form.getByLabel('Subject').fill('{first_name}, spring is here');
  await form.getByLabel('Message').fill('Hi {first_name|friend}, enjoy {offer} in {city}.');
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(form.getByText(/mark it as personalized/)).toBeVisible();
  await form.getByRole('checkbox', { name: 'Personalization', exact: true }).check();
  await form.getByLabel('Offer kind').selectOption('percent_discount');
  await form.getByLabel('Discount %').fill('150');
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(form.getByText('At most 100')).toBeVisible();
  await form.getByLabel('Discount %').fill('15');
  await form.getByLabel('Offer label').fill('Spring 15% off');
  await form.getByLabel('Cost per redemption').fill('900');

  // The preview renders the draft for a sample member, the offer included.
  const preview = page.getByTestId('preview');
  await expect(preview).toContainText('15% off');
  await expect(preview.getByRole('cell', { name: '{first_name}' })).toBeVisible();
  await snap(page, testInfo, 'campaigns-form-en');
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByText('Campaign “Spring hello” created.')).toBeVisible();
  await expect(list.getByRole('row')).toHaveCount(5);

  let view = await matrix(page);
  const byName = (n: string) => view.campaigns.find((c) => c.name === n)!;
  const segId = (n: string) => view.segments.find((s) => s.name === n)!.id;
  expect(byName('Thank you for your order').marks).toEqual({ segmentation: true, personalization: false });
  expect(byName('New-season collection').marks).toEqual({ segmentation: true, personalization: true });
  expect(byName('Spring hello').marks).toEqual({ segmentation: true, personalization: true });
  expect(byName('Your next order').segmentOrder).toEqual([segId('High cart value'), segId('Small baskets')]);
  await snap(page, testInfo, 'campaigns-en');

  // The matrix: assign two more cells.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matrix', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matrix' })).toBeVisible();
  await page.getByLabel('Offer for High cart value in Thank you for your order').selectOption({ label: '10% off the next order' });
  await expect.poll(async () => (await matrix(page)).cells.length).toBe(6);
  await page.getByLabel('Offer for Women in Spring hello').selectOption({ label: 'Spring 15% off' });
  await expect.poll(async () => (await matrix(page)).cells.length).toBe(7);

  // Reorder with the buttons, then back with the keyboard on the drag handle.
  const small = segId('Small baskets');
  const high = segId('High cart value');
  await page.getByRole('button', { name: 'Move Small baskets up' }).first().click();
  await expect.poll(async () => byIdOrder(await matrix(page), 'Your next order')).toEqual([small, high]);
  const priorities = page.getByRole('list', { name: 'Priority in Your next order' });
  await expect(priorities.getByTestId('priority-item').first()).toContainText('Small baskets');
  const handle = priorities.getByRole('button', { name: 'Drag High cart value' });
  await handle.focus();
  // dnd-kit's live region says where the segment is, so each key waits for the previous one to land.
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('High cart value is over position 2 of 2.')).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText('High cart value is over position 1 of 2.')).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(page.getByText('High cart value dropped at position 1 of 2.')).toHaveCount(1);
  await expect.poll(async () => byIdOrder(await matrix(page), 'Your next order')).toEqual([high, small]);

  // Every assigned cell and every campaign total shows what the API computes.
  view = await matrix(page);
  for (const cell of view.cells.filter((c) => c.status === 'ok')) {
    const shown = page.getByTestId(`cell-${cell.campaignId}-${cell.segmentId}`);
    await expect(shown.getByTestId('cell-reach')).toHaveText(en(cell.treatment));
  }
  for (const c of view.campaigns) {
    await expect(page.getByTestId(`matrix-col-${c.id}`).getByTestId('campaign-reach')).toHaveText(en(c.totals.treatment));
  }
  // The cell whose audience is downloaded below.
  const nextOrder = view.campaigns.find((c) => c.name === 'Your next order')!;
  const cell = view.cells.find((c) => c.campaignId === nextOrder.id && c.segmentId === high)!;
  expect(cell.treatment).toBeGreaterThan(0);
  const steps = page.getByRole('list', { name: 'Removed from High cart value in Your next order' });
  await expect(steps).toContainText(`No consent −${en(cell.removedNoConsent)}`);
  await expect(steps).toContainText(`Holdout −${en(cell.holdout)}`);
  await snap(page, testInfo, 'matrix-en');

  // Both pages in Japanese.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { name: 'セグメント × キャンペーン' })).toBeVisible();
  await expect(page.getByTestId(`matrix-col-${nextOrder.id}`).getByTestId('campaign-reach')).toHaveText(nextOrder.totals.treatment.toLocaleString('ja-JP'));
  await snap(page, testInfo, 'matrix-ja');
  await page.goto('/campaigns');
  await expect(page.getByRole('heading', { name: 'テンプレート' })).toBeVisible();
  await snap(page, testInfo, 'campaigns-ja');

  // Back in English, download the cell's audience through the backend's export route.
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto('/matrix');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export the audience of High cart value in Your next order as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  expect(lines[0]).toMatch(/^customer_id,email,first_name,.*subject,body,offer_id,group$/);
  expect(lines).toHaveLength(cell.treatment + 1);
  expect(lines.slice(1).every((l) => l.endsWith(',big_basket,treatment'))).toBe(true);
});

function byIdOrder(view: MatrixView, name: string): string[] {
  return view.campaigns.find((c) => c.name === name)!.segmentOrder;
}

test('a manager reads the matrix and campaigns but cannot change them', async ({ page }) => {
  await signIn(page, 'manager', '/matrix');
  await expect(page.getByRole('heading', { level: 1, name: 'Matrix' })).toBeVisible();
  await expect(page.getByText('You can read the matrix.')).toBeVisible();
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Move / })).toHaveCount(0);
  await page.goto('/campaigns');
  await expect(page.getByRole('list', { name: 'Template gallery' }).getByRole('listitem')).toHaveCount(11);
  await expect(page.getByRole('button', { name: /Create a campaign from/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New campaign' })).toHaveCount(0);
});
