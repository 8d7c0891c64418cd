// Editing a saved campaign: which segments the matrix assigns it (and with which offer variant), and the
// server's refusals turned into form errors — above all the one for removing an offer a matrix cell uses.
import { matchValidationMessage } from '../../i18n/validation';

/** The parts of matrix.get these helpers read. */
export interface MatrixAssignments {
  segments: readonly { id: string; name: string }[];
  campaigns: readonly { id: string; segmentOrder: readonly string[] }[];
  cells: readonly { campaignId: string; segmentId: string; offerId: string }[];
}

export interface AssignedSegment {
  id: string;
  name: string;
  offerId: string;
}

/** The campaign's assigned segments, highest priority first, with the offer variant each cell gives. */
export function assignedSegments(view: MatrixAssignments | undefined, campaignId: string): AssignedSegment[] {
  if (!view) return [];
  const names = new Map(view.segments.map((s) => [s.id, s.name]));
  const cells = view.cells.filter((c) => c.campaignId === campaignId);
  const order = view.campaigns.find((c) => c.id === campaignId)?.segmentOrder ?? [];
  // Cells missing from the order (should not happen) still show, after the ordered ones.
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...cells]
    .sort((a, b) => rank(a.segmentId) - rank(b.segmentId))
    .map((c) => ({ id: c.segmentId, name: names.get(c.segmentId) ?? c.segmentId, offerId: c.offerId }));
}

/** Segment names per offer id: the variants the matrix points at (removing one is refused by the server). */
export function offerUsage(segments: readonly AssignedSegment[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of segments) out.set(s.offerId, [...(out.get(s.offerId) ?? []), s.name]);
  return out;
}

export interface OfferInUse {
  offerIds: string[];
  cells: number;
}

/** The offer ids and cell count of the server's "offer still assigned" refusal, or null for any other text. */
export function parseOfferInUse(message: string): OfferInUse | null {
  const m = matchValidationMessage(message);
  if (m?.key !== 'offerAssigned') return null;
  const offerIds = [...(m.values.offers ?? '').matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
  const cells = Number(m.values.count);
  if (offerIds.length === 0 || !Number.isInteger(cells)) return null;
  return { offerIds, cells };
}

type OfferInUseText = (key: 'campaigns.form.offerInUse', options: { offers: string; count: number }) => string;

/**
 * The text to show for a form or server message: the offer refusal in the UI language (offer ids as a list in
 * the locale's style), anything else through `validation` (the shared schemas' messages).
 */
export function formMessage(message: string, t: OfferInUseText, validation: (m: string) => string | undefined, locale: string): string | undefined {
  const inUse = parseOfferInUse(message);
  if (!inUse) return validation(message);
  const offers = new Intl.ListFormat(locale, { type: 'conjunction' }).format(inUse.offerIds.map((id) => `“${id}”`));
  return t('campaigns.form.offerInUse', { offers, count: inUse.cells });
}

export interface ServerFieldError {
  /** A react-hook-form path: an array's own error sits at `<name>.root`. */
  path: string;
  message: string;
}

const arrayFields = new Set(['offers']);

/** The server's per-field messages (`data.zodError.fieldErrors`) as form errors, the first message of each field. */
export function serverFieldErrors(fieldErrors: Record<string, readonly string[]>): ServerFieldError[] {
  const out: ServerFieldError[] = [];
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const message = messages.find((m) => m.trim() !== '');
    if (message === undefined) continue;
    out.push({ path: arrayFields.has(field) ? `${field}.root` : field, message });
  }
  return out;
}
