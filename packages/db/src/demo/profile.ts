// One demo customer's profile — name, birth date, place, income, interests, consent, device — and the latent
// traits (category tastes, price level, preferred order channels) that drive their orders and events.
import type { Faker } from '@faker-js/faker';
import type { Flag } from '../tables';
import type { DemoCalendar } from './calendar';
import { categories, type Category } from './catalog';
import { prefectures } from './geography';
import { WeightedTable, type Rng } from './prng';
import {
  acquisitionChannels,
  attitudeTags,
  baseCategoryWeight,
  emailDomains,
  genderWeights,
  handleWords,
  householdTags,
  interests,
  occupationsByLife,
  skinTypes,
  type Gender,
} from './vocabulary';

export type Device = 'ios' | 'android' | 'desktop';
export type OrderChannel = 'web' | 'app' | 'store';

export interface DemoProfile {
  customer_id: string;
  email: string | null;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  gender: Gender;
  country: string;
  region: string;
  city: string;
  postal_code: string;
  annual_income: number | null;
  occupation: string | null;
  interests: string;
  lifestyle: string;
  signup_date: string;
  email_opt_in: Flag;
  sms_opt_in: Flag;
  push_opt_in: Flag;
  line_opt_in: Flag;
  preferred_channel: string | null;
  acquisition_channel: string;
  primary_device: Device;
  locale: string;
  /** JSON object of the demo's custom attributes: skin_type when known, else `{}`. */
  custom_attributes: string;
}

/** What the order and event models need to know about a customer beyond the profile's columns. */
export interface Traits {
  signupDay: number;
  /** Month 1–12 of the birthday, 0 when unknown. */
  birthMonth: number;
  age: number;
  /** Cumulative category weights in `categories` order (last entry = total). */
  categoryCumulative: Float64Array;
  /** > 1 leans to cheaper items of a category, < 1 to dearer ones. */
  priceBias: number;
  /** Cumulative weights of web, app, store. */
  channelCumulative: readonly [number, number, number];
}

const genders = new WeightedTable(genderWeights);
/** Prefectures by population, each with its cities by population. */
const places = new WeightedTable(
  prefectures.map((p) => [{ prefecture: p, cities: new WeightedTable(p.cities.map((c) => [c, c.population] as const)) }, p.population] as const),
);
const occupationTables = {
  student: new WeightedTable(occupationsByLife.student),
  working: new WeightedTable(occupationsByLife.working),
  retired: new WeightedTable(occupationsByLife.retired),
};
const householdTables = {
  young: new WeightedTable(householdTags.young),
  middle: new WeightedTable(householdTags.middle),
  senior: new WeightedTable(householdTags.senior),
};
const attitudeTable = new WeightedTable(attitudeTags);
const acquisitionTable = new WeightedTable(acquisitionChannels);
const skinTable = new WeightedTable(skinTypes);
const domainTable = new WeightedTable(emailDomains);
const daysPerYear = 365.2425;

/** Ages 18–80 with the bulk in the late 20s to 40s, as for a cosmetics and lifestyle shop. */
function sampleAge(rng: Rng): number {
  for (;;) {
    const age = Math.floor(18 + rng.gamma(3.2, 6.5));
    if (age <= 80) return age;
  }
}

/** Yearly income in yen: log-normal around a median that rises to the 50s and falls after retirement. */
function sampleIncome(rng: Rng, age: number, gender: Gender, occupation: string | null): number | null {
  if (rng.chance(0.12)) return null;
  let median = age < 25 ? 2_600_000 : age < 35 ? 3_800_000 : age < 45 ? 4_600_000 : age < 55 ? 5_200_000 : age < 65 ? 4_600_000 : 2_800_000;
  if (gender === 'female') median *= 0.82;
  if (occupation === '学生') median = 900_000;
  else if (occupation === '専業主婦・主夫') median = 600_000;
  else if (occupation === '経営者・役員') median *= 2.2;
  else if (occupation === 'パート・アルバイト') median *= 0.45;
  return Math.round(rng.logNormal(Math.log(median), 0.5) / 10_000) * 10_000;
}

function sampleOccupation(rng: Rng, age: number): string | null {
  if (rng.chance(0.05)) return null;
  const table = age <= 22 ? occupationTables.student : age >= 65 ? occupationTables.retired : occupationTables.working;
  return table.sample(rng);
}

function sampleInterests(rng: Rng, gender: Gender, age: number): number[] {
  const column = gender === 'female' ? 0 : gender === 'male' ? 1 : 2;
  const chosen: number[] = [];
  interests.forEach((spec, i) => {
    let p = spec.chance[column];
    if (age < 35 && spec.youth) p += spec.youth;
    if (age >= 40 && spec.mature) p += spec.mature;
    if (rng.chance(p)) chosen.push(i);
  });
  if (chosen.length === 0) chosen.push(rng.int(0, interests.length - 1));
  // Five tags at most, so a profile reads like a real preference form.
  while (chosen.length > 5) chosen.splice(rng.int(0, chosen.length - 1), 1);
  return chosen;
}

