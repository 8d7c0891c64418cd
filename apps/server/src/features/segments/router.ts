// segments.*: every signed-in role reads; marketers (and admins) change segments; previews and explanations
// are for marketers, planners and managers (and admins). Every change is versioned and audited.
import { authedProcedure, roleProcedure, router } from '../../trpc';
import { builderFields, templatesWithSizes } from './fields';
import { explainMembership, previewRule } from './preview';
import { getSegment, listSegments, segmentDiff, segmentVersions } from './queries';
import {
  createSegmentInput,
  deleteSegmentInput,
  diffSegmentInput,
  duplicateSegmentInput,
  explainInput,
  listSegmentsInput,
  previewInput,
  refreshSegmentsInput,
  restoreSegmentInput,
  segmentIdInput,
  updateSegmentInput,
} from './schema';
import { createSegment, deleteSegment, duplicateSegment, refreshSegments, restoreSegment, updateSegment } from './service';

const editor = roleProcedure('marketer');
const previewer = roleProcedure('marketer', 'planner', 'manager');

export const segmentsRouter = router({
  list: authedProcedure.input(listSegmentsInput).query(({ ctx, input }) => listSegments(ctx.db, input)),
  get: authedProcedure.input(segmentIdInput).query(({ ctx, input }) => getSegment(ctx.db, input.id)),
  versions: authedProcedure.input(segmentIdInput).query(({ ctx, input }) => segmentVersions(ctx.db, input.id)),
  diff: authedProcedure.input(diffSegmentInput).query(({ ctx, input }) => segmentDiff(ctx.db, input.id, input.from, input.to)),
  fields: authedProcedure.query(({ ctx }) => builderFields(ctx.db)),
  templates: authedProcedure.query(({ ctx }) => templatesWithSizes(ctx.db)),

  create: editor.input(createSegmentInput).mutation(({ ctx, input }) => createSegment(ctx.db, ctx.user, input)),
  update: editor.input(updateSegmentInput).mutation(({ ctx, input }) => updateSegment(ctx.db, ctx.user, input)),
  restore: editor.input(restoreSegmentInput).mutation(({ ctx, input }) => restoreSegment(ctx.db, ctx.user, input)),
  duplicate: editor.input(duplicateSegmentInput).mutation(({ ctx, input }) => duplicateSegment(ctx.db, ctx.user, input)),
  delete: editor.input(deleteSegmentInput).mutation(({ ctx, input }) => deleteSegment(ctx.db, ctx.user, input)),
  refresh: editor.input(refreshSegmentsInput).mutation(({ ctx, input }) => refreshSegments(ctx.db, ctx.user, input.ids)),

  // These change nothing, but a rule (up to 500 nodes) can be longer than a URL may be: they are sent by POST.
  preview: previewer.input(previewInput).mutation(({ ctx, input }) => previewRule(ctx.db, ctx.user.role, input)),
  explain: previewer.input(explainInput).mutation(({ ctx, input }) => explainMembership(ctx.db, input)),
});
