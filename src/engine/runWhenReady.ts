/**
 * Runs items on `limit` workers, some of which need `ready` first: while it is pending, a free worker takes the
 * next item that does not need it, and waits only when none is left; once it has settled, items run in their
 * order. So the scenarios that need the coverage plan start as soon as it is made, and the others fill the time
 * it takes (a plan of the openstack-glance profile takes a second and a half of CPU).
 */
export async function runWhenReady<T>(
  items: readonly T[],
  limit: number,
  needsReady: (item: T) => boolean,
  ready: Promise<unknown>,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let settled = false;
  const done = ready.then(
    () => (settled = true),
    () => (settled = true),
  );
  const left = [...items];
  const take = (): T | undefined => {
    const i = settled ? 0 : left.findIndex((x) => !needsReady(x));
    return i < 0 ? undefined : left.splice(i, 1)[0];
  };
  const worker = async (): Promise<void> => {
    while (left.length > 0) {
      const item = take();
      if (item === undefined) {
        await done;
        continue;
      }
      if (needsReady(item)) await done;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
