// The template ids the gallery has translated names for; an id the server adds later falls back to its idea text.
export const templateIds = [
  'product_recommendations',
  'recent_buyers',
  'win_back_90',
  'first_name_subject',
  'content_by_gender',
  'high_income',
  'cart_value',
  'low_stock_favorites',
  'loyalty',
  'birthday',
  'location_based',
] as const;
export type TemplateId = (typeof templateIds)[number];

export function isTemplateId(id: string): id is TemplateId {
  return (templateIds as readonly string[]).includes(id);
}
