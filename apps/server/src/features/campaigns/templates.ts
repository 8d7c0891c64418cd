// The template gallery for the workspace currency, and creating a campaign from a template: its segments are
// saved through the segments feature (an existing live segment with the same name and rule is reused, so a
// template can be used twice) and assigned in the matrix as one version.
import {
  campaignTemplates,
  createCampaignInput,
  findTemplate,
  matrixSummary,
  type Campaign,
  type CampaignTemplate,
  type CreateFromTemplateInput,
  type TemplateLanguage,
} from '@kizuna/campaigns';
import { dateFromDay, dayFromDate, getSettings, listSavedSegments, type KizunaDb } from '@kizuna/db';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../errors';
import { assignCells } from '../matrix/mutations';
import { copyName, createSegment } from '../segments/service';
import { createCampaign, getCampaign, type Actor } from './service';

export interface TemplateSegmentView {
  key: string;
  name: string;
  description: string;
  rule: CampaignTemplate['segments'][number]['rule'];
  offerId: string;
  /** A live segment with this name and exactly this rule, which creating the campaign will reuse. */
  existingSegmentId: string | null;
}

export interface TemplateView extends Omit<CampaignTemplate, 'segments'> {
  segments: TemplateSegmentView[];
}

async function liveByName(db: KizunaDb) {
  return new Map((await listSavedSegments(db)).map((s) => [s.name.toLowerCase(), s]));
}

function sameRule(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function listTemplates(db: KizunaDb, language: TemplateLanguage = 'en'): Promise<TemplateView[]> {
  const { currency } = await getSettings(db);
  const live = await liveByName(db);
  return campaignTemplates(currency, language).map((t) => ({
    ...t,
    segments: t.segments.map((s) => {
      const existing = live.get(s.name.toLowerCase());
      return { ...s, existingSegmentId: existing && sameRule(existing.rule, s.rule) ? existing.id : null };
    }),
  }));
}

export interface CreatedFromTemplate {
  campaign: Campaign;
  segments: { key: string; segmentId: string; name: string; created: boolean }[];
  /** The matrix version that assigned the segments, or null when none were assigned. */
  matrixVersion: number | null;
}

export async function createFromTemplate(db: KizunaDb, actor: Actor, input: CreateFromTemplateInput): Promise<CreatedFromTemplate> {
  const { currency } = await getSettings(db);
  const template = findTemplate(input.templateId, currency, input.language);
  if (!template) throw new NotFoundError(`No campaign template ${input.templateId}`);
  const endDate =
    input.endDate !== undefined
      ? input.endDate
      : template.durationDays === null
        ? null
        : dateFromDay(dayFromDate(input.startDate) + template.durationDays - 1);
  // The same schema as a hand-made campaign: a bad date range is reported on its field.
  const parsed = createCampaignInput.safeParse({ ...template.campaign, name: input.name ?? template.campaign.name, startDate: input.startDate, endDate, templateId: template.id });
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error);
    const fields = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v ?? []]));
    throw new ValidationError(formErrors[0] ?? Object.values(fields).flat()[0] ?? 'Invalid campaign', fields);
  }
  const campaignInput = parsed.data;

  const segments: CreatedFromTemplate['segments'] = [];
  if (input.createSegments) {
    for (const s of template.segments) {
      const live = await liveByName(db);
      const existing = live.get(s.name.toLowerCase());
      if (existing && sameRule(existing.rule, s.rule)) {
        segments.push({ key: s.key, segmentId: existing.id, name: existing.name, created: false });
        continue;
      }
      const name = existing ? copyName(s.name, new Set(live.keys())) : s.name;
      const saved = await createSegment(db, actor, { name, description: s.description, tags: ['template'], rule: { ...s.rule } });
      segments.push({ key: s.key, segmentId: saved.id, name: saved.name, created: true });
    }
  }
  const created = await createCampaign(db, actor, campaignInput, 'campaign.create_from_template');
  let matrixVersion: number | null = null;
  if (segments.length > 0) {
    const offerOf = new Map(template.segments.map((s) => [s.key, s.offerId]));
    const cells = segments.map((s) => ({ segmentId: s.segmentId, offerId: offerOf.get(s.key)! }));
    matrixVersion = (await assignCells(db, actor, created.id, cells, matrixSummary('assignedTemplate', { count: cells.length, campaign: created.name, template: template.id }))).version;
  }
  return { campaign: await getCampaign(db, created.id), segments, matrixVersion };
}
