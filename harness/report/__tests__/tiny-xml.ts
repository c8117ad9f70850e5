/**
 * A deliberately small XML 1.0 reader for the junit.xml tests: elements, attributes, text and the
 * five entities plus character references. It throws on anything not well-formed (unbalanced
 * tags, unquoted attributes, a bare & or <, characters XML forbids), which is what the tests need
 * to prove, and returns the tree so they can count and compare without matching text.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: number): string {
  if (raw.includes("<")) throw new Error(`raw < at ${where}`);
  return raw.replace(/&([^;]*);|&/g, (all, name: string | undefined) => {
    if (name === undefined) throw new Error(`bare & at ${where}`);
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    if (!(name in ENTITIES)) throw new Error(`unknown entity &${name}; at ${where}`);
    return ENTITIES[name];
  });
}

export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error(`character not allowed in XML 1.0 at ${source.search(FORBIDDEN)}`);
  let at = 0;
  if (source.startsWith("<?xml")) at = source.indexOf("?>") + 2;
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [root];
  while (at < source.length) {
    const lt = source.indexOf("<", at);
    const text = source.slice(at, lt < 0 ? source.length : lt);
    stack[stack.length - 1].text += decode(text, at);
    if (lt < 0) break;
    const gt = source.indexOf(">", lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const tag = source.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith("/")) {
      const open = stack.pop()!;
      if (open.name !== tag.slice(1).trim()) throw new Error(`</${tag.slice(1)}> closes <${open.name}> at ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = body.split(/\s/, 1)[0];
    const element: XmlElement = { name, attrs: {}, children: [], text: "" };
    let rest = body.slice(name.length).trim();
    while (rest !== "") {
      const m = /^([\w:.-]+)="([^"]*)"\s*/.exec(rest);
      if (m === null) throw new Error(`bad attribute syntax in <${name}> at ${lt}: ${rest.slice(0, 40)}`);
      if (m[1] in element.attrs) throw new Error(`duplicate attribute ${m[1]} at ${lt}`);
      element.attrs[m[1]] = decode(m[2], lt);
      rest = rest.slice(m[0].length);
    }
    stack[stack.length - 1].children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error("not exactly one root element");
  return root.children[0];
}

export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
