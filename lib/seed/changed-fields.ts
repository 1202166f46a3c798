export type Comparable = string | number | boolean | Date | null | readonly string[];

/** Names of the fields whose wanted value differs from the stored row (dates by instant, arrays by items). */
export function changedFields<W extends Record<string, Comparable>>(row: NoInfer<W>, wanted: W): (keyof W & string)[] {
  return (Object.keys(wanted) as (keyof W & string)[]).filter((field) => !sameValue(row[field], wanted[field]));
}

function sameValue(a: Comparable, b: Comparable): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}
