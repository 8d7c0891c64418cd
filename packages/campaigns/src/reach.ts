// Who can be reached on each channel, as bitsets over the loaded customers: email needs an address and the
// opt-in; SMS, push and LINE need their opt-in (the team's shared definition).
import { Bitset, channels, type Channel, type SegmentData } from '@kizuna/segments';

const optInColumn: Readonly<Record<Channel, string>> = {
  email: 'email_opt_in',
  sms: 'sms_opt_in',
  push: 'push_opt_in',
  line: 'line_opt_in',
};

function flagBits(data: SegmentData, column: string): Bitset {
  const col = data.columns.get(column);
  if (!col || col.kind !== 'flag') throw new Error(`The loaded data has no flag column ${column}`);
  const bits = new Bitset(data.size);
  for (let i = 0; i < data.size; i++) if (col.values[i] === 1) bits.add(i);
  return bits;
}

export function reachableByChannel(data: SegmentData): Record<Channel, Bitset> {
  const out = {} as Record<Channel, Bitset>;
  for (const channel of channels) out[channel] = flagBits(data, optInColumn[channel]);
  out.email.andInPlace(flagBits(data, 'has_email'));
  return out;
}
