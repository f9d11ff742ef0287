// Reads what a person sees in the panel: WCAG contrast of its text against the background behind
// it, and whether an element lies inside the visible part of the webview without scrolling.
import type { FrameLocator } from 'playwright-core';

export interface ContrastReading {
  selector: string;
  text: string;
  ratio: number;
}

/** The contrast ratio of each element's text against the first opaque background behind it. */
export async function textContrast(panel: FrameLocator, selectors: string[]): Promise<ContrastReading[]> {
  return panel.locator('body').evaluate((_body, wanted: string[]) => {
    const parse = (value: string): [number, number, number, number] => {
      const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const backgroundOf = (node: Element | null): [number, number, number, number] => {
      for (let current = node; current; current = current.parentElement) {
        const color = parse(getComputedStyle(current).backgroundColor);
        if (color[3] > 0.99) return color;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor);
    };
    const readings: { selector: string; text: string; ratio: number }[] = [];
    for (const selector of wanted) {
      for (const node of Array.from(document.querySelectorAll(selector))) {
        const fg = parse(getComputedStyle(node).color);
        const bg = backgroundOf(node);
        // A translucent text colour is blended over its background first.
        const blended = [0, 1, 2].map((i) => fg[i]! * fg[3] + bg[i]! * (1 - fg[3]));
        const [light, dark] = [luminance(blended), luminance(bg)].sort((a, b) => b - a);
        readings.push({ selector, text: (node.textContent ?? '').trim().slice(0, 40), ratio: (light! + 0.05) / (dark! + 0.05) });
      }
    }
    return readings;
  }, selectors);
}

/** True when the element's bottom edge is inside the webview's viewport (no scrolling needed). */
export async function visibleWithoutScrolling(panel: FrameLocator, selector: string): Promise<boolean> {
  return panel.locator(selector).last().evaluate((node) => {
    window.scrollTo(0, 0);
    return node.getBoundingClientRect().bottom <= window.innerHeight;
  });
}
