// What a server value looks like after JSON: dates become ISO strings. For
// typing what the dashboard's API calls (or a server component's props) return.
export type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
