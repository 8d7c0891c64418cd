import { describe, expect, it } from 'vitest';
import { findTokenProblems, parseTemplate, personalTokensUsed, renderContent, tokensUsed } from './tokens';

describe('parseTemplate', () => {
  it('splits text and tokens, with per-use fallbacks and {{ as a literal brace', () => {
    expect(parseTemplate('Hi {first_name|friend}, {{not a token} {city}!')).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'token', name: 'first_name', fallback: 'friend', raw: '{first_name|friend}' },
      { type: 'text', text: ', {not a token} ' },
      { type: 'token', name: 'city', fallback: null, raw: '{city}' },
      { type: 'text', text: '!' },
    ]);
  });

  it('leaves braces that do not form a token alone', () => {
    expect(parseTemplate('{ 50% } {Upper} {}')).toEqual([{ type: 'text', text: '{ 50% } {Upper} {}' }]);
  });

  it('escapes a whole token with {{', () => {
    expect(renderContent({ subject: '', body: 'Write {{first_name} to greet' }, { first_name: 'Aki' }).body).toBe('Write {first_name} to greet');
  });
});

describe('token checks', () => {
  it('reports unknown tokens, so a typo is refused before it reaches customers', () => {
    expect(findTokenProblems('Hi {frist_name}, {city}')).toEqual([expect.stringContaining('Unknown token {frist_name}')]);
    expect(findTokenProblems('Hi {first_name|you}, {offer} {coupon_code}')).toEqual([]);
  });

  it('lists the tokens used and which of them are personal', () => {
    expect(tokensUsed('{offer} {first_name}', '{first_name} {birthday}')).toEqual(['offer', 'first_name', 'birthday']);
    expect(personalTokensUsed({ subject: '{offer}', body: '{coupon_code}' })).toEqual([]);
    expect(personalTokensUsed({ subject: '{favorite_low_stock}', body: '{recommended_products} {offer}' })).toEqual([
      'favorite_low_stock',
      'recommended_products',
    ]);
  });
});

describe('renderContent', () => {
  it('fills values and reports each token once', () => {
    const out = renderContent(
      { subject: '{first_name}, hello from {city}', body: 'Dear {first_name}: {recommended_products}' },
      { first_name: 'Yui', city: '横浜市', recommended_products: 'Tea, Mug' },
    );
    expect(out.subject).toBe('Yui, hello from 横浜市');
    expect(out.body).toBe('Dear Yui: Tea, Mug');
    expect(out.tokens).toEqual([
      { token: 'first_name', value: 'Yui', fallback: false },
      { token: 'city', value: '横浜市', fallback: false },
      { token: 'recommended_products', value: 'Tea, Mug', fallback: false },
    ]);
  });

  it('falls back for missing, null or blank values: the use’s own fallback first, else the default', () => {
    const out = renderContent({ subject: 'Hi {first_name|friend}', body: 'Hi {first_name}. {birthday} {city}' }, { first_name: '  ', birthday: null });
    expect(out.subject).toBe('Hi friend');
    expect(out.body).toBe('Hi there. your special day your area');
    expect(out.tokens.every((t) => t.fallback)).toBe(true);
  });

  it('shows unknown tokens of an unsaved draft as written', () => {
    expect(renderContent({ subject: '', body: '{nope} {first_name}' }, { first_name: 'Ren' }).body).toBe('{nope} Ren');
  });
});
