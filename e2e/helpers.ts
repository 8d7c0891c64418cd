// Shared steps for the browser tests: signing in as a demo role and calling the API with the page's cookies.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

const screenshotDir = join(import.meta.dirname, '..', 'test-results', 'screenshots');

export type Role = 'admin' | 'marketer' | 'planner' | 'manager';

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  marketer: 'Marketer',
  planner: 'Campaign planner',
  manager: 'Manager',
};

export async function signIn(page: Page, role: Role, path = '/'): Promise<void> {
  await page.addInitScript(() => {
    if (!window.localStorage.getItem('kizuna.language')) window.localStorage.setItem('kizuna.language', 'en');
  });
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(`${role}@kizuna.example`);
  await page.getByLabel('Password').fill(`kizuna-${role}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner').getByText(roleLabels[role], { exact: true })).toBeVisible();
}

/** A tRPC query through the page's session, as the app itself would make it. */
export async function apiQuery<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await page.request.get(`/trpc/${path}${qs}`);
  expect(res.ok(), `${path}: ${res.status()}`).toBe(true);
  const body = (await res.json()) as { result: { data: T } };
  return body.result.data;
}

/**
 * A full-page screenshot kept as a test artifact: attached to the report and written to
 * test-results/screenshots/<name>.png, where it survives a passing run.
 */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ fullPage: true });
  await testInfo.attach(name, { body, contentType: 'image/png' });
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(join(screenshotDir, `${name}.png`), body);
}

/** On the Campaigns page: create a campaign from the gallery's idea and wait for its confirmation. */
export async function createFromTemplate(page: Page, idea: string, name: string) {
  await page.getByRole('button', { name: `Create a campaign from “${idea}”` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created “${name}”` })).toBeVisible({ timeout: 30_000 });
}
