import { get } from '../api';
import { h, parseTime, stateBadge } from '../dom';

const PageSize = 20;
const States = ['', 'RUNNING', 'PAUSED', 'SUCCESS', 'ERROR', 'CANCELLED', 'IDLE'];

/**
 * Executions, newest first, through GET /v2/executions with Mistral's filters (state, workflow_name,
 * created_at=gte:...) and marker paging. The filters live in the URL fragment so a filtered list can be linked.
 */
export async function executionsPage(app: HTMLElement, params: URLSearchParams): Promise<void> {
  const state = h('select', { name: 'state' }, ...States.map((s) => h('option', { value: s, selected: params.get('state') === s }, s || 'any state'))) as HTMLSelectElement;
  const workflow = h('input', { name: 'workflow', placeholder: 'workflow name', value: params.get('workflow') ?? '' }) as HTMLInputElement;
  const since = h('input', { name: 'since', type: 'datetime-local', value: params.get('since') ?? '' }) as HTMLInputElement;
  const apply = (marker?: string) => {
    const next = new URLSearchParams();
    if (state.value) next.set('state', state.value);
    if (workflow.value.trim()) next.set('workflow', workflow.value.trim());
    if (since.value) next.set('since', since.value);
    if (marker) next.set('marker', marker);
    location.hash = `#/executions?${next}`;
  };
  const form = h('form', { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); apply(); } },
    h('label', {}, 'State ', state), h('label', {}, 'Workflow ', workflow), h('label', {}, 'Created since ', since),
    h('button', { type: 'submit' }, 'Filter'));

  const query = new URLSearchParams({ limit: String(PageSize), sort_keys: 'created_at', sort_dirs: 'desc' });
  if (params.get('state')) query.set('state', params.get('state')!);
  if (params.get('workflow')) query.set('workflow_name', params.get('workflow')!);
  if (params.get('since')) query.set('created_at', `gte:${new Date(params.get('since')!).toISOString().slice(0, 19).replace('T', ' ')}`);
  if (params.get('marker')) query.set('marker', params.get('marker')!);
  const page = await get(`/v2/executions?${query}`);
  const rows = page.executions.map((e: any) => h('tr', { 'data-id': e.id },
    h('td', {}, h('a', { href: `#/executions/${e.id}` }, e.workflow_name)),
    h('td', {}, stateBadge(e.state)),
    h('td', {}, parseTime(e.created_at)?.toLocaleString() ?? ''),
    h('td', {}, parseTime(e.updated_at)?.toLocaleString() ?? ''),
    h('td', { class: 'mono muted' }, e.id)));
  const last = page.executions.at(-1);
  app.replaceChildren(
    h('h1', {}, 'Executions'), form,
    h('table', { class: 'list', 'data-test': 'executions' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Workflow'), h('th', {}, 'State'), h('th', {}, 'Created'), h('th', {}, 'Updated'), h('th', {}, 'Id'))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No executions.')))),
    h('div', { class: 'pager' },
      params.get('marker') ? h('button', { type: 'button', onclick: () => apply() }, '« First page') : '',
      page.next && last ? h('button', { type: 'button', 'data-test': 'next-page', onclick: () => apply(last.id) }, 'Next page »') : ''),
  );
}
