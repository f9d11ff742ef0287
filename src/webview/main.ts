// The diagnostics panel's script. It lays out what the host sends (already localised) with DOM
// calls only (no innerHTML), and sends back what the user asks for. Messages are validated both
// ways. The answer comes first; focus goes back to Re-check after a check; one live region.
import { fromWebviewSchema, toWebviewSchema, type FromWebviewMessage, type PanelResult, type PanelView } from '../shared/webviewProtocol';
import { severityIcon } from './icons';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const live = document.getElementById('live')!;
let countdownTimer: ReturnType<typeof setInterval> | undefined;
let recheckRequested = false;
let wasChecking = false;

// The serializer restores the panel after a reload only when it has a state.
vscode.setState({ panel: 'diagnostics' });

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

function button(id: string, label: string, message: FromWebviewMessage, primary = false): HTMLButtonElement {
  const node = element('button', { id, className: primary ? 'primary' : 'secondary', text: label });
  node.type = 'button';
  node.addEventListener('click', () => {
    if (node.getAttribute('aria-disabled') === 'true') return;
    send(message);
  });
  return node;
}

function announce(text: string): void {
  if (live.textContent !== text) live.textContent = text;
}

function render(view: PanelView): void {
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  if (countdownTimer) clearInterval(countdownTimer);
  countdownTimer = undefined;
  app.replaceChildren();
  app.setAttribute('aria-busy', String(view.checking));

  if (view.result) renderAnswer(view, view.result);
  else app.append(element('section', { id: 'empty-state' }, element('h1', { id: 'verdict', text: view.labels.emptyTitle }), element('p', { text: view.labels.emptyBody })));

  app.append(renderToolPicker(view), renderStatusLine(view), renderActions(view));
  if (view.result) renderDetails(view, view.result);

  if (view.checking) announce(view.labels.checking);
  else if (wasChecking && view.result) announce(`${view.result.severityLabel}: ${view.result.verdict} ${view.result.causeTitle}`);
  const finishedCheck = wasChecking && !view.checking;
  wasChecking = view.checking;
  if (finishedCheck && recheckRequested) {
    // The user pressed Re-check here: the focus goes back to it.
    recheckRequested = false;
    document.getElementById('recheck')?.focus();
  } else if (focusedId && document.hasFocus()) {
    // Any other re-render keeps the focus only while the panel has it: never pull it from the palette or an editor.
    document.getElementById(focusedId)?.focus();
  }
}

function renderAnswer(view: PanelView, result: PanelResult): void {
  const badge = element('span', { id: 'severity', className: 'severity-badge' }, severityIcon(result.severity), element('span', { text: result.severityLabel }));
  // While a new check runs the last verdict stays, dimmed: it may no longer hold.
  const header = element('header', { id: 'verdict-box', className: `verdict severity-${result.severity}${view.checking ? ' outdated' : ''}` },
    badge,
    element('h1', { id: 'verdict', text: result.verdict }),
    element('p', { id: 'cause-title', className: 'cause-title', text: result.causeTitle }),
    element('p', { id: 'cause-explanation', text: result.causeExplanation }));
  header.dataset.severity = result.severity;
  app.append(header);
  if (result.fixSteps.length > 0) {
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
    app.append(element('section', { id: 'fix' }, element('h2', { text: result.severity === 'ok' ? view.labels.adviceHeading : view.labels.fixHeading }), element('ol', { id: 'fix-steps' }, ...steps)));
  }
}

function renderToolPicker(view: PanelView): HTMLElement {
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
  const picker = element('div', { className: 'tool-picker' }, label, select);
  if (view.detection) picker.append(element('span', { id: 'detection', className: 'muted', text: view.detection }));
  return picker;
}

function renderStatusLine(view: PanelView): HTMLElement {
  const line = element('p', { id: 'status-line', className: 'status-line' });
  if (view.checking) {
    line.append(severityIcon('checking'), element('span', { text: view.labels.checking }));
  } else if (view.nextCheckAt !== null) {
    const nextCheckAt = view.nextCheckAt;
    const tick = () => { line.textContent = view.labels.nextCheckIn.replace('{0}', formatCountdown(nextCheckAt - Date.now())); };
    tick();
    countdownTimer = setInterval(tick, 1000);
  }
  return line;
}

