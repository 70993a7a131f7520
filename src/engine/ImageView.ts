/** An image as the target shows it (GET, or the create's answer): every field, for the whole-image invariants. */
export type ImageView = Readonly<Record<string, unknown>>;
