import type { FileKind, SiteFiles } from "../../model/site-files";
import type { SiteAgent, SiteFileInfo } from "./site-agent";

/** A path for the agent: text as "path", raw bytes (not valid UTF-8) as "path64". */
const pathField = (p: string | Buffer) => (typeof p === "string" ? { path: p } : { path64: p.toString("base64") });

/** ctx.files on a remote site: every call is a control request to its agent. */
export class AgentFiles implements SiteFiles {
  constructor(private readonly agent: SiteAgent) {}

  async kind(p: string | Buffer): Promise<FileKind> {
    return (await this.agent.request<SiteFileInfo>("lstat", pathField(p))).kind;
  }

  async mode(p: string): Promise<number> {
    const info = await this.agent.request<SiteFileInfo>("stat", { path: p });
    if (info.kind === "absent") throw Object.assign(new Error(`ENOENT: nothing at ${p} on the site`), { code: "ENOENT" });
    return info.mode!;
  }

  async list(dir: string): Promise<string[]> {
    const names = await this.agent.request<string[]>("readdir", { path: dir });
    return names.map((name) => Buffer.from(name, "base64").toString("utf8")).sort();
  }

  async tree(root: string): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: Buffer, prefix: string): Promise<void> => {
      let names: string[];
      try {
        names = await this.agent.request<string[]>("readdir", pathField(dir));
      } catch (err) {
        if ((err as { code?: string }).code === "ENOENT") return;
        throw err;
      }
      for (const name of names.map((n) => Buffer.from(n, "base64"))) {
        const shown = prefix + name.toString("utf8");
        found.push(shown);
        const child = Buffer.concat([dir, Buffer.from("/"), name]);
        if ((await this.kind(child)) === "directory") await walk(child, `${shown}/`);
      }
    };
    await walk(Buffer.from(root), "");
    return found.sort();
  }

  async mkdir(p: string, options: { mode?: number; recursive?: boolean } = {}): Promise<void> {
    if (!p.startsWith("/")) throw new Error(`a path on a remote site must be absolute, not "${p}"`);
    if (options.recursive === true) {
      // Each missing ancestor, top down; one that exists already is fine.
      const parts = p.split("/").filter((part) => part !== "");
      for (let i = 1; i <= parts.length; i++) {
        const prefix = `/${parts.slice(0, i).join("/")}`;
        if ((await this.kind(prefix)) === "absent") await this.agent.request("mkdir", { path: prefix, mode: options.mode });
      }
      return;
    }
    await this.agent.request("mkdir", { path: p, mode: options.mode });
  }

  async writeFile(p: string, data: string | Buffer, mode?: number): Promise<void> {
    await this.agent.request("writeFile", { path: p, data: Buffer.from(data).toString("base64"), mode });
  }

  async readFile(p: string): Promise<Buffer> {
    return Buffer.from(await this.agent.request<string>("readFile", { path: p }), "base64");
  }

  async chmod(p: string, mode: number): Promise<void> {
    await this.agent.request("chmod", { path: p, mode });
  }

  async symlink(target: string, p: string): Promise<void> {
    await this.agent.request("symlink", { path: p, target });
  }

  async rename(from: string, to: string): Promise<void> {
    await this.agent.request("rename", { path: from, to });
  }

  async mkfifo(p: string): Promise<void> {
    await this.agent.request("mkfifo", { path: p });
  }

  async connect(p: string): Promise<string> {
    try {
      await this.agent.request("connect", { path: p });
      return "connected";
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === undefined) throw err;
      return code;
    }
  }

  async staleSocket(p: string): Promise<void> {
    await this.agent.request("staleSocket", { path: p });
  }

  async remove(p: string): Promise<void> {
    await this.agent.request("rm", { path: p });
  }
}