function renderActions(view: PanelView): HTMLElement {
  const actions = element('div', { id: 'actions', className: 'actions' });
  const recheck = button('recheck', view.labels.recheck, { type: 'recheck' }, true);
  // Not `disabled`: a disabled button drops the keyboard focus to the page.
  recheck.setAttribute('aria-disabled', String(view.checking));
  recheck.addEventListener('click', () => { recheckRequested = true; });
  actions.append(recheck, button('set-key', view.labels.setKey, { type: 'setKey' }));
  const result = view.result;
  if (result?.consoleLink) actions.append(button('open-console', result.consoleLink.label, { type: 'openLink', url: result.consoleLink.url }));
  if (result?.pinTitle) {
    const pin = button('pin-model', view.labels.pinModel, { type: 'pinModel' });
    pin.title = result.pinTitle;
    actions.append(pin);
  }
  if (result) actions.append(button('copy-report', view.labels.copyReport, { type: 'copyReport' }));
  return actions;
}

function renderDetails(view: PanelView, result: PanelResult): void {
  const facts = element('dl', { id: 'key-facts', className: 'facts' });
  if (result.keyType) facts.append(element('dt', { text: view.labels.keyTypeLabel }), element('dd', { id: 'key-type', text: result.keyType }));
  if (result.plan) facts.append(element('dt', { text: view.labels.planLabel }), element('dd', { id: 'key-plan', text: result.plan }));
  const details = element('section', { id: 'details' },
    element('h2', { text: view.labels.detailsHeading }),
    ...(facts.childElementCount > 0 ? [facts] : []),
    element('p', { id: 'key-line', className: 'muted', text: `${result.keyLine} ${result.keyKindLine}` }));

  const columns = [view.labels.hostColumn, view.labels.outcomeColumn, view.labels.statusColumn, view.labels.latencyColumn, view.labels.requestIdColumn];
  const headRow = element('tr', {}, ...columns.map((label) => { const th = element('th', { text: label }); th.scope = 'col'; return th; }));
  const rows = result.hosts.map((host) => {
    const name = element('th', { className: 'host-name' }, element('span', { text: host.name }));
    name.scope = 'row';
    const cells = [
      element('td', { className: 'host-outcome', text: host.outcomeLabel }),
      element('td', { className: 'host-status', text: host.status }),
      element('td', { className: 'host-latency', text: host.latency }),
      element('td', { className: 'host-request-id', text: host.requestId }),
    ];
    cells.forEach((cell, index) => { cell.dataset.label = columns[index + 1]!; });
    const row = element('tr', { className: `host-row outcome-${host.outcome}${host.usedByTool ? ' used-by-tool' : ''}` }, name, ...cells);
    row.dataset.host = host.id;
    row.dataset.outcome = host.outcome;
    return row;
  });
  details.append(element('h3', { text: view.labels.hostsHeading }),
    element('table', { className: 'hosts' }, element('thead', {}, headRow), element('tbody', {}, ...rows)));

  details.append(element('h3', { text: view.labels.urlsHeading }),
    element('ul', { id: 'urls', className: 'urls' }, ...result.hosts.map((host) => element('li', {}, element('span', { text: `${host.name}: ` }), element('code', { text: host.url })))));

  if (result.findings.length > 0) {
    details.append(element('h3', { text: view.labels.findingsHeading }),
      element('ul', { id: 'key-findings' }, ...result.findings.map((finding) => element('li', { text: finding }))));
  }
  if (result.modelLine) {
    details.append(element('h3', { text: view.labels.modelHeading }), element('p', { id: 'model-line', text: result.modelLine }));
    if (result.pinTitle) details.append(element('p', { id: 'pin-title', className: 'muted', text: result.pinTitle }));
  }
  if (view.settingsNotes.length > 0) {
    details.append(element('h3', { text: view.labels.settingsHeading }),
      element('ul', { id: 'settings-notes' }, ...view.settingsNotes.map((note) => element('li', { text: note }))));
  }
  app.append(details);
}

function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function renderUnknown(data: unknown): void {
  const parsed = toWebviewSchema.safeParse(data);
  if (!parsed.success) {
    console.warn('Mistral Key Doctor: dropped a message that failed validation', parsed.error.issues.map((issue) => issue.path.join('.')));
    return;
  }
  render(parsed.data.view);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => renderUnknown(event.data));

const initial = document.getElementById('initial-view')?.textContent;
if (initial) renderUnknown({ type: 'render', view: JSON.parse(initial) as unknown });
send({ type: 'ready' });
