import { rerunCommand, shellWord } from "./rerun-command";
import { row } from "./__tests__/sample-report";

describe("rerunCommand", () => {
  test("names one implementation, or the pair binder,connecter", () => {
    expect(rerunCommand(row({ scenario: "bind-override.a" }))).toBe("npx zmq-ipc-conformance run --impl reference --scenario bind-override.a --platform host");
    expect(rerunCommand(row({ scenario: "interop.b", binder: "libzmq", connecter: "reference" }))).toBe(
      "npx zmq-ipc-conformance run --impl libzmq,reference --scenario interop.b --platform host",
    );
  });

  test("uses the name a merge renamed a platform from", () => {
    const platforms = [{ id: "host-darwin-arm64", os: "darwin", status: "run" as const, runAs: "host" }];
    expect(rerunCommand(row({ scenario: "bind-override.a", platform: "host-darwin-arm64" }), platforms)).toMatch(/--platform host$/);
  });

  test("quotes only words the shell would split or expand", () => {
    expect(shellWord("wildcard.*")).toBe("'wildcard.*'");
    expect(shellWord("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    expect(shellWord("libzmq,reference")).toBe("libzmq,reference");
  });
});
