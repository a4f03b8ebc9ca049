import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import {
  BLOCK_RULES as RULES_AS_WRITTEN,
  INLINE_RULES,
  ROLE_TAIL,
  type BlockInfo,
  type BlockRule,
  type RuleContext,
} from './rules.ts';
import { withoutControlCharactersIn } from '../../content/control-characters.ts';
import { singleSpaced } from '../../text/white-space.ts';

/**
 * The block rules, each judging a block's text without the invisible control characters it may
 * hold ("By Maria\u0010 Lopez" is a byline): those are taken out of what the importer writes
 * (control-characters.ts), so the rules read the text as the site will show it.
 */
const BLOCK_RULES: BlockRule[] = RULES_AS_WRITTEN.map((rule) => ({
  ...rule,
  matches: (text, ctx, info) => rule.matches(withoutControlCharactersIn(text), ctx, info),
}));

// Applies the cleaning rules to an article body (a hast tree) and reports what was removed.

/** What cleaning removed, and the image credits it found. */
export interface CleanReport {
  /** Each removal; `head` marks one from the story's head printed above its first paragraph. */
  removed: { rule: string; text: string; head?: true }[];
  credits: string[];
}

/**
 * Rules that judge one line of the story's head as pages print it above the first paragraph
 * (headline, standfirst, byline, date, each on its own line in one block: "<b>Headline</b><br>By
 * Jane Doe<br>March 14, 2000", the shape of pages laid out before CSS).
 */
const HEAD_LINE_RULES = new Set([
  'duplicated-headline',
  'duplicated-dek',
  'byline-line',
  'date-line',
  'publication-line',
  'meta-line',
  'site-name',
  // A bar of page tools over the headline ("Printer-friendly version | E-mail this story").
  'site-chrome',
  'link-bar',
]);

/** True for a line naming a writer's job and nothing else ("Gazette Staff Writer", "Korrespondentin"). */
const isRoleLine = (text: string) =>
  text.split(/\s+/).length <= 6 && !/[.!?,;:]$/.test(text) && ROLE_TAIL.test(`, ${text}`);

/** Characters of kept text that make a block the story's first paragraph: the head ends there. */
const FIRST_PARAGRAPH = 80;

/** The lines of some nodes as <br> separates them: each line's text and its [start, end) in toString offsets. */
function brLines(nodes: Root['children'][number][]): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let offset = 0;
  let start = 0;
  let line = '';
  const walk = (node: Root['children'][number]) => {
    if (node.type === 'text') {
      line += node.value;
      offset += node.value.length;
    } else if (node.type === 'element' && node.tagName === 'br') breakLine();
    else if (node.type === 'element') {
      // A block nested in an inline element (<font><p>…</p></font>) is a line of its own.
      const block = TEXT_BLOCKS.has(node.tagName);
      if (block) breakLine();
      for (const c of node.children) walk(c);
      if (block) breakLine();
    }
  };
  const breakLine = () => {
    out.push({ text: line, start, end: offset });
    line = '';
    start = offset;
  };
  for (const n of nodes) walk(n);
  out.push({ text: line, start, end: offset });
  return out.map((l) => ({ ...l, text: singleSpaced(l.text) })).filter((l) => l.text);
}

/** Removes the <br>s and blank text before the first text left under a node; true when text is left. */
function trimLeadingBreaks(node: Element): boolean {
  while (node.children.length) {
    const c = node.children[0]!;
    if (c.type === 'text' && !c.value.trim()) node.children.shift();
    else if (c.type === 'element' && c.tagName === 'br') node.children.shift();
    else if (c.type === 'element' && c.tagName !== 'img' && !trimLeadingBreaks(c) && toString(c) === '')
      node.children.shift();
    else return true;
  }
  return false;
}

/** Blocks a rule may remove whole (containers are only removed once empty). */
const LEAF_REMOVABLE = new Set([
  'p',
  'div',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'aside',
  'header',
  'footer',
  'dt',
  'dd',
]);
/** Every block-level element: text is judged block by block. */
const TEXT_BLOCKS = new Set([
  ...LEAF_REMOVABLE,
  'figcaption',
  'td',
  'blockquote',
  'ul',
  'ol',
  'figure',
  'table',
  'pre',
]);

/** True when an element holds no block-level element (its text reads as one block). */
function isLeafBlock(node: Element): boolean {
  return (
    TEXT_BLOCKS.has(node.tagName) && !node.children.some((c) => c.type === 'element' && TEXT_BLOCKS.has(c.tagName))
  );
}

