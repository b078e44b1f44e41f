/** ORCA's xml2 dialect: every value an element with `type="string"`, groups `type="record"`, lists `type="array"` of `<name>_child` records. */

export type XmlNode =
  { name: string; value: string } | { name: string; record: XmlNode[] } | { name: string; array: XmlNode[][] };

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function render(node: XmlNode, depth: number): string {
  const pad = '  '.repeat(depth);
  if ('value' in node) return `${pad}<${node.name} type="string">${escape(node.value)}</${node.name}>`;
  if ('record' in node)
    return [
      `${pad}<${node.name} type="record">`,
      ...node.record.map((n) => render(n, depth + 1)),
      `${pad}</${node.name}>`,
    ].join('\n');
  const child = `${node.name}_child`;
  return [
    `${pad}<${node.name} type="array">`,
    ...node.array.map((r) => render({ name: child, record: r }, depth + 1)),
    `${pad}</${node.name}>`,
  ].join('\n');
}

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<data>\n${render(root, 1)}\n</data>\n`;
}

/** A string element, or nothing when there is no value. */
export const str = (name: string, value: string | undefined): XmlNode[] =>
  value === undefined || value === '' ? [] : [{ name, value }];
