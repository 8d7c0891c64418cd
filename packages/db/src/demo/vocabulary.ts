// Word lists and weights for demo customer profiles: occupations, interests, lifestyle tags and channels of
// a Japanese cosmetics and lifestyle membership shop. Values the segment builder lists are these strings.
import type { Category } from './catalog';

export type Gender = 'female' | 'male' | 'other' | 'unknown';
export const genderWeights: readonly (readonly [Gender, number])[] = [
  ['female', 0.66],
  ['male', 0.27],
  ['other', 0.015],
  ['unknown', 0.055],
];

export const occupationsByLife = {
  student: [['学生', 60], ['パート・アルバイト', 25], ['会社員', 15]],
  working: [['会社員', 45], ['公務員', 7], ['自営業', 7], ['パート・アルバイト', 12], ['派遣社員', 5], ['専業主婦・主夫', 8], ['経営者・役員', 3], ['医療・福祉', 6], ['教職員', 3], ['フリーランス', 4]],
  retired: [['退職者', 45], ['自営業', 10], ['パート・アルバイト', 20], ['専業主婦・主夫', 15], ['会社員', 5], ['経営者・役員', 5]],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

export interface InterestSpec {
  tag: string;
  /** Probability of having the interest for female, male and other/unknown customers. */
  chance: readonly [number, number, number];
  /** Extra chance for customers under 35. */
  youth?: number;
  /** Extra chance for customers aged 40 and over. */
  mature?: number;
  /** How much the interest raises the customer's buying in each category. */
  categories: Partial<Record<Category, number>>;
}

export const interests: readonly InterestSpec[] = [
  { tag: 'beauty', chance: [0.62, 0.12, 0.35], categories: { Cosmetics: 3, Skincare: 3 } },
  { tag: 'fashion', chance: [0.45, 0.25, 0.35], youth: 0.1, categories: { Fashion: 3, Cosmetics: 0.5 } },
  { tag: 'skincare', chance: [0.4, 0.15, 0.25], mature: 0.1, categories: { Skincare: 3 } },
  { tag: 'outdoor', chance: [0.12, 0.3, 0.2], categories: { Outdoor: 3, Fashion: 0.5 } },
  { tag: 'cooking', chance: [0.35, 0.15, 0.25], mature: 0.05, categories: { Food: 3, Home: 1 } },
  { tag: 'travel', chance: [0.3, 0.28, 0.28], categories: { Outdoor: 1, Books: 1, Fashion: 0.5 } },
  { tag: 'fitness', chance: [0.2, 0.3, 0.25], youth: 0.05, categories: { Outdoor: 1, Electronics: 1, Food: 0.5 } },
  { tag: 'anime', chance: [0.12, 0.18, 0.2], youth: 0.15, categories: { Books: 3, Electronics: 0.5 } },
  { tag: 'pets', chance: [0.2, 0.15, 0.18], categories: { Home: 2 } },
  { tag: 'wellness', chance: [0.3, 0.15, 0.25], mature: 0.1, categories: { Skincare: 1.5, Food: 1, Home: 1 } },
  { tag: 'gadgets', chance: [0.08, 0.35, 0.2], categories: { Electronics: 3 } },
  { tag: 'reading', chance: [0.18, 0.18, 0.18], mature: 0.05, categories: { Books: 3 } },
  { tag: 'interior', chance: [0.25, 0.1, 0.2], categories: { Home: 3 } },
  { tag: 'gourmet', chance: [0.22, 0.22, 0.22], categories: { Food: 3 } },
  { tag: 'k-pop', chance: [0.12, 0.02, 0.1], youth: 0.15, categories: { Cosmetics: 1, Fashion: 1 } },
];

/** Every category's share of buying before interests are added: a cosmetics and lifestyle shop. */
export const baseCategoryWeight: Record<Category, number> = {
  Cosmetics: 3,
  Skincare: 3,
  Fashion: 2,
  Food: 1.5,
  Home: 1.5,
  Outdoor: 0.7,
  Books: 0.7,
  Electronics: 0.7,
};

export const householdTags = {
  young: [['single', 60], ['couple', 25], ['family-with-kids', 10], ['living-with-parents', 25]],
  middle: [['single', 25], ['couple', 25], ['family-with-kids', 50]],
  senior: [['couple', 45], ['single', 25], ['empty-nester', 30]],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

export const attitudeTags: readonly (readonly [string, number])[] = [
  ['commuter', 20],
  ['remote-worker', 10],
  ['health-conscious', 18],
  ['eco-conscious', 12],
  ['trend-seeker', 14],
  ['budget-minded', 16],
  ['premium-seeker', 8],
  ['night-owl', 10],
  ['weekend-outdoors', 8],
  ['minimalist', 6],
];

export const acquisitionChannels: readonly (readonly [string, number])[] = [
  ['organic_search', 22],
  ['paid_search', 13],
  ['instagram', 16],
  ['line', 12],
  ['x', 6],
  ['tiktok', 5],
  ['referral', 9],
  ['affiliate', 7],
  ['store', 10],
];

export const skinTypes: readonly (readonly [string, number])[] = [
  ['乾燥肌', 30],
  ['混合肌', 28],
  ['普通肌', 18],
  ['脂性肌', 12],
  ['敏感肌', 12],
];

/** Romanized words for e-mail handles (names are in kanji, so handles are made up rather than derived). */
export const handleWords = [
  'sakura', 'hana', 'yuki', 'sora', 'umi', 'hoshi', 'tsuki', 'kaze', 'midori', 'aoi', 'haru', 'natsu', 'aki',
  'fuyu', 'momo', 'ringo', 'mikan', 'neko', 'inu', 'usagi', 'kuma', 'taro', 'hanako', 'kenta', 'yuna', 'riku',
  'ren', 'mio', 'rin', 'sho', 'mai', 'nao', 'kai', 'emi', 'yui', 'daiki', 'miku', 'shun', 'akari', 'hinata',
  'cafe', 'matcha', 'mochi', 'sushi', 'tamago', 'kumo', 'niji', 'mizu', 'yama', 'kawa',
] as const;

/** Reserved example domains (RFC 2606, JPRS) so demo addresses can never reach a real inbox. */
export const emailDomains: readonly (readonly [string, number])[] = [
  ['example.com', 40],
  ['example.jp', 25],
  ['example.ne.jp', 20],
  ['example.co.jp', 10],
  ['example.org', 5],
];
