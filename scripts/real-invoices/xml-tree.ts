/**
 * A very small XML reader for the e-invoice XML embedded in ZUGFeRD / Factur-X / XRechnung PDFs: elements by
 * local name (namespace prefixes dropped), their text, and a path lookup. No well-kept XML parser is in
 * node_modules, and these files are plain data (no DTDs, no entities beyond the five predefined and numeric
 * ones), so this is enough; it is a dev script's reader, not the app's.
 */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });
}

const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Parses a document into its root element; throws on tags that do not nest. */
export function parseXml(source: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const token = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of source.matchAll(token)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2] !== undefined) {
      if (stack.length < 2 || top.name !== local(m[2])) throw new Error(`unbalanced </${m[2]}> in XML`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[local(a[1])] = decode(a[2] ?? a[3] ?? '');
      const node: XmlNode = { name: local(m[3]), attrs, children: [], text: '' };
      top.children.push(node);
      if (!m[5]) stack.push(node);
    } else if (m[6] !== undefined) top.text += decode(m[6]);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}> in XML`);
  const element = root.children[0];
  if (!element) throw new Error('no element in XML');
  return element;
}

/** Every element under `node` reached by the local-name path `a/b/c` (each step a direct child). */
export function findAll(node: XmlNode, path: string): XmlNode[] {
  let at = [node];
  for (const step of path.split('/')) at = at.flatMap((n) => n.children.filter((c) => c.name === step));
  return at;
}

/** The trimmed text of the first element at `path`, or null. */
export function textAt(node: XmlNode, path: string): string | null {
  const found = findAll(node, path)[0];
  const text = found?.text.trim();
  return text ? text : null;
}
