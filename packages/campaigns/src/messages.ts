// The English texts the server writes for people to read — the campaign and matrix schemas' validation
// messages and the summaries of matrix versions — keyed. The server sends them as they are; the web recognises
// each (its {{placeholders}} included) and shows it in the user's language.
export const validationMessages = {
  dateFormat: 'Enter a date as YYYY-MM-DD',
  wholeMinorUnits: 'Use whole minor units',
  notNegative: 'Must not be negative',
  offerIdFormat: 'Use 1–40 lowercase letters, digits, - or _',
  enterLabel: 'Enter a label',
  couponCharacters: 'Letters, digits, - and _ only',
  atLeast: 'At least {{n}}',
  atMost: 'At most {{n}}',
  moreThan: 'More than {{n}}',
  atMostCharacters: 'At most {{n}} characters',
  enterCouponCode: 'Enter the coupon code',
  atLeastPoints: 'At least {{n}} point',
  describeGift: 'Describe the gift',
  writeMessage: 'Write the message',
  enterName: 'Enter a name',
  addOffer: 'Add at least one offer (kind "none" for a message without one)',
  atMostOffers: 'At most {{n}} offers',
  endBeforeStart: 'The end date is before the start date',
  offerIdTwice: 'Offer id "{{id}}" is used twice',
  emailNeedsSubject: 'An email needs a subject',
  markCampaign: 'Mark the campaign as segmentation-targeted, personalized, or both',
  personalNeedsToken: 'A personalized campaign uses at least one personal token such as {first_name}',
  markPersonalized: 'The content uses {{tokens}}: mark it as personalized',
  unknownToken: 'Unknown token {{token}}: use one of {{tokens}}',
  pickOffer: 'Pick an offer',
  segmentOnce: 'Each segment may appear once',
  campaignOnce: 'Each campaign may appear once',
  wholeMessages: 'A whole number of messages',
  atLeastMessagesPerWeek: 'At least {{n}} message a week',
  pickPreviewSource: 'Pick a campaign or write the content to preview',
  noCustomer: 'No customer with id {{id}}',
  offerAssigned: 'Offer {{offers}} is assigned to {{count}} segment(s) in the matrix: reassign them first',
} as const;

export type ValidationMessageKey = keyof typeof validationMessages;

/** A template with its {{placeholders}} filled. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The English message for a key, its {{placeholders}} filled. */
export function validationMessage(key: ValidationMessageKey, values: Record<string, string | number> = {}): string {
  return fillTemplate(validationMessages[key], values);
}

/** What a matrix version changed, as its history lists it. */
export const matrixSummaries = {
  offerChanged: '"{{segment}}" in "{{campaign}}": offer {{from}} → {{to}}',
  assigned: 'Assigned "{{segment}}" to "{{campaign}}" with offer {{offer}}',
  assignedTemplate: 'Assigned {{count}} segment(s) to "{{campaign}}" from template {{template}}',
  removed: 'Removed "{{segment}}" from "{{campaign}}"',
  reorderedSegments: 'Reordered the segments of "{{campaign}}"',
  reorderedCampaigns: 'Changed campaign priorities',
  cap: 'Frequency cap {{from}} → {{to}} messages a week',
  restored: 'Restored version {{version}}',
} as const;

export type MatrixSummaryKey = keyof typeof matrixSummaries;

export function matrixSummary(key: MatrixSummaryKey, values: Record<string, string | number> = {}): string {
  return fillTemplate(matrixSummaries[key], values);
}
