import { ZmtpStreamDecoder, type DecodedItem } from "./zmtp-stream-decoder";
import { command, frame, greeting, message, ready, zmtp2Greeting, LONG, COMMAND } from "./zmtp-bytes";

/** Feeds the bytes in pieces of `step` octets and collects everything decoded, the close included. */
function decode(bytes: Buffer, step = bytes.length): DecodedItem[] {
  const decoder = new ZmtpStreamDecoder();
  const items: DecodedItem[] = [];
  for (let at = 0; at < bytes.length; at += step) items.push(...decoder.push(bytes.subarray(at, at + step)));
  return [...items, ...decoder.finish()];
}

const texts = (items: DecodedItem[]) => items.map((i) => i.text);

describe("ZmtpStreamDecoder", () => {
  const opening = Buffer.concat([greeting({ minor: 1 }), ready("DEALER", "id-1")]);

  test.each([1, 7, 64, 1000])("a greeting and READY decode the same whatever the chunking (%i octets at a time)", (step) => {
    expect(texts(decode(opening, step))).toEqual(['greeting ZMTP 3.1 mechanism "NULL" as-server 0', 'READY Socket-Type="DEALER" Identity="id-1"']);
  });

  test("frames: flags named, sizes, a text or hex preview, the header in the hex", () => {
    const items = decode(Buffer.concat([greeting(), message(["hello", Buffer.from([0, 1, 2])]), frame(LONG, "x", true)]));
    expect(items.slice(1).map((i) => [i.kind, i.text, i.hex])).toEqual([
      ["frame", 'frame MORE 5 B "hello"', "01 05 68 65 6c 6c 6f"],
      ["frame", "frame 3 B 00 01 02", "00 03 00 01 02"],
      ["frame", 'frame LONG 1 B (in the long form) "x"', "02 00 00 00 00 00 00 00 01 78"],
    ]);
  });

  test("the 255/256 boundary: a 256-octet frame sent with a short size of 0 shows as a 0-octet frame and what follows", () => {
    const bad = Buffer.concat([Buffer.from([0x00, 0x00]), Buffer.alloc(256, 0x41)]);
    const items = decode(Buffer.concat([greeting(), bad]));
    expect(items[1]).toMatchObject({ kind: "frame", text: "frame 0 B", hex: "00 00" });
    expect(items.length).toBeGreaterThan(2);
  });

  test("commands: SUBSCRIBE, PING, ERROR, an unknown one, and a READY whose metadata is malformed", () => {
    const le = Buffer.from([0x0b, ...Buffer.from("Socket-Type"), 4, 0, 0, 0, ...Buffer.from("PUSH")]);
    const items = decode(
      Buffer.concat([
        greeting(),
        command("SUBSCRIBE", "topic"),
        command("PING", Buffer.from([0, 10, 0x63])),
        command("ERROR", Buffer.from([3, ...Buffer.from("bad")])),
        command("HELLO", "abc"),
        command("READY", le),
      ]),
    );
    expect(texts(items.slice(1))).toEqual([
      'SUBSCRIBE "topic"',
      'PING ttl 10 context "c"',
      'ERROR "bad"',
      '"HELLO" command with 3 octets of data',
      expect.stringMatching(/^READY with malformed metadata: value of Socket-Type \(67108864 bytes\) runs past the end$/),
    ]);
  });

  test("an impossible declared size is not buffered: what came is reported at the close, cut short", () => {
    const header = Buffer.from([LONG, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const decoder = new ZmtpStreamDecoder();
    decoder.push(greeting());
    expect(decoder.push(header)).toEqual([]);
    for (let i = 0; i < 64; i++) expect(decoder.push(Buffer.alloc(64 * 1024))).toEqual([]);
    const [cut] = decoder.finish();
    expect(cut.text).toBe("frame cut short: 4194304 of the 9223372036854775807 octets it declared came before the close");
    expect(cut.hex.startsWith("02 7f ff ff ff ff ff ff ff 00")).toBe(true);
  });

  test("garbage where the greeting belongs, and a ZMTP 2.0 opening, are shown as such", () => {
    expect(texts(decode(Buffer.from("GET / HTTP/1.1\r\n")))).toEqual(["16 octets where a ZMTP greeting belongs (no 0xFF signature)"]);
    expect(texts(decode(Buffer.concat([zmtp2Greeting("PUSH"), Buffer.from([0, 1, 0x61])])))).toEqual(["opening of ZMTP revision 1 (not ZMTP 3)"]);
  });

  test("a greeting cut short, and a command frame flagged MORE", () => {
    expect(texts(decode(greeting().subarray(0, 20)))).toEqual(["greeting cut short: 20 of 64 octets before the close"]);
    expect(texts(decode(Buffer.concat([greeting(), command("PING", Buffer.from([0, 1]), COMMAND | 0x01)])))[1]).toBe('PING ttl 1 context "" [MORE]');
  });
});
