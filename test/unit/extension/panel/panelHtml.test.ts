import { describe, expect, it } from 'vitest';
import { createNonce, renderPanelHtml } from '../../../../src/extension/panel/panelHtml';

const input = { cspSource: 'https://webview.test', scriptUri: 'https://webview.test/media/webview.js', styleUri: 'https://webview.test/media/panel.css', language: 'en' };

function csp(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  if (!match) throw new Error('no CSP meta tag');
  return match[1]!.replace(/&#39;|&apos;/g, "'");
}

describe('renderPanelHtml', () => {
  it('denies everything by default and allows only the webview origin and the nonce', () => {
    const policy = csp(renderPanelHtml({ ...input, nonce: 'n0nce' }));
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values])) as Record<string, string[]>;
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'nonce-n0nce'"]);
    expect(directives['style-src']).toEqual(['https://webview.test']);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the nonce on every script and loads scripts only from media/', () => {
    const html = renderPanelHtml({ ...input, nonce: 'n0nce' });
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) {
      expect(tag).toContain('nonce="n0nce"');
      expect(tag).toContain('src="https://webview.test/media/webview.js"');
    }
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/style="/);
  });

  it('uses a fresh, unguessable nonce for every render', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => /'nonce-([^']+)'/.exec(renderPanelHtml(input))![1]));
    expect(nonces.size).toBe(50);
    expect(createNonce()).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('escapes what it interpolates', () => {
    const html = renderPanelHtml({ ...input, language: 'en"><script>alert(1)</script>' });
    expect(html.match(/<script/g)?.length).toBe(1);
  });

  it('carries the first view as an inert data block that no text can break out of', () => {
    const html = renderPanelHtml({ ...input, nonce: 'n0nce', initialView: { text: '</script><script>alert(1)</script>' } });
    expect(html.match(/<script/g)?.length).toBe(2);
    const data = /<script type="application\/json" id="initial-view">([^<]*)<\/script>/.exec(html)!;
    expect(JSON.parse(data[1]!)).toEqual({ text: '</script><script>alert(1)</script>' });
  });

  it('keeps one live region outside the re-rendered content', () => {
    expect(renderPanelHtml(input)).toMatch(/<p id="live"[^>]*role="status"[^>]*aria-live="polite"[^>]*><\/p>\n<main id="app"/);
  });
});
