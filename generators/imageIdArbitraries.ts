import fc from "fast-check";

export type ImageIdClass = "missing-uuid-v4" | "upper-case" | "braces" | "short" | "overlong";

export interface ImageIdCase {
  readonly imageId: string;
  readonly idClass: ImageIdClass;
}

/** Image ids that name no image: random UUID v4s. */
export const missingImageId: fc.Arbitrary<ImageIdCase> = fc
  .uuid({ version: 4 })
  .map((imageId) => ({ imageId, idClass: "missing-uuid-v4" as const }));

const uuid = fc.uuid({ version: 4 });

/** Malformed image ids, one arbitrary per named class. */
export const malformedImageIdClasses: readonly fc.Arbitrary<ImageIdCase>[] = [
  // A UUID of digits only (variant 8 or 9) reads the same upper-cased: its variant becomes "b" first, so that
  // the id is never the canonical form it is meant to differ from.
  uuid.map((u) => ({
    imageId: (/[a-f]/.test(u) ? u : `${u.slice(0, 19)}b${u.slice(20)}`).toUpperCase(),
    idClass: "upper-case" as const,
  })),
  uuid.map((u) => ({ imageId: `{${u}}`, idClass: "braces" as const })),
  fc
    .tuple(uuid, fc.integer({ min: 1, max: 35 }))
    .map(([u, n]) => ({ imageId: u.slice(0, n), idClass: "short" as const })),
  fc
    .tuple(
      uuid,
      fc.string({ unit: fc.constantFrom(...Array.from("0123456789abcdef")), minLength: 1, maxLength: 64 }),
    )
    .map(([u, x]) => ({ imageId: `${u}${x}`, idClass: "overlong" as const })),
];

export const malformedImageId: fc.Arbitrary<ImageIdCase> = fc.oneof(...malformedImageIdClasses);
