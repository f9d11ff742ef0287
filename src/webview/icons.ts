// The severity icons, drawn as small inline SVGs (no icon font to ship): each is paired with the
// severity in words, so the colour is never the only signal.
import type { PanelResult } from '../shared/webviewProtocol';

type Severity = PanelResult['severity'];

const SVG = 'http://www.w3.org/2000/svg';

/** Shapes on a 16×16 grid, stroked in the current text colour of their container. */
const SHAPES: Record<Severity | 'checking', string[]> = {
  ok: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M4.8 8.2l2.2 2.2l4.2-4.6'],
  info: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M8 7v4.5', 'M8 4.5v.5'],
  warning: ['M8 1.8l6.6 11.7H1.4z', 'M8 6v3.8', 'M8 11.6v.4'],
  error: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M5.5 5.5l5 5', 'M10.5 5.5l-5 5'],
  checking: ['M13.5 8a5.5 5.5 0 1 1-1.6-3.9', 'M12.2 1.8v2.6H9.6'],
};

export function severityIcon(kind: Severity | 'checking'): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `icon icon-${kind}`);
  for (const d of SHAPES[kind]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