function sampleLifestyle(rng: Rng, age: number): string {
  const tags: string[] = [(age < 30 ? householdTables.young : age < 60 ? householdTables.middle : householdTables.senior).sample(rng)];
  const extra = rng.int(0, 2);
  for (let i = 0; i < extra; i++) {
    const tag = attitudeTable.sample(rng);
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags.join(';');
}

function sampleDevice(rng: Rng, age: number): Device {
  const u = rng.next();
  // iPhone leads in Japan among the young; older members use Android and PCs more.
  const ios = age < 35 ? 0.58 : age < 55 ? 0.45 : 0.3;
  const android = age < 35 ? 0.27 : age < 55 ? 0.32 : 0.38;
  return u < ios ? 'ios' : u < ios + android ? 'android' : 'desktop';
}

function makeEmail(rng: Rng, index: number): string {
  const first = rng.pick(handleWords);
  const sep = rng.pick(['.', '_', '', '-']);
  const second = rng.chance(0.5) ? rng.pick(handleWords) : String(rng.int(1, 99));
  // The index in base 36 keeps every address unique however many customers there are.
  return `${first}${sep}${second}.${index.toString(36)}@${domainTable.sample(rng)}`;
}

function flag(b: boolean): Flag {
  return b ? 1 : 0;
}

function categoryCumulative(chosenInterests: number[]): Float64Array {
  const weights = categories.map((c) => baseCategoryWeight[c]);
  for (const i of chosenInterests) {
    const boosts = interests[i]?.categories ?? {};
    for (const [cat, w] of Object.entries(boosts) as [Category, number][]) {
      const k = categories.indexOf(cat);
      weights[k] = (weights[k] as number) + w;
    }
  }
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    cumulative[i] = sum;
  });
  return cumulative;
}

export function customerId(index: number): string {
  return `C${String(index + 1).padStart(7, '0')}`;
}

/** Draws the profile and traits of customer number `index` (0-based) from rng and faker (fed by rng). */
export function generateProfile(rng: Rng, faker: Faker, calendar: DemoCalendar, index: number): { profile: DemoProfile; traits: Traits } {
  const gender = genders.sample(rng);
  const sex = gender === 'female' || gender === 'male' ? gender : rng.chance(0.6) ? 'female' : 'male';
  const lastName = faker.person.lastName();
  const firstName = faker.person.firstName(sex);
  const age = sampleAge(rng);
  const birthDay = calendar.endDay - Math.floor((age + rng.next()) * daysPerYear);
  const birthKnown = !rng.chance(0.04);
  const place = places.sample(rng);
  const prefecture = place.prefecture;
  const city = place.cities.sample(rng);
  const occupation = sampleOccupation(rng, age);
  const chosenInterests = sampleInterests(rng, gender, age);
  const device = sampleDevice(rng, age);
  const signupDay = calendar.sampleSignupDay(rng);
  const hasEmail = !rng.chance(0.05);
  const appUser = device !== 'desktop';
  const emailOptIn = hasEmail && rng.chance(0.52);
  const smsOptIn = rng.chance(0.22);
  const pushOptIn = rng.chance(appUser ? 0.55 : 0.06);
  const lineOptIn = rng.chance(age < 60 ? 0.64 : 0.5);
  const consented: [string, number][] = [];
  if (lineOptIn) consented.push(['line', 4]);
  if (emailOptIn) consented.push(['email', 2.5]);
  if (pushOptIn) consented.push(['push', 2]);
  if (smsOptIn) consented.push(['sms', 0.8]);
  const preferred = consented.length > 0 ? new WeightedTable(consented).sample(rng) : null;
  const income = sampleIncome(rng, age, gender, occupation);
  const skin = rng.chance(0.7) ? skinTable.sample(rng) : null;
  const profile: DemoProfile = {
    customer_id: customerId(index),
    email: hasEmail ? makeEmail(rng, index) : null,
    first_name: firstName,
    last_name: lastName,
    birth_date: birthKnown ? calendar.date(birthDay) : null,
    gender,
    country: 'JP',
    region: prefecture.name,
    city: city.name,
    postal_code: `${city.postal}-${String(rng.int(0, 9999)).padStart(4, '0')}`,
    annual_income: income,
    occupation,
    interests: chosenInterests.map((i) => interests[i]?.tag).join(';'),
    lifestyle: sampleLifestyle(rng, age),
    signup_date: calendar.date(signupDay),
    email_opt_in: flag(emailOptIn),
    sms_opt_in: flag(smsOptIn),
    push_opt_in: flag(pushOptIn),
    line_opt_in: flag(lineOptIn),
    preferred_channel: preferred,
    acquisition_channel: acquisitionTable.sample(rng),
    primary_device: device,
    locale: rng.chance(0.95) ? 'ja-JP' : 'en-US',
    // Unknown attributes are left out, as the import stores an empty skin_type cell.
    custom_attributes: skin === null ? '{}' : JSON.stringify({ skin_type: skin }),
  };
  // Richer customers lean to dearer items; the lognormal spread gives Gamma-Gamma-like spend differences.
  const incomeLean = income === null ? 0 : Math.log(income / 4_000_000) * 0.35;
  const traits: Traits = {
    signupDay,
    birthMonth: birthKnown ? calendar.month(birthDay) : 0,
    age,
    categoryCumulative: categoryCumulative(chosenInterests),
    priceBias: Math.exp(rng.normal(0.2 - incomeLean, 0.45)),
    channelCumulative: appUser ? [0.33, 0.88, 1] : [0.82, 0.87, 1],
  };
  return { profile, traits };
}
