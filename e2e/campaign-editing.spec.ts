// Issue #5 in a real browser, editing: a planner renames a saved campaign and adds a second offer variant (the
// API confirms it), is told clearly why an offer still assigned in the matrix cannot be removed, previews the
// saved campaign for a member of one of its segments with the tokens filled, and in Japanese sees the shared
// schema's message next to an emptied field. Everything it creates is removed again, so the other specs see
// the same workspace.
import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { apiQuery, signIn, snap } from './helpers';

interface Offer { kind: string; id: string; label: string; percent?: number }
interface Campaign { id: string; name: string; offers: Offer[]; content: { subject: string; body: string } }
interface Preview { customerId: string | null; sample: string[]; body: string; tokens: { token: string; value: string; fallback: boolean }[] }

const uniq = Date.now().toString(36);
const segmentName = `Editing buyers ${uniq}`;
const original = `Editing base ${uniq}`;
const renamed = `Edited campaign ${uniq}`;

async function post<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.post(`/trpc/${path}`, { data: input });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function asMarketer(request: APIRequestContext): Promise<void> {
  await post(request, 'auth.login', { email: 'marketer@kizuna.example', password: 'kizuna-marketer' });
}

/** Full-page shots from the top, so the sticky header stays at the top of the picture. */
async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, testInfo, name);
}

const getCampaign = (page: Page, id: string) => apiQuery<Campaign>(page, 'campaigns.get', { id });

