// A typed store.
export interface Item<T = unknown> {
  readonly id: number;
  value?: T;
  tags: string[];
}

type Listener<T> = (item: Item<T>) => void;

export class Store<T> implements Iterable<Item<T>> {
  private items = new Map<number, Item<T>>();
  private listeners: Listener<T>[] = [];

  constructor(public readonly name: string) {}

  add(value: T, ...tags: string[]): Item<T> {
    const item: Item<T> = { id: this.items.size + 1, value, tags };
    this.items.set(item.id, item);
    this.listeners.forEach((l) => l(item));
    return item;
  }

  *[Symbol.iterator](): Iterator<Item<T>> {
    yield* this.items.values();
  }
}

export const store = new Store<string>("main") as Store<string>;
enum Colour { Red = "red", Green = "green" }
declare module "x" { export const y: number; }
