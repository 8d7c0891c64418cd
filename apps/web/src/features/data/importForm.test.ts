import { describe, expect, it } from 'vitest';
import { chosenFiles, emptyImportForm } from './importForm';

const file = (name: string) => new File(['x'], name);

describe('chosenFiles', () => {
  it('is empty when nothing is chosen', () => {
    expect(chosenFiles(emptyImportForm)).toEqual({});
    expect(chosenFiles({ ...emptyImportForm, customers: [], orders: null })).toEqual({});
  });

  it('takes the first file of each input that has one', () => {
    const orders = file('orders.csv');
    const events = file('events.csv');
    const picked = chosenFiles({ ...emptyImportForm, orders: [orders, file('other.csv')], events: [events], strict: true });
    expect(picked).toEqual({ orders, events });
  });
});