/** Cuts [start, end) character ranges out of the text under a node; returns the emptied elements. */
function cutRanges(node: Element, ranges: [number, number][]): void {
  let offset = 0;
  const walk = (parent: Element) => {
    for (const child of [...parent.children]) {
      if (child.type === 'text') {
        const text = child;
        const start = offset;
        offset += text.value.length;
        let value = '';
        for (let i = 0; i < text.value.length; i++)
          if (!ranges.some(([a, b]) => start + i >= a && start + i < b)) value += text.value[i];
        text.value = value;
      } else if (child.type === 'element') walk(child);
    }
    parent.children = parent.children.filter(
      (c) =>
        !(c.type === 'element' && c.tagName !== 'img' && c.tagName !== 'br' && toString(c) === '') &&
        !(c.type === 'text' && c.value === ''),
    );
  };
  walk(node);
}

/** Length of a text without its spaces. */
const visible = (text: string) => text.replace(/\s+/g, '').length;

/** What a rule may know about a block (see BlockInfo): its element, link share, image, list items. */
function blockInfo(nodes: Root['children'][number][], tag: string): BlockInfo {
  let all = 0;
  let linked = 0;
  let hasImage = false;
  let imageOutsideLink = false;
  const hrefs = new Set<string>();
  const walk = (node: Root['children'][number], inLink: boolean) => {
    if (node.type === 'text') {
      const n = visible(node.value);
      all += n;
      if (inLink) linked += n;
    } else if (node.type === 'element') {
      if (node.tagName === 'img' || node.tagName === 'picture') {
        hasImage = true;
        if (!inLink) imageOutsideLink = true;
      }
      if (node.tagName === 'a') hrefs.add(String(node.properties.href ?? ''));
      for (const c of node.children) walk(c, inLink || node.tagName === 'a');
    }
  };
  for (const n of nodes) walk(n, false);
  const info: BlockInfo = {
    tag,
    linkShare: all ? linked / all : 0,
    hasImage,
    oneLink: hrefs.size === 1 && !imageOutsideLink,
  };
  if (tag === 'ul' || tag === 'ol') {
    const items = nodes.flatMap((n) =>
      n.type === 'element' ? n.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li') : [],
    );
    info.items = items.map((li) => singleSpaced(toString(li)));
  }
  return info;
}

/** True for a block that is nothing but a short link (a teaser headline in a run under "Related"). */
function isLinkOnly(node: Element): boolean {
  const text = singleSpaced(toString(node));
  return text.length > 0 && text.length <= 200 && blockInfo([node], node.tagName).linkShare >= 0.9;
}

/** True for a block holding an image and no text (an image a caption may follow). */
function isImageOnly(node: Element): boolean {
  return blockInfo([node], node.tagName).hasImage && toString(node).trim() === '';
}

/** True for an element that is a block (see TEXT_BLOCKS). */
const isBlock = (node: Root['children'][number]) => node.type === 'element' && TEXT_BLOCKS.has(node.tagName);

/**
 * The loose runs of a container that also holds blocks: each stretch of text and inline elements
 * (a bare <time>, <span>, text) between its blocks, which reads as a paragraph of its own.
 */
function looseRuns(parent: Root | Element): Root['children'][number][][] {
  if (!parent.children.some(isBlock)) return [];
  const runs: Root['children'][number][][] = [[]];
  for (const child of parent.children)
    if (isBlock(child)) runs.push([]);
    else runs.at(-1)!.push(child);
  return runs.filter((run) => run.length > 0);
}

/** Elements that can hold a box of their own inside the article (a newsletter sign-up box). */
const BOX_TAGS = new Set(['div', 'aside', 'section', 'form']);

/**
 * The small boxes of a body: a <div>, <aside>, <section> or <form> of two to six short text
 * blocks (each under 160 characters, 600 in all) that is a small part of what holds it (its
 * parent has three times its text or more), as a newsletter sign-up box is beside the story.
 */
