// Personalization tokens in campaign content: `{first_name}` or `{first_name|friend}` (a fallback for this
// use), `{{` for a literal brace. Parsing, validation and rendering are pure; the values come from the server.
import { validationMessage } from './messages';

/** Tokens filled from the customer's own data: using one makes a campaign personalized. */
export const personalTokens = ['first_name', 'city', 'birthday', 'recommended_products', 'favorite_low_stock'] as const;
export type PersonalToken = (typeof personalTokens)[number];

/** Tokens filled from the campaign's offer variant for the customer's cell. */
export const offerTokens = ['offer', 'coupon_code'] as const;
export type OfferToken = (typeof offerTokens)[number];

export const contentTokens = [...personalTokens, ...offerTokens] as const;
export type ContentToken = (typeof contentTokens)[number];

/** What a token renders as when the customer has no value for it (a use may override with `{token|text}`). */
export const defaultFallbacks: Readonly<Record<ContentToken, string>> = {
  first_name: 'there',
  city: 'your area',
  birthday: 'your special day',
  recommended_products: 'our latest picks',
  favorite_low_stock: 'items you love',
  offer: 'a special offer',
  coupon_code: 'no code needed',
};

export type TemplatePart = { type: 'text'; text: string } | { type: 'token'; name: string; fallback: string | null; raw: string };

const TOKEN = /\{\{|\{([a-z][a-z0-9_]*)(?:\|([^{}]*))?\}/g;

/** Splits content into literal text and `{token}` uses. Braces that do not form a token stay literal. */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  let pending = '';
  for (const m of text.matchAll(TOKEN)) {
    pending += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '{{') {
      pending += '{';
      continue;
    }
    if (pending) parts.push({ type: 'text', text: pending });
    pending = '';
    parts.push({ type: 'token', name: m[1]!, fallback: m[2] ?? null, raw: m[0] });
  }
  pending += text.slice(last);
  if (pending) parts.push({ type: 'text', text: pending });
  return parts;
}

function isContentToken(name: string): name is ContentToken {
  return (contentTokens as readonly string[]).includes(name);
}

/** A message per unknown token, so a typo never reaches customers as `{frist_name}`. */
export function findTokenProblems(text: string): string[] {
  const problems: string[] = [];
  for (const part of parseTemplate(text)) {
    if (part.type === 'token' && !isContentToken(part.name)) {
      problems.push(validationMessage('unknownToken', { token: part.raw, tokens: contentTokens.map((t) => `{${t}}`).join(', ') }));
    }
  }
  return problems;
}

/** Known tokens used in the texts, in order of first use. */
export function tokensUsed(...texts: string[]): ContentToken[] {
  const out: ContentToken[] = [];
  for (const text of texts) {
    for (const part of parseTemplate(text)) {
      if (part.type === 'token' && isContentToken(part.name) && !out.includes(part.name)) out.push(part.name);
    }
  }
  return out;
}

export function personalTokensUsed(content: { subject: string; body: string }): PersonalToken[] {
  return tokensUsed(content.subject, content.body).filter((t): t is PersonalToken => (personalTokens as readonly string[]).includes(t));
}

/** A token's value for one customer; null or '' when missing (the fallback is used). */
export type TokenValues = Partial<Record<ContentToken, string | null>>;

export interface RenderedContent {
  subject: string;
  body: string;
  /** Tokens the content uses, with the value each rendered as and whether that was the fallback. */
  tokens: { token: ContentToken; value: string; fallback: boolean }[];
}

function renderText(text: string, values: TokenValues, seen: Map<ContentToken, { value: string; fallback: boolean }>): string {
  let out = '';
  for (const part of parseTemplate(text)) {
    if (part.type === 'text') {
      out += part.text;
      continue;
    }
    // Unknown tokens are refused when content is saved; unsaved drafts show them as written.
    if (!isContentToken(part.name)) {
      out += part.raw;
      continue;
    }
    const value = values[part.name];
    const missing = value == null || value.trim() === '';
    const rendered = missing ? (part.fallback ?? defaultFallbacks[part.name]) : value;
    if (!seen.has(part.name)) seen.set(part.name, { value: rendered, fallback: missing });
    out += rendered;
  }
  return out;
}

/** Fills every token of subject and body from `values`, falling back where a value is missing. */
export function renderContent(content: { subject: string; body: string }, values: TokenValues): RenderedContent {
  const seen = new Map<ContentToken, { value: string; fallback: boolean }>();
  const subject = renderText(content.subject, values, seen);
  const body = renderText(content.body, values, seen);
  return { subject, body, tokens: [...seen].map(([token, v]) => ({ token, ...v })) };
}
