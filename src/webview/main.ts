// The diagnostics panel's script. It lays out what the host sends (already localised) with DOM
// calls only (no innerHTML), and sends back what the user asks for. Messages are validated both ways.
import { fromWebviewSchema, toWebviewSchema, type FromWebviewMessage, type PanelResult, type PanelView } from '../shared/webviewProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let countdownTimer: ReturnType<typeof setInterval> | undefined;

function send(message: FromWebviewMessage): void {
  vscode.postMessage(fromWebviewSchema.parse(message));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: { id?: string; className?: string; text?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.id) node.id = props.id;
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

function button(id: string, label: string, message: FromWebviewMessage, secondary = true): HTMLButtonElement {
  const node = element('button', { id, className: secondary ? 'secondary' : 'primary', text: label });
  node.type = 'button';
  node.addEventListener('click', () => send(message));
  return node;
}

function render(view: PanelView): void {
  // Keep keyboard focus on the same control across re-renders.
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  if (countdownTimer) clearInterval(countdownTimer);
  countdownTimer = undefined;
  app.replaceChildren();
  app.setAttribute('aria-busy', String(view.checking));

  const statusLine = element('p', { id: 'status-line', className: 'status-line' });
  statusLine.setAttribute('role', 'status');
  statusLine.setAttribute('aria-live', 'polite');
  if (view.checking) {
    statusLine.textContent = view.labels.checking;
  } else if (view.nextCheckAt !== null) {
    const nextCheckAt = view.nextCheckAt;
    const tick = () => { statusLine.textContent = view.labels.nextCheckIn.replace('{0}', formatCountdown(nextCheckAt - Date.now())); };
    tick();
    countdownTimer = setInterval(tick, 1000);
  }

  const actions = element('div', { id: 'actions', className: 'actions' });
  const recheck = button('recheck', view.labels.recheck, { type: 'recheck' }, false);
  recheck.disabled = view.checking;
  actions.append(recheck, button('set-key', view.labels.setKey, { type: 'setKey' }));
  if (view.result?.consoleLink) {
    const link = view.result.consoleLink;
    actions.append(button('open-console', link.label, { type: 'openLink', url: link.url }));
  }
  if (view.result?.pinTitle) {
    const pin = button('pin-model', view.labels.pinModel, { type: 'pinModel' });
    pin.title = view.result.pinTitle;
    actions.append(pin);
  }
  if (view.result) actions.append(button('copy-report', view.labels.copyReport, { type: 'copyReport' }));

  // Verdict first, then what the user can do, then the details.
  if (view.result) {
    renderVerdict(view.result);
    app.append(statusLine, actions);
    renderDetails(view, view.result);
  } else {
    app.append(element('section', { id: 'empty-state' },
      element('h1', { id: 'verdict', text: view.labels.emptyTitle }),
      element('p', { text: view.labels.emptyBody })), statusLine, actions);
  }

  if (focusedId) document.getElementById(focusedId)?.focus();
}

function renderVerdict(result: PanelResult): void {
  const header = element('header', { id: 'verdict-box', className: `verdict severity-${result.severity}` },
    element('h1', { id: 'verdict', text: result.headline }),
    element('p', { id: 'verdict-tool', text: result.toolLine }),
    element('p', { id: 'key-line', className: 'muted', text: result.keyLine }));
  header.dataset.severity = result.severity;
  app.append(header);
}

function renderDetails(view: PanelView, result: PanelResult): void {
  const headRow = element('tr', {}, ...[view.labels.hostColumn, view.labels.outcomeColumn, view.labels.statusColumn, view.labels.latencyColumn, view.labels.requestIdColumn]
    .map((label) => { const th = element('th', { text: label }); th.scope = 'col'; return th; }));
  const rows = result.hosts.map((host) => {
    const name = element('th', { className: 'host-name' }, element('span', { text: host.name }), element('span', { className: 'muted host-url', text: host.url }));
    name.scope = 'row';
    const row = element('tr', { className: `host-row outcome-${host.outcome}${host.usedByTool ? ' used-by-tool' : ''}` },
      name,
      element('td', { className: 'host-outcome', text: host.outcomeLabel }),
      element('td', { className: 'host-status', text: host.status }),
      element('td', { className: 'host-latency', text: host.latency }),
      element('td', { className: 'host-request-id', text: host.requestId }));
    row.dataset.host = host.id;
    row.dataset.outcome = host.outcome;
    return row;
  });
  app.append(element('section', { id: 'hosts' },
    element('h2', { text: view.labels.hostsHeading }),
    element('table', { className: 'hosts' }, element('thead', {}, headRow), element('tbody', {}, ...rows))));

  app.append(element('section', { id: 'cause' },
    element('h2', { text: view.labels.causeHeading }),
    element('h3', { id: 'cause-title', text: result.causeTitle }),
    element('p', { id: 'cause-explanation', text: result.causeExplanation })));

  const select = element('select', { id: 'tool-select' });
  for (const tool of view.tools) {
    const option = element('option', { text: tool.label });
    option.value = tool.id;
    option.selected = tool.id === view.tool;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const parsed = fromWebviewSchema.safeParse({ type: 'selectTool', tool: select.value });
    if (parsed.success) vscode.postMessage(parsed.data);
  });
  const label = element('label', { text: view.labels.toolLabel });
  label.htmlFor = 'tool-select';
  const steps = result.fixSteps.map((step) => {
    const item = element('li', { text: step.text });
    if (step.link) {
      const link = step.link;
      const anchor = element('a', { className: 'step-link', text: link.label });
      anchor.href = link.url;
      anchor.addEventListener('click', (event) => {
        event.preventDefault();
        send({ type: 'openLink', url: link.url });
      });
      item.append(' ', anchor);
    }
    return item;
  });
  const fix = element('section', { id: 'fix' });
  // A key that works needs no steps; the tool picker stays, since the verdict depends on the tool.
  if (steps.length > 0) fix.append(element('h2', { text: view.labels.fixHeading }));
  fix.append(element('div', { className: 'tool-picker' }, label, select));
  if (steps.length > 0) fix.append(element('ol', { id: 'fix-steps' }, ...steps));
  app.append(fix);

  if (result.findings.length > 0) {
    app.append(element('section', { id: 'findings' },
      element('h2', { text: view.labels.findingsHeading }),
      element('ul', { id: 'key-findings' }, ...result.findings.map((finding) => element('li', { text: finding })))));
  }
  if (result.modelLine) {
    const model = element('section', { id: 'model' },
      element('h2', { text: view.labels.modelHeading }),
      element('p', { id: 'model-line', text: result.modelLine }));
    if (result.pinTitle) model.append(element('p', { id: 'pin-title', className: 'muted', text: result.pinTitle }));
    app.append(model);
  }
}

function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = toWebviewSchema.safeParse(event.data);
  if (!parsed.success) {
    console.warn('Mistral Key Doctor: dropped a message that failed validation', parsed.error.issues.map((issue) => issue.path.join('.')));
    return;
  }
  render(parsed.data.view);
});

send({ type: 'ready' });
