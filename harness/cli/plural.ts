/** "1 cell", "160 cells": counts in sentences read right. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
