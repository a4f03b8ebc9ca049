import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withoutControlCharactersIn } from '../content/control-characters.ts';

// Article bodies without the characters no page or feed can carry (src/content/control-characters.ts):
// written into the Markdown, or reaching the HTML through a character reference (`&#x1F;` in raw
// HTML decodes to U+001F), they would make the page invalid HTML. Text and attribute values both.

/** Rehype plugin: drops control characters, lone surrogates and noncharacters from text and attributes. */
export default function rehypeControlCharacters() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'comment') node.value = withoutControlCharactersIn(node.value);
      else if (node.type === 'element')
        for (const [key, value] of Object.entries(node.properties)) {
          if (typeof value === 'string') node.properties[key] = withoutControlCharactersIn(value);
          else if (Array.isArray(value))
            node.properties[key] = value.map((v) => (typeof v === 'string' ? withoutControlCharactersIn(v) : v));
        }
    });
  };
}
