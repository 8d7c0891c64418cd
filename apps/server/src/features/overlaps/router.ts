// overlaps.compute: every role that previews segments (marketer, planner, manager; admin) may compare them.
// It changes nothing, but unsaved rules can be longer than a URL may be: it is sent by POST.
import { roleProcedure, router } from '../../trpc';
import { overlapsInput } from '../segments/schema';
import { computeOverlaps } from './service';

export const overlapsRouter = router({
  compute: roleProcedure('marketer', 'planner', 'manager')
    .input(overlapsInput)
    .mutation(({ ctx, input }) => computeOverlaps(ctx.db, input)),
});
