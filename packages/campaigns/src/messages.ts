// The English texts of the campaign and matrix schemas' validation messages, keyed. The server sends them as
// they are; the web recognises each (its {{placeholders}} included) and shows it in the user's language.
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

/** The English message for a key, its {{placeholders}} filled. */
export function validationMessage(key: ValidationMessageKey, values: Record<string, string | number> = {}): string {
  return validationMessages[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
