import * as fs from "node:fs";
import * as ref from "../../reference";
import { failure, syncFailure, text, within } from "./helpers/behaviour-env";
import { explain } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";

/**
 * The path of an endpoint is handed to the kernel as written (libzmq's ipc_address_t::resolve):
 * never trimmed or normalised, so `.`, `..`, `//` and a trailing `/` mean what path resolution
 * makes of them, and the refusals carry bind(2)'s errno. Unbind and disconnect check an
 * endpoint's syntax before they look it up, as libzmq's term_endpoint does.
 */
const fixture = useFixture();

async function roundTrip(endpoint: string, receiver: { receive(): Promise<Buffer[]> }, body: string): Promise<string[]> {
  const push = fixture.track(new ref.Push());
  push.connect(endpoint);
  await push.send(body);
  return text(await within(receiver.receive(), `"${body}"`));
}

describe("a path ending in / is never bound, and never trimmed", () => {
  test("a new name: ENOENT, and nothing is created at the name", async () => {
    const pull = fixture.track(new ref.Pull());
    const err = await failure(pull.bind(`${fixture.endpoint("new.sock")}/`));
    expect([err.code, explain(err)]).toEqual([
      "ENOENT",
      `a path ending in / names a directory, and there is none: no socket is created there: ${fixture.endpoint("new.sock")}/`,
    ]);
    expect(fixture.list()).toEqual([]);
  });

  test("a name another socket has bound: EADDRINUSE, and that socket keeps its path", async () => {
    const first = fixture.track(new ref.Pull());
    await first.bind(fixture.endpoint("bound.sock"));
    const second = fixture.track(new ref.Pull());
    const err = await failure(second.bind(`${fixture.endpoint("bound.sock")}/`));
    expect(err.code).toBe("EADDRINUSE");
    expect(explain(err)).toContain("a path ending in / names what exists before the slash");
    expect(await roundTrip(fixture.endpoint("bound.sock"), first, "still-first")).toEqual(["still-first"]);
  });

  test.each([
    ["a regular file", (p: string) => fs.writeFileSync(p, "kept")],
    ["a directory", (p: string) => fs.mkdirSync(p)],
  ])("%s at the name: EADDRINUSE, and it is left alone", async (_what, make) => {
    make(fixture.path("there"));
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.bind(`${fixture.endpoint("there")}/`))).code).toBe("EADDRINUSE");
    expect(fixture.list()).toEqual(["there"]);
  });

  test("several trailing slashes are one: EADDRINUSE for a file at the name, ENOENT for nothing there", async () => {
    fs.writeFileSync(fixture.path("file"), "kept");
    const pull = fixture.track(new ref.Pull());
    const inUse = await failure(pull.bind(`${fixture.endpoint("file")}//`));
    expect([inUse.code, explain(inUse)]).toEqual([
      "EADDRINUSE",
      `a path ending in / names what exists before the slash: refusing to bind there: ${fixture.endpoint("file")}//`,
    ]);
    const missing = await failure(pull.bind(`${fixture.endpoint("new.sock")}//`));
    expect([missing.code, explain(missing)]).toEqual([
      "ENOENT",
      `a path ending in / names a directory, and there is none: no socket is created there: ${fixture.endpoint("new.sock")}//`,
    ]);
    expect(fixture.list()).toEqual(["file"]);
  });

  test("a missing directory before the name: ENOENT; a regular file before it: ENOTDIR", async () => {
    fs.writeFileSync(fixture.path("file"), "kept");
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.bind(`${fixture.endpoint("missing", "x.sock")}/`))).code).toBe("ENOENT");
    expect((await failure(pull.bind(`${fixture.endpoint("file", "x.sock")}/`))).code).toBe("ENOTDIR");
  });
});

describe(". and .. are the kernel's to resolve", () => {
  test(".. after a symbolic link goes to the parent of the link's target, not back beside the link", async () => {
    fs.mkdirSync(fixture.path("real", "inner"), { recursive: true });
    fs.symlinkSync(fixture.path("real", "inner"), fixture.path("link"));
    const pull = fixture.track(new ref.Pull());
    await pull.bind(`ipc://${fixture.dir}/link/../e.sock`);
    expect(fixture.list()).toEqual(["link", "real"]);
    expect(fixture.list("real")).toEqual(["e.sock", "inner"]);
    expect(pull.lastEndpoint).toBe(`ipc://${fixture.dir}/link/../e.sock`);
    expect(await roundTrip(fixture.endpoint("real", "e.sock"), pull, "via-target")).toEqual(["via-target"]);
  });

  test(".. after a missing directory is ENOENT and after a regular file ENOTDIR: nothing is bound beside them", async () => {
    fs.writeFileSync(fixture.path("file"), "kept");
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.bind(`ipc://${fixture.dir}/missing/../d.sock`))).code).toBe("ENOENT");
    expect((await failure(pull.bind(`ipc://${fixture.dir}/file/../f.sock`))).code).toBe("ENOTDIR");
    expect((await failure(pull.bind(`ipc://${fixture.dir}/t.sock/.`))).code).toBe("ENOENT");
    expect(fixture.list()).toEqual(["file"]);
  });

  test("./ and // bind the same file and keep their spelling for lastEndpoint and unbind", async () => {
    const pull = fixture.track(new ref.Pull());
    await pull.bind(`ipc://${fixture.dir}/./c.sock`);
    expect(pull.lastEndpoint).toBe(`ipc://${fixture.dir}/./c.sock`);
    await pull.bind(`ipc://${fixture.dir}//g.sock`);
    expect(pull.lastEndpoint).toBe(`ipc://${fixture.dir}//g.sock`);
    expect(fixture.list()).toEqual(["c.sock", "g.sock"]);
    expect((await failure(pull.unbind(fixture.endpoint("c.sock")))).code).toBe("ENOENT");
    await pull.unbind(`ipc://${fixture.dir}/./c.sock`);
    await pull.unbind(`ipc://${fixture.dir}//g.sock`);
    expect(fixture.list()).toEqual([]);
  });
});

describe("unbind and disconnect check the endpoint before looking it up", () => {
  test.each([
    ["", "EINVAL"],
    ["ipc://", "EINVAL"],
    ["/tmp/bare.sock", "EINVAL"],
    ["ipc:/tmp/one-slash.sock", "EINVAL"],
    ["foo:///tmp/x.sock", "EPROTONOSUPPORT"],
    ["unix:///tmp/x.sock", "EPROTONOSUPPORT"],
    ["ipc://*", "ENOENT"],
    ["ipc://@never", "ENOENT"],
    [`ipc:///${"x".repeat(200)}`, "ENOENT"],
  ])("%j: %s", async (endpoint, code) => {
    const socket = fixture.track(new ref.Pull());
    await socket.bind(fixture.endpoint("bound.sock"));
    socket.connect(fixture.endpoint("connected.sock"));
    expect((await failure(socket.unbind(endpoint))).code).toBe(code);
    expect(syncFailure(() => socket.disconnect(endpoint)).code).toBe(code);
  });
});
