import hljs from 'highlight.js/lib/core';
import yaml from 'highlight.js/lib/languages/yaml';
import { get, post, request, ApiError } from '../api';
import { openDialog } from '../dialog';
import { h, parseTime } from '../dom';

hljs.registerLanguage('yaml', yaml);

/** Workflows or workbooks, from GET /v2/workflows or /v2/workbooks. */
export async function definitionsPage(app: HTMLElement, kind: 'workflows' | 'workbooks'): Promise<void> {
  const list = await get(`/v2/${kind}`);
  const rows = list[kind].map((d: any) => h('tr', {},
    h('td', {}, h('a', { href: `#/${kind}/${encodeURIComponent(kind === 'workflows' ? d.id : d.name)}` }, d.name)),
    h('td', { class: 'mono' }, d.input ?? ''),
    h('td', {}, (d.tags ?? []).join(', ')),
    h('td', {}, parseTime(d.updated_at ?? d.created_at)?.toLocaleString() ?? '')));
  app.replaceChildren(h('h1', {}, kind === 'workflows' ? 'Workflows' : 'Workbooks'),
    h('p', {}, h('a', { href: `#/upload?kind=${kind}` }, `Upload ${kind === 'workflows' ? 'workflows' : 'a workbook'}…`)),
    h('table', { class: 'list', 'data-test': kind },
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Input'), h('th', {}, 'Tags'), h('th', {}, 'Updated'))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 4, class: 'muted' }, 'None yet.')))));
}

/** One workflow or workbook: highlighted YAML, an edit link, and (workflows) the start form. */
export async function definitionPage(app: HTMLElement, kind: 'workflows' | 'workbooks', id: string): Promise<void> {
  const d = await get(`/v2/${kind}/${encodeURIComponent(id)}`);
  const code = h('code', { class: 'hljs language-yaml' });
  code.innerHTML = hljs.highlight(d.definition, { language: 'yaml' }).value;
  const parts: Node[] = [h('h1', {}, d.name), h('p', {}, h('a', { href: `#/upload?kind=${kind}&from=${encodeURIComponent(id)}` }, 'Edit and update…'))];
  if (kind === 'workflows') parts.push(startForm(d));
  parts.push(h('h2', {}, 'Definition'), h('pre', { class: 'yaml', 'data-test': 'definition' }, code));
  app.replaceChildren(...parts);
}

interface InputField { name: string; defaultValue?: unknown }

/** The declared inputs: the interface when the API gives it, otherwise the "a, b=1" signature. */
export function declaredInputs(workflow: any): InputField[] {
  let iface = workflow.interface;
  if (typeof iface === 'string') {
    try { iface = JSON.parse(iface); } catch { iface = null; }
  }
  if (iface?.input) {
    return iface.input.map((i: any) => typeof i === 'string' ? { name: i } : { name: Object.keys(i)[0], defaultValue: Object.values(i)[0] });
  }
  return (workflow.input ?? '').split(',').map((s: string) => s.trim()).filter(Boolean).map((s: string) => {
    const eq = s.indexOf('=');
    return eq < 0 ? { name: s } : { name: s.slice(0, eq), defaultValue: s.slice(eq + 1) };
  });
}

function startForm(workflow: any): HTMLElement {
  const fields = declaredInputs(workflow).map((f) => {
    const input = h('input', { name: f.name, 'data-input': f.name, placeholder: f.defaultValue === undefined ? 'required' : `default: ${JSON.stringify(f.defaultValue)}` }) as HTMLInputElement;
    return { field: f, input };
  });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'start', 'data-test': 'start-form', onsubmit: async (e: Event) => {
    e.preventDefault();
    error.textContent = '';
    const input: Record<string, unknown> = {};
    for (const { field, input: el } of fields) {
      if (el.value === '') continue;
      // Values are JSON when they parse as JSON (numbers, lists, objects), text otherwise.
      try { input[field.name] = JSON.parse(el.value); } catch { input[field.name] = el.value; }
    }
    try {
      const started = await post('/v2/executions', { workflow_id: workflow.id, input: JSON.stringify(input) });
      location.hash = `#/executions/${started.id}`;
    } catch (err) {
      error.textContent = err instanceof Error ? err.message : String(err);
    }
  } },
  h('h2', {}, 'Start an execution'),
  ...(fields.length ? fields.map(({ field, input }) => h('label', {}, h('span', { class: 'mono' }, field.name), input)) : [h('p', { class: 'muted' }, 'This workflow declares no input.')]),
  h('button', { type: 'submit', class: 'primary', 'data-test': 'start' }, 'Start'), error);
  return form;
}

