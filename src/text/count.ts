/** `1 commit`, `2 commits`: a number and its noun, in the right form. */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
