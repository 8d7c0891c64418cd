// Issue #5's matrix controls in a real browser: a planner creates two campaigns from templates, reorders the
// campaigns' priority (buttons and keyboard), changes the weekly frequency cap (the schema's message shown
// first), meets a conflict when someone else changed the matrix, opens the version history and restores an
// earlier version; every step is checked against the API. A manager reads the same page without controls.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { apiQuery, createFromTemplate, signIn, snap } from './helpers';

interface MatrixView {
  version: number;
  frequencyCapPerWeek: number;
  campaigns: { id: string; name: string }[];
  cells: { campaignId: string; segmentId: string; removedFrequencyCap: number; treatment: number; status: string }[];
}
interface VersionRow {
  version: number;
  change: string;
  summary: string;
}

const matrix = (page: Page) => apiQuery<MatrixView>(page, 'matrix.get');
const versions = (page: Page) => apiQuery<VersionRow[]>(page, 'matrix.versions', { limit: 50 });
const capRemovals = (view: MatrixView) => view.cells.reduce((sum, c) => sum + c.removedFrequencyCap, 0);

async function apiMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/trpc/${path}`, { data: input });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** A full-page screenshot from the top, so the sticky header sits where a user sees it. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, testInfo, name);
}

test('a planner reorders campaigns, changes the cap, meets a conflict and restores an earlier version', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'planner', '/campaigns');
  // Other specs may have left campaigns in this database: ours are the ones created here.
  const before = new Set((await matrix(page)).campaigns.map((c) => c.id));
  await createFromTemplate(page, 'High-income customers', 'Premium collection invitation');
  await createFromTemplate(page, 'Loyalty discounts and promotions', 'Thank you for your loyalty');
  const created = await matrix(page);
  const ours = (name: string) => created.campaigns.find((c) => !before.has(c.id) && c.name === name)!;
  const premium = ours('Premium collection invitation');
  const loyalty = ours('Thank you for your loyalty');
  const order = (view: MatrixView) => view.campaigns.map((c) => c.id);
  expect(order(created).indexOf(premium.id)).toBeLessThan(order(created).indexOf(loyalty.id));
  const baseVersion = created.version;
  const capBefore = created.frequencyCapPerWeek;

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matrix', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matrix' })).toBeVisible();
  await expect(page.getByText('Priority 1 keeps a customer when the weekly frequency cap is reached')).toBeVisible();
  const priority = page.getByRole('list', { name: 'Campaigns, highest priority first' });
  await expect(priority.getByTestId('priority-item')).toHaveCount(created.campaigns.length);

  // Up with the button: loyalty now outranks premium, in the API and on the page.
  await priority.getByRole('button', { name: 'Move Thank you for your loyalty up' }).click();
  await expect.poll(async () => order(await matrix(page))).toEqual(moved(order(created), loyalty.id, -1));
  const nameOf = (id: string) => created.campaigns.find((c) => c.id === id)!.name;
  await expect(priority.getByTestId('priority-item')).toContainText(moved(order(created), loyalty.id, -1).map(nameOf));

  // And back down with the keyboard on premium's drag handle.
  const n = created.campaigns.length;
  const at = order(created).indexOf(premium.id) + 2; // 1-based, and one place below where it was
  const handle = priority.getByRole('button', { name: 'Drag Premium collection invitation' });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(`Premium collection invitation is over position ${at} of ${n}.`)).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText(`Premium collection invitation is over position ${at - 1} of ${n}.`)).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect.poll(async () => order(await matrix(page))).toEqual(order(created));
  await priority.getByRole('button', { name: 'Move Thank you for your loyalty up' }).click();
  await expect.poll(async () => order(await matrix(page))).toEqual(moved(order(created), loyalty.id, -1));

  // The cap: the shared schema refuses 0 beside the field; 1 is saved and the grid recomputes.
  await page.getByRole('button', { name: 'Change the frequency cap' }).click();
  const capForm = page.getByRole('form', { name: 'Change the frequency cap' });
  await capForm.getByLabel('Messages per customer per week').fill('0');
  await capForm.getByRole('button', { name: 'Save' }).click();
  await expect(capForm.getByText('At least 1 message a week')).toBeVisible();
  await capForm.getByLabel('Messages per customer per week').fill('1');
  await capForm.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Frequency cap set to 1 a week' })).toBeVisible();
  await expect(page.getByTestId('frequency-cap')).toHaveText('1 / week');
  const capped = await matrix(page);
  expect(capped.frequencyCapPerWeek).toBe(1);
  expect(capRemovals(capped)).toBeGreaterThan(capRemovals(created));
  for (const cell of capped.cells.filter((c) => c.status === 'ok' && (c.campaignId === premium.id || c.campaignId === loyalty.id))) {
    await expect(page.getByTestId(`cell-${cell.campaignId}-${cell.segmentId}`).getByTestId('cell-reach')).toHaveText(cell.treatment.toLocaleString('en'));
  }

  // Someone else changes the matrix meanwhile: the page's next change is refused and explained, and the
  // fresh matrix (their cap of 2) is shown.
  await apiMutation(page, 'matrix.setFrequencyCap', { frequencyCapPerWeek: 2, baseVersion: capped.version });
  await priority.getByRole('button', { name: 'Move Premium collection invitation up' }).click();
  await expect(page.getByText('Someone else changed the matrix')).toBeVisible();
  await expect(page.getByText('The current matrix is now shown')).toBeVisible();
  await expect(page.getByTestId('frequency-cap')).toHaveText('2 / week');
  const afterConflict = await matrix(page);
  expect(order(afterConflict)).toEqual(order(capped));
  await shot(page, testInfo, 'matrix-conflict-en');

  // The history: newest first, in words; the version before the reorder is viewed, compared and restored.
  const history = page.getByRole('table', { name: 'Matrix versions, newest first' });
  await expect(history.getByTestId(`matrix-version-${afterConflict.version}`)).toContainText('Frequency cap 1 → 2 messages a week');
  await expect(history.getByTestId(`matrix-version-${afterConflict.version}`)).toContainText('Current');
  await expect(history.getByTestId(`matrix-version-${capped.version}`)).toContainText(`Frequency cap ${capBefore} → 1 messages a week`);
  const listed = await versions(page);
  expect(listed.find((v) => v.version === baseVersion)!.summary).toContain('Thank you for your loyalty');
  await history.getByRole('button', { name: `View version ${baseVersion}` }).click();
  const detail = page.getByRole('region', { name: `Version ${baseVersion}` });
  await expect(detail.getByRole('list', { name: `Campaigns and assignments of version ${baseVersion}` })).toContainText('Thank you for your loyalty');
  const diff = detail.getByRole('list', { name: `From version ${baseVersion} to the current matrix` });
  await expect(diff).toContainText(`Frequency cap: ${capBefore} → 2 a week`);
  await expect(diff).toContainText('Campaign priority:');
  await shot(page, testInfo, 'matrix-history-en');

  await detail.getByRole('button', { name: `Restore version ${baseVersion}` }).click();
  await detail.getByRole('group', { name: `Restore version ${baseVersion}` }).getByRole('button', { name: 'Yes, restore' }).click();
  await expect(page.getByText(`Version ${baseVersion} restored as version ${afterConflict.version + 1}.`)).toBeVisible();
  const restored = await matrix(page);
  expect(restored.version).toBe(afterConflict.version + 1);
  expect(restored.frequencyCapPerWeek).toBe(capBefore);
  expect(order(restored)).toEqual(order(created));
  expect((await versions(page))[0]).toMatchObject({ version: restored.version, change: 'restore', summary: `Restored version ${baseVersion}` });
  await expect(page.getByTestId('frequency-cap')).toHaveText(`${capBefore} / week`);
  await expect(detail.getByText('The current matrix is the same as this version.')).toBeVisible();

  // In Japanese: the history's words and the cap form's schema message.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { name: '変更履歴' })).toBeVisible();
  await expect(page.getByTestId(`matrix-version-${restored.version}`)).toContainText(`版 ${baseVersion} を復元`);
  await page.getByRole('button', { name: '配信上限を変更' }).click();
  const capFormJa = page.getByRole('form', { name: '配信上限を変更' });
  await capFormJa.getByLabel('顧客 1 人あたりの週の配信数').fill('0');
  await capFormJa.getByRole('button', { name: '保存' }).click();
  await expect(capFormJa.getByText('週 1 通以上にしてください')).toBeVisible();
  await shot(page, testInfo, 'matrix-history-ja');
  await capFormJa.getByRole('button', { name: 'キャンセル' }).click();
  await page.getByRole('button', { name: 'English' }).click();
});

/** The order with `id` moved one place up (-1) or down (+1). */
function moved(order: string[], id: string, delta: -1 | 1): string[] {
  const next = [...order];
  const from = next.indexOf(id);
  next.splice(from, 1);
  next.splice(from + delta, 0, id);
  return next;
}

test('a manager reads the priorities, the cap and the history, with no controls to change them', async ({ page }, testInfo) => {
  await signIn(page, 'manager', '/matrix');
  await expect(page.getByRole('heading', { level: 1, name: 'Matrix' })).toBeVisible();
  const view = await matrix(page);
  await expect(page.getByTestId('frequency-cap')).toHaveText(`${view.frequencyCapPerWeek} / week`);
  await expect(page.getByRole('button', { name: 'Change the frequency cap' })).toHaveCount(0);
  const priority = page.getByRole('list', { name: 'Campaigns, highest priority first' });
  await expect(priority.getByTestId('priority-item')).toHaveCount(view.campaigns.length);
  await expect(page.getByRole('button', { name: /^(Move|Drag) / })).toHaveCount(0);
  const history = page.getByRole('table', { name: 'Matrix versions, newest first' });
  await expect(history.getByTestId(`matrix-version-${view.version}`)).toBeVisible();
  await history.getByRole('button', { name: /^View version / }).last().click();
  await expect(page.getByRole('region', { name: /^Version \d+$/ }).getByRole('list').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Restore version/ })).toHaveCount(0);
  await shot(page, testInfo, 'matrix-history-manager-en');
});