/** Upload or update: a YAML editor with line numbers; the language's diagnostics are shown at their line. */
export async function uploadPage(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const kind = params.get('kind') === 'workbooks' ? 'workbooks' : 'workflows';
  const from = params.get('from');
  const initial = from ? (await get(`/v2/${kind}/${encodeURIComponent(from)}`)).definition : "version: '2.0'\n\n";
  const kindSelect = h('select', { name: 'kind' }, h('option', { value: 'workflows', selected: kind === 'workflows' }, 'Workflows'),
    h('option', { value: 'workbooks', selected: kind === 'workbooks' }, 'Workbook')) as HTMLSelectElement;
  const text = h('textarea', { class: 'editor', spellcheck: 'false', 'data-test': 'yaml', rows: 24 }) as HTMLTextAreaElement;
  text.value = initial;
  const gutter = h('div', { class: 'gutter' });
  const diagnostics = h('ul', { class: 'diagnostics', 'data-test': 'diagnostics' });
  const status = h('p', { class: 'status', role: 'status' });
  let errorLines = new Set<number>();
  const paintGutter = () => {
    const count = text.value.split('\n').length;
    gutter.replaceChildren(...Array.from({ length: count }, (_, i) => h('div', { class: errorLines.has(i + 1) ? 'error-line' : '' }, i + 1)));
  };
  text.addEventListener('input', paintGutter);
  text.addEventListener('scroll', () => { gutter.scrollTop = text.scrollTop; });
  const goTo = (line: number) => {
    const lines = text.value.split('\n');
    const start = lines.slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
    text.focus();
    text.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };
  const show = (errors: any[]) => {
    errorLines = new Set(errors.map((e) => e.line).filter((l) => l > 0));
    diagnostics.replaceChildren(...errors.map((e) => h('li', { 'data-line': e.line, onclick: () => goTo(e.line) },
      h('span', { class: 'mono' }, e.line > 0 ? `line ${e.line}${e.column ? `:${e.column}` : ''}` : 'document'), ' ', e.message)));
    paintGutter();
  };
  const validate = async () => {
    const result = await request('POST', `/v2/${kindSelect.value}/validate`, text.value, 'text/plain');
    show(result.valid ? [] : result.errors ?? [{ line: 0, message: result.error }]);
    return result.valid as boolean;
  };
  const save = async (method: 'POST' | 'PUT') => {
    status.textContent = '';
    if (!(await validate())) {
      status.textContent = 'Not saved: fix the problems listed below.';
      return;
    }
    try {
      const saved = await request(method, `/v2/${kindSelect.value}`, text.value, 'text/plain');
      const first = kindSelect.value === 'workflows' ? saved.workflows?.[0] : saved;
      status.textContent = 'Saved.';
      location.hash = kindSelect.value === 'workflows' ? `#/workflows/${first.id}` : `#/workbooks/${encodeURIComponent(first.name)}`;
    } catch (e) {
      status.textContent = e instanceof ApiError ? e.message : String(e);
    }
  };
  paintGutter();
  app.replaceChildren(h('h1', {}, from ? `Update ${from}` : 'Upload'),
    h('div', { class: 'toolbar' }, h('label', {}, 'Kind ', kindSelect),
      h('button', { type: 'button', onclick: () => void validate().then((ok) => { status.textContent = ok ? 'Valid.' : 'Invalid.'; }) }, 'Validate'),
      h('button', { type: 'button', class: 'primary', 'data-test': 'create', onclick: () => void save('POST') }, 'Create'),
      h('button', { type: 'button', 'data-test': 'update', onclick: () => openDialog('Update', [h('p', {}, 'Replace the stored definitions with this text?')], 'Update', () => save('PUT')) }, 'Update')),
    status, h('div', { class: 'editor-box' }, gutter, text), diagnostics);
}
