/** A JSON Schema validator compiled from the profile; returns the error texts, empty when valid. */
export type SchemaCheck = (value: unknown) => readonly string[];
