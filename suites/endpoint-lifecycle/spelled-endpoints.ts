import type { ScenarioContext } from "../../harness/model/scenario-context";

export interface SpelledEndpoint {
  /** The endpoint as bound or connected. */
  readonly endpoint: string;
  /** The same path spelled plainly (absolute, no ./ or //). */
  readonly plain: string;
  /** How it reads in a check. */
  readonly shown: string;
}

/** Three spellings of paths in ctx.dir that the kernel reads as plain names there (ctx.dir is the working directory). */
export function spelledEndpoints(ctx: ScenarioContext): SpelledEndpoint[] {
  return [
    { endpoint: `ipc://${ctx.dir}/./c.sock`, plain: ctx.endpoint("c.sock"), shown: "ipc://<dir>/./c.sock" },
    { endpoint: `ipc://${ctx.dir}//g.sock`, plain: ctx.endpoint("g.sock"), shown: "ipc://<dir>//g.sock" },
    { endpoint: "ipc://rel.sock", plain: ctx.endpoint("rel.sock"), shown: "ipc://rel.sock (relative)" },
  ];
}