function smallBoxes(tree: Root): Set<Element> {
  const boxes = new Set<Element>();
  const walk = (parent: Root | Element, parentLength: number) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const length = singleSpaced(toString(child)).length;
      if (BOX_TAGS.has(child.tagName) && length <= 600 && parentLength >= 3 * length) {
        const blocks: Element[] = [];
        const collect = (node: Element) => {
          for (const c of node.children) {
            if (c.type !== 'element') continue;
            if (isLeafBlock(c)) blocks.push(c);
            else collect(c);
          }
        };
        collect(child);
        const texts = blocks.map((b) => singleSpaced(toString(b))).filter(Boolean);
        if (texts.length >= 2 && texts.length <= 6 && texts.every((t) => t.length <= 160)) boxes.add(child);
      }
      walk(child, length);
    }
  };
  walk(tree, singleSpaced(toString(tree)).length);
  return boxes;
}

/** Removes boilerplate blocks, loose runs that read as such a block, and glued spans, in place; returns what was removed. */
export function cleanTree(tree: Root, ctx: RuleContext): CleanReport {
  const report: CleanReport = { removed: [], credits: [] };
  const boxes = smallBoxes(tree);
  // Captions already seen: the same caption under a later image is removed.
  const captions = new Set<string>();
  let afterImage = false;
  // Above the first paragraph: a block of <br>-separated lines there is the story's head.
  let head = true;
  /**
   * Cuts the leading lines of a block at the story's head that a head-line rule matches (see
   * HEAD_LINE_RULES); returns true when every line went, so the block goes too.
   */
  const cutHeadLines = (block: Element): boolean => {
    const lines = brLines([block]);
    if (lines.length < 2) return false;
    const cut: [number, number][] = [];
    let after = '';
    for (const line of lines) {
      const rule =
        BLOCK_RULES.find((r) => HEAD_LINE_RULES.has(r.name) && r.matches(line.text, ctx, blockInfo([block], 'p')))
          ?.name ??
        // The writer's job on the line under the byline ("Gazette Staff Writer"): part of the byline.
        (after === 'byline-line' && isRoleLine(line.text) ? 'byline-line' : undefined);
      if (!rule) break;
      after = rule;
      report.removed.push({ rule, text: line.text, head: true });
      cut.push([line.start, line.end]);
    }
    if (cut.length === 0) return false;
    if (cut.length === lines.length) return true;
    // Only the head lines go; the story's first paragraph stays.
    cutRanges(block, cut);
    trimLeadingBreaks(block);
    return false;
  };
  const visit = (parent: Root | Element, inFigure = false): void => {
    // A loose run is judged as a paragraph would be, by the rules not tied to particular elements.
    const dropped = new Set<Root['children'][number]>();
    for (const run of looseRuns(parent)) {
      const text = run
        .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? toString(c) : ''))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      const rule = text
        ? BLOCK_RULES.find(
            (r) => !r.only && !r.withRest && !r.withFollowingList && r.matches(text, ctx, blockInfo(run, 'p')),
          )
        : undefined;
      if (!rule) {
        if (head && run.some((c) => c.type === 'element' && (c.tagName === 'br' || brLines([c]).length > 1))) {
          // The story's head printed as lines between blocks: judged line by line.
          const wrapper: Element = {
            type: 'element',
            tagName: 'span',
            properties: {},
            children: [...run] as ElementContent[],
          };
          const all = cutHeadLines(wrapper);
          const left = new Set<Root['children'][number]>(wrapper.children);
          for (const c of run) if (all || !left.has(c)) dropped.add(c);
          if (!all) {
            // What is left of the run: its first nodes lost their leading breaks.
            const kids = parent.children as Root['children'];
            const index = kids.indexOf(run[0]!);
            if (index >= 0) kids.splice(index, run.length, ...wrapper.children);
          }
        }
        if (text.length >= FIRST_PARAGRAPH && !dropped.has(run[0]!)) head = false;
        continue;
      }
      report.removed.push({ rule: rule.name, text, ...(head && { head: true as const }) });
      if (rule.credit) report.credits.push(rule.credit(text));
      // The run's text goes; an image standing in it (a gallery counter printed beside the image
      // in its figure) is not what the rule matched, and stays.
      for (const c of run)
        if (!(c.type === 'element' && (c.tagName === 'img' || c.tagName === 'picture'))) dropped.add(c);
    }
    const kept: (typeof parent.children)[number][] = [];
    // The tag of the last element kept: a byline right under a subheading, below the story's head,
    // signs a part of the story (a round-up's contribution) and is part of its text.
    let previousTag = '';
    let dropNextList = false;
    let dropRest: string | undefined;
    for (const child of parent.children) {
      if (dropped.has(child)) continue;
      if (dropRest) {
        if (child.type === 'element') report.removed.push({ rule: dropRest, text: singleSpaced(toString(child)) });
        continue;
      }
      if (child.type !== 'element') {
        kept.push(child);
        continue;
      }
      if (dropNextList && (child.tagName === 'ul' || child.tagName === 'ol' || isLinkOnly(child))) {
        // The list under a "Related" heading, or a run of linked headlines standing for one.
        report.removed.push({ rule: 'related-links-section', text: singleSpaced(toString(child)) });
        dropNextList = child.tagName !== 'ul' && child.tagName !== 'ol';
        continue;
      }
      dropNextList = false;
      const text = () => singleSpaced(toString(child));
      if (!isLeafBlock(child)) {
        // A card (a link around an image and a headline) or a breadcrumb list is judged whole.
        const whole = BLOCK_RULES.find(
          (r) => r.containers?.includes(child.tagName) && r.matches(text(), ctx, blockInfo([child], child.tagName)),
        );
        if (whole) {
          report.removed.push({ rule: whole.name, text: text() });
          continue;
        }
      }
      const isCaption = child.tagName === 'figcaption' || (inFigure && isLeafBlock(child));
      const captionLike = isCaption || (afterImage && isLeafBlock(child));
      if (child.tagName === 'img' || child.tagName === 'picture') afterImage = true;
      else if (isBlock(child)) afterImage = isImageOnly(child);
      if (isLeafBlock(child)) {
        const text = singleSpaced(toString(child));
        const info = blockInfo([child], child.tagName);
        const rule =
          LEAF_REMOVABLE.has(child.tagName) || child.tagName === 'figcaption'
            ? BLOCK_RULES.find(
                (r) =>
                  (LEAF_REMOVABLE.has(child.tagName) || r.inCaptions) &&
                  (!r.only || r.only.includes(child.tagName)) &&
                  !(r.name === 'byline-line' && !head && /^h[2-6]$/.test(previousTag)) &&
                  r.matches(text, ctx, info),
              )
            : undefined;
        if (rule) {
          report.removed.push(
            head
              ? // Its lines kept apart ("By Helen Park | Record Staff Writer"), so the byline reads as one.
                {
                  rule: rule.name,
                  text: brLines([child])
                    .map((l) => l.text)
                    .join(' | '),
                  head: true,
                }
              : { rule: rule.name, text },
          );
          if (rule.credit) report.credits.push(rule.credit(text));
          if (rule.withFollowingList) dropNextList = true;
          if (rule.withRest && /^h[1-6]$/.test(child.tagName)) dropRest = rule.name;
          // A prompt heading a small box of its own: the box's other lines are its pitch and fine print.
          if (rule.withBox && parent.type === 'element' && boxes.has(parent)) dropRest = rule.name;
          continue;
        }
        if (head && cutHeadLines(child)) {
          // Every line was the head: the block goes, or (a table cell) is emptied.
          if (LEAF_REMOVABLE.has(child.tagName)) continue;
          child.children = [];
        }
        if (head && singleSpaced(toString(child)).length >= FIRST_PARAGRAPH) head = false;
        for (const inline of INLINE_RULES) {
          if (inline.captionsOnly && !captionLike) continue;
          const full = toString(child);
          const ranges = inline.ranges(full);
          if (ranges.length === 0) continue;
          for (const [a, b] of ranges) {
            report.removed.push({ rule: inline.name, text: full.slice(a, b) });
            if (inline.credit) report.credits.push(inline.credit(full.slice(a, b)));
          }
          cutRanges(child, ranges);
        }
        // Judged after the cuts, so a caption glued to its credit matches its bare repeats.
        // Only a caption of some words: a short credit under each image ("Photo: AP") stays with it.
        const caption = singleSpaced(toString(child));
        const key = captionLike && caption.split(' ').length >= 5 ? caption.toLowerCase() : '';
        if (key && captions.has(key)) {
          report.removed.push({ rule: 'repeated-caption', text: singleSpaced(toString(child)) });
          continue;
        }
        if (key) captions.add(key);
      } else visit(child, inFigure || child.tagName === 'figure');
      const emptied = child.children.length === 0 && !['img', 'br', 'hr', 'td', 'th'].includes(child.tagName);
      if (!emptied) {
        kept.push(child);
        previousTag = child.tagName;
      }
    }
    parent.children = kept;
  };
  visit(tree);
  return report;
}