test('a planner edits a campaign, adds an offer variant, previews it for a member, and reads errors in Japanese', async ({ page, playwright, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  // Fixtures through the API: a segment (a marketer's job) and a campaign assigned to it with offer "main".
  const marketer = await playwright.request.newContext({ baseURL });
  await asMarketer(marketer);
  const rule = { version: 1, kind: 'group', combinator: 'and', children: [{ kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 365 } }] };
  const segment = await post<{ id: string }>(marketer, 'segments.create', { name: segmentName, rule });

  await signIn(page, 'planner', '/campaigns');
  const created = await post<Campaign>(page.request, 'campaigns.create', {
    name: original,
    goal: 'win_back',
    channel: 'email',
    startDate: '2026-10-01',
    endDate: null,
    holdoutPercent: 10,
    offers: [{ kind: 'percent_discount', id: 'main', label: '10% off', percent: 10, costPerRedemption: 500, redemptionRatePercent: 5 }],
    content: { subject: '{first_name}, we miss you', body: 'Hi {first_name|friend}, come back to our {city} store.' },
    marks: { segmentation: true, personalization: true },
  });
  await post(page.request, 'matrix.assign', { campaignId: created.id, segmentId: segment.id, offerId: 'main' });

  try {
    await page.reload();
    const list = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Schedule' }) });
    await expect(list.getByRole('row', { name: new RegExp(original) })).toBeVisible();

    // Edit: the same form, filled with the saved campaign; rename and add a second offer variant.
    await page.getByRole('button', { name: `Edit ${original}` }).click();
    const form = page.getByRole('form', { name: `Edit “${original}”` });
    await expect(form.getByLabel('Name', { exact: true })).toHaveValue(original);
    await expect(form.getByLabel('Discount %')).toHaveValue('10');
    await expect(form.getByRole('group', { name: 'Offer variant 1' })).toContainText(`Assigned in the matrix to ${segmentName}.`);
    await form.getByLabel('Name', { exact: true }).fill(renamed);
    await form.getByRole('button', { name: 'Add offer variant' }).click();
    const second = form.getByRole('group', { name: 'Offer variant 2' });
    await second.getByLabel('Offer kind (variant 2)').selectOption('free_shipping');
    // A variant without a label is refused next to its own field.
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(second.getByLabel('Offer label (variant 2)')).toHaveAccessibleDescription('Enter a label');
    await second.getByLabel('Offer label (variant 2)').fill('Free shipping');
    await second.getByLabel('Cost per redemption (variant 2)').fill('400');
    await expect(form.getByLabel('Offer id (variant 2)')).toHaveValue('variant-2');
    await shot(page, testInfo, 'campaign-edit-en');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Campaign “${renamed}” saved.` })).toBeVisible();
    await expect(form).toHaveCount(0);
    await expect(list.getByRole('row', { name: new RegExp(renamed) })).toContainText('10% off, Free shipping');

    const saved = await getCampaign(page, created.id);
    expect(saved.name).toBe(renamed);
    expect(saved.offers).toMatchObject([
      { kind: 'percent_discount', id: 'main', label: '10% off', percent: 10, costPerRedemption: 500, redemptionRatePercent: 5 },
      { kind: 'free_shipping', id: 'variant-2', label: 'Free shipping', costPerRedemption: 400, redemptionRatePercent: 0 },
    ]);

    // Removing the variant the matrix cell gives is refused by the server, and the form says why, beside the offers.
    await page.getByRole('button', { name: `Edit ${renamed}` }).click();
    const again = page.getByRole('form', { name: `Edit “${renamed}”` });
    await again.getByRole('button', { name: 'Remove offer variant 1' }).click();
    await expect(again.getByLabel('Offer label')).toHaveValue('Free shipping');
    await again.getByRole('button', { name: 'Save changes' }).click();
    const refusal = 'Offer “main” is still assigned to 1 segment in the matrix. Give that cell another offer in the matrix first, or keep this variant.';
    await expect(again.getByRole('alert').filter({ hasText: 'The campaign was not saved.' })).toContainText(refusal);
    await expect(again.getByRole('group', { name: 'Offers' })).toHaveAccessibleDescription(refusal);
    await shot(page, testInfo, 'campaign-edit-refused-en');
    expect((await getCampaign(page, created.id)).offers.map((o) => o.id)).toEqual(['main', 'variant-2']);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(again).toHaveCount(0);

    // Preview the saved campaign for a member of its segment, typed by hand: the tokens are filled from their data.
    const sample = await apiQuery<Preview>(page, 'campaigns.preview', { campaignId: created.id, segmentId: segment.id });
    let member: Preview | null = null;
    for (const id of sample.sample) {
      const p = await apiQuery<Preview>(page, 'campaigns.preview', { campaignId: created.id, segmentId: segment.id, customerId: id });
      if (p.tokens.some((tk) => tk.token === 'first_name' && !tk.fallback)) {
        member = p;
        break;
      }
    }
    expect(member, 'a sample member with a first name').not.toBeNull();
    const firstName = member!.tokens.find((tk) => tk.token === 'first_name')!.value;
    await page.getByRole('button', { name: `Preview ${renamed}` }).click();
    const panel = page.getByRole('complementary', { name: `Preview of “${renamed}”` });
    await panel.getByLabel('Segment').selectOption({ label: segmentName });
    await panel.getByLabel('Customer id').fill(member!.customerId!);
    const shown = panel.getByTestId('preview');
    await expect(shown).toContainText(`Rendered for customer ${member!.customerId}`);
    await expect(shown.locator('.preview-body')).toHaveText(member!.body);
    expect(member!.body).toContain(`Hi ${firstName},`);
    const tokenRow = shown.getByRole('row').filter({ has: page.getByRole('cell', { name: '{first_name}', exact: true }) });
    await expect(tokenRow).toContainText(firstName);
    await expect(tokenRow).not.toContainText('fallback');
    await shot(page, testInfo, 'campaign-preview-en');
    await panel.getByRole('button', { name: 'Close preview' }).click();

    // Japanese: an emptied required field gets the schema's message in Japanese, right next to it.
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('button', { name: `${renamed} を編集` }).click();
    const ja = page.getByRole('form', { name: `「${renamed}」を編集` });
    await ja.getByLabel('名前', { exact: true }).fill('');
    await ja.getByLabel('件名').fill('');
    await ja.getByRole('button', { name: '変更を保存' }).click();
    await expect(ja.getByLabel('名前', { exact: true })).toHaveAccessibleDescription('名前を入力してください');
    await expect(ja.getByLabel('件名')).toHaveAccessibleDescription('メールには件名が必要です');
    await expect(ja.getByText('Enter a name')).toHaveCount(0);
    await shot(page, testInfo, 'campaign-edit-ja');
    await page.getByRole('button', { name: 'キャンセル' }).click();
    expect((await getCampaign(page, created.id)).name).toBe(renamed);
    await page.getByRole('button', { name: 'English' }).click();
  } finally {
    // Leave the workspace as it was: the other specs count campaigns and matrix cells.
    await post(page.request, 'matrix.unassign', { campaignId: created.id, segmentId: segment.id });
    await post(page.request, 'campaigns.archive', { id: created.id, archived: true });
    await post(marketer, 'segments.delete', { id: segment.id, force: true });
    await marketer.dispose();
  }
});

test('a planner working in Japanese creates a campaign from a template with Japanese texts', async ({ page }, testInfo) => {
  await signIn(page, 'planner', '/campaigns');
  await page.getByRole('button', { name: '日本語' }).click();
  const card = page.getByTestId('template-birthday');
  await expect(card).toContainText('お誕生日おめでとうございます');
  await card.getByRole('button', { name: '「誕生日ギフトとクーポン」からキャンペーンを作成' }).click();
  await expect(page.getByRole('status').filter({ hasText: '「お誕生日おめでとうございます」を作成' })).toBeVisible({ timeout: 30_000 });
  const campaigns = await apiQuery<Campaign[]>(page, 'campaigns.list', { includeArchived: false });
  const created = campaigns.find((c) => c.name === 'お誕生日おめでとうございます');
  expect(created?.content.subject).toBe('{first_name|お客}様、お誕生日おめでとうございます');
  try {
    // The message a customer would get, rendered by the server: Japanese words, with a Japanese fallback if a value is missing.
    const preview = await apiQuery<Preview>(page, 'campaigns.preview', { campaignId: created!.id });
    expect(preview.body).toMatch(/のお祝いに、今月いっぱい使える 15% オフのクーポン BDAY15 をお贈りします。$/);
    await shot(page, testInfo, 'campaign-template-ja');
  } finally {
    await post(page.request, 'campaigns.archive', { id: created!.id, archived: true });
    await page.getByRole('button', { name: 'English' }).click();
  }
});
