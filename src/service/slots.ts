/** At most `size` tasks at once; the rest wait in arrival order. */
export interface Slots {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** All slots taken: a new task would wait. */
  busy(): boolean;
  active(): number;
  waiting(): number;
}

export function createSlots(size: number): Slots {
  let active = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    async run(task) {
      if (active < size) active++;
      // The slot passes straight from the finishing task to the next one: `active` stays the same.
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    busy: () => active >= size,
    active: () => active,
    waiting: () => queue.length,
  };
}
