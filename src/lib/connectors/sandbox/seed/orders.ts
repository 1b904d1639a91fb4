/** The sandbox shop's starting records: ten orders and the stock of the products they hold. */
import type { Seed } from '../store';
import type { Order, OrdersCollections, Stock } from '../orders-schemas';

export const SEED_STOCK: Stock[] = [
  { id: 'MUG-CER-01', name: 'Ceramic mug, white', on_hand: 120, location: 'A1' },
  { id: 'TEE-ORG-M', name: 'Organic tee, size M', on_hand: 45, location: 'B2' },
  { id: 'TEE-ORG-L', name: 'Organic tee, size L', on_hand: 38, location: 'B2' },
  { id: 'BAG-CAN-01', name: 'Canvas tote bag', on_hand: 80, location: 'A3' },
  { id: 'NBK-A5-DOT', name: 'A5 dotted notebook', on_hand: 200, location: 'C1' },
  { id: 'PEN-GEL-BK', name: 'Gel pen, black (10 pack)', on_hand: 150, location: 'C1' },
  { id: 'BTL-STE-75', name: 'Steel bottle, 750 ml', on_hand: 24, location: 'A2' },
  { id: 'CAP-BAS-01', name: 'Baseball cap', on_hand: 0, location: 'B4' }
];

const price: Record<string, number> = {
  'MUG-CER-01': 12, 'TEE-ORG-M': 24, 'TEE-ORG-L': 24, 'BAG-CAN-01': 15, 'NBK-A5-DOT': 9.5, 'PEN-GEL-BK': 7, 'BTL-STE-75': 29, 'CAP-BAS-01': 19
};

function order(n: number, customer: string, status: Order['status'], lines: [string, number][], day: number): Order {
  return {
    id: `ord-${String(1000 + n)}`,
    customer,
    email: `${customer.split(' ')[0].toLowerCase()}@customer.example`,
    currency: 'EUR',
    status,
    lines: lines.map(([sku, quantity]) => ({ sku, name: SEED_STOCK.find((s) => s.id === sku)!.name, quantity, unit_price: price[sku] })),
    refunds: [],
    created_at: `2026-02-${String(day).padStart(2, '0')}T10:00:00.000Z`
  };
}

export const SEED_ORDERS: Order[] = [
  order(1, 'Ana Souza', 'shipped', [['MUG-CER-01', 2], ['NBK-A5-DOT', 3]], 1),
  order(2, 'Ben Carter', 'shipped', [['TEE-ORG-M', 1], ['TEE-ORG-L', 1]], 2),
  order(3, 'Chen Wei', 'paid', [['BTL-STE-75', 2]], 3),
  order(4, 'Diana Ross', 'shipped', [['BAG-CAN-01', 4], ['PEN-GEL-BK', 2]], 4),
  order(5, 'Emeka Obi', 'paid', [['CAP-BAS-01', 1], ['MUG-CER-01', 1]], 5),
  order(6, 'Fatima Zahra', 'shipped', [['NBK-A5-DOT', 10]], 6),
  order(7, 'Gustav Berg', 'cancelled', [['TEE-ORG-L', 2]], 7),
  order(8, 'Hana Sato', 'shipped', [['BTL-STE-75', 1], ['BAG-CAN-01', 1], ['MUG-CER-01', 2]], 8),
  order(9, 'Ivan Petrov', 'paid', [['PEN-GEL-BK', 5]], 9),
  order(10, 'Julia Rossi', 'shipped', [['TEE-ORG-M', 2], ['CAP-BAS-01', 1]], 10)
];

export function ordersSeed(): Seed<OrdersCollections> {
  return { orders: SEED_ORDERS, stock: SEED_STOCK };
}
