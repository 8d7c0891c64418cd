// campaigns.*: every signed-in role reads campaigns, templates and previews (first names masked for roles
// without PII access); planners (and admins) create, edit and archive them. Every change is audited.
import {
  archiveCampaignInput,
  campaignIdInput,
  createCampaignInput,
  createFromTemplateInput,
  listCampaignsInput,
  listTemplatesInput,
  previewInput,
  updateCampaignInput,
} from '@kizuna/campaigns';
import { authedProcedure, roleProcedure, router } from '../../trpc';
import { previewCampaign } from './preview';
import { archiveCampaign, createCampaign, getCampaign, listCampaigns, updateCampaign } from './service';
import { createFromTemplate, listTemplates } from './templates';

const planner = roleProcedure('planner');

export const campaignsRouter = router({
  list: authedProcedure.input(listCampaignsInput).query(({ ctx, input }) => listCampaigns(ctx.db, input)),
  get: authedProcedure.input(campaignIdInput).query(({ ctx, input }) => getCampaign(ctx.db, input.id)),
  templates: authedProcedure.input(listTemplatesInput).query(({ ctx, input }) => listTemplates(ctx.db, input.language)),
  // A query: it changes nothing, and the form calls it as the content is edited.
  preview: authedProcedure.input(previewInput).query(({ ctx, input }) => previewCampaign(ctx.db, ctx.user.role, input)),

  create: planner.input(createCampaignInput).mutation(({ ctx, input }) => createCampaign(ctx.db, ctx.user, input)),
  update: planner.input(updateCampaignInput).mutation(({ ctx, input }) => updateCampaign(ctx.db, ctx.user, input)),
  archive: planner.input(archiveCampaignInput).mutation(({ ctx, input }) => archiveCampaign(ctx.db, ctx.user, input)),
  createFromTemplate: planner.input(createFromTemplateInput).mutation(({ ctx, input }) => createFromTemplate(ctx.db, ctx.user, input)),
});
