import { IBANFIRST_EVENT_TYPES, type IbanfirstDelivery } from "bankhooks";
import { buildIbanfirstDelivery, buildIbanfirstNotification } from "bankhooks/testing";

/** mulberry32: a small seeded PRNG, so that a run can be repeated from its seed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `total` notifications of random documented types, with ids `n-<seed>-<i>`, in deliveries of 1–20. */
export function buildBatches(total: number, seed: number): IbanfirstDelivery[] {
  const random = createRandom(seed);
  const deliveries: IbanfirstDelivery[] = [];
  for (let i = 0; i < total; ) {
    const size = Math.min(total - i, 1 + Math.floor(random() * 20));
    const notifications = Array.from({ length: size }, () => {
      const type = IBANFIRST_EVENT_TYPES[Math.floor(random() * IBANFIRST_EVENT_TYPES.length)];
      return buildIbanfirstNotification(type, { notificationId: `n-${seed}-${i++}` });
    });
    deliveries.push(buildIbanfirstDelivery(notifications));
  }
  return deliveries;
}
