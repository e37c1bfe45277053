/** A handler that receives one value (kept in a .ts file: the base no-unused-vars rule misreads parameter names in .tsx types). */
export type Callback<T> = (value: T) => void;

/** Renders something for a value. */
export type Render<T> = (value: T) => import("react").ReactNode;
