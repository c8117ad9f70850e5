import type { Outcome } from "../model/outcome";

/**
 * How each outcome is shown: a letter or sign as well as a colour, so the matrix reads without
 * colour vision and in print. Tones group outcomes that need the same reaction.
 */
export const OUTCOME_MARK: Readonly<Record<Outcome, { readonly sign: string; readonly tone: string; readonly meaning: string }>> = {
  pass: { sign: "✓", tone: "green", meaning: "requirement met" },
  fail: { sign: "✗", tone: "red", meaning: "a MUST broken" },
  "non-strict": { sign: "!", tone: "amber", meaning: "a SHOULD or COMPAT missed" },
  informational: { sign: "i", tone: "blue", meaning: "behaviour recorded" },
  unsupported: { sign: "U", tone: "grey", meaning: "declared unsupported by the implementation" },
  skipped: { sign: "S", tone: "grey", meaning: "precondition absent on the platform" },
  timeout: { sign: "T", tone: "purple", meaning: "hit its time limit" },
  error: { sign: "E", tone: "purple", meaning: "harness or driver fault" },
};
