// Offer wording for the `{offer}` token and the expected cost per treated customer that matrix estimates use.
import type { Offer } from './schema';

/** Digits of the currency's minor unit: 0 for JPY, 2 for USD. */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units → `¥1,500`, `$12.50`. Formatting happens only at the edge; everything else stays integer. */
export function formatMoney(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: exponent }).format(minor / 10 ** exponent);
}

/** What the customer is offered, in words: "15% off", "¥500 off", "free shipping", "500 points", "gift: tote". */
export function describeOffer(o: Offer, currency: string): string | null {
  switch (o.kind) {
    case 'percent_discount':
      return `${o.percent}% off`;
    case 'fixed_discount':
      return `${formatMoney(o.amount, currency)} off`;
    case 'coupon':
      return o.label;
    case 'free_shipping':
      return 'free shipping';
    case 'points':
      return `${o.points.toLocaleString('en')} points`;
    case 'gift':
      return `a free gift: ${o.gift}`;
    case 'none':
      return null;
    default:
      return assertNever(o);
  }
}

/**
 * Expected cost per customer who receives the offer, in minor units (may be fractional): the cost of one
 * redemption times the expected redemption rate. A cell's estimate rounds reach × this once.
 */
export function expectedCostPerRecipient(o: Offer): number {
  return (o.costPerRedemption * o.redemptionRatePercent) / 100;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
