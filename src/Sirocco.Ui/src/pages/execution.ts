import { get, put, subscribe } from '../api';
import { confirmAction, openDialog } from '../dialog';
import { formatDuration, h, parseTime, prettyJson, stateBadge } from '../dom';
import { colour, drawGraph, Graph } from '../graph';

interface Task { id: string; name: string; type: string; state: string; state_info: string | null; published: string; result?: string; runtime_context: string; created_at: string; started_at: string | null; finished_at: string | null }
interface Snapshot { execution: any; tasks: Task[] }

/** The execution page: header with operations, live task graph, timeline, and the selected task's details. */
export async function executionPage(app: HTMLElement, id: string): Promise<() => void> {
  const execution = await get(`/v2/executions/${id}`);
  const graph = await get<Graph>(`/ui/api/workflows/${encodeURIComponent(execution.workflow_id ?? execution.workflow_name)}/graph`);
  let snapshot: Snapshot = { execution, tasks: [] };
  let selected: string | null = null;

  const header = h('div', { class: 'execution-header' });
  const svgRoot = drawGraph(graph, (task) => {
    selected = task;
    renderDetails();
  });
  const timeline = h('div', { class: 'timeline', 'data-test': 'timeline' });
  const details = h('section', { class: 'details', 'data-test': 'task-details' }, h('p', { class: 'muted' }, 'Select a task in the graph.'));
  const live = h('span', { class: 'live muted' }, 'connecting…');
  app.replaceChildren(
    header,
    h('div', { class: 'execution-body' },
      h('section', { class: 'graph-panel' }, h('h2', {}, 'Tasks ', live), h('div', { class: 'graph-scroll' }, svgRoot), h('h2', {}, 'Timeline'), timeline),
      details),
  );

  const latest = () => {
    const byName = new Map<string, Task>();
    for (const t of [...snapshot.tasks].sort((a, b) => a.created_at.localeCompare(b.created_at))) byName.set(t.name, t);
    return byName;
  };

  const operate = (label: string, state: string) =>
    h('button', { type: 'button', 'data-test': `op-${label.toLowerCase()}`, onclick: () =>
      confirmAction(`${label} execution ${id}?`, async () => {
        await put(`/v2/executions/${id}`, { state });
      }) }, label);

  function renderHeader(): void {
    const e = snapshot.execution;
    const started = parseTime(e.created_at);
    const ended = ['SUCCESS', 'ERROR', 'CANCELLED'].includes(e.state) ? parseTime(e.updated_at) : new Date();
    const parent = e.task_execution_id
      ? h('a', { href: `#/task-parent/${e.task_execution_id}` }, 'parent execution')
      : null;
    header.replaceChildren(
      h('h1', {}, e.workflow_name, ' ', stateBadge(e.state)),
      h('p', { class: 'muted' }, `Execution ${e.id}`, started ? ` · started ${started.toLocaleString()}` : '',
        started && ended ? ` · ${formatDuration(ended.getTime() - started.getTime())}` : '', parent ? ' · ' : '', parent),
      e.state_info ? h('pre', { class: 'state-info', 'data-test': 'execution-state-info' }, e.state_info) : '',
      h('div', { class: 'toolbar' }, operate('Pause', 'PAUSED'), operate('Resume', 'RUNNING'), operate('Cancel', 'CANCELLED')),
      h('details', {}, h('summary', {}, 'Input and output'),
        h('div', { class: 'kv' }, h('h3', {}, 'Input'), h('pre', {}, prettyJson(e.input)), h('h3', {}, 'Output'), h('pre', { 'data-test': 'execution-output' }, prettyJson(e.output ?? '')))),
    );
  }

  function renderTimeline(): void {
    const tasks = [...snapshot.tasks].filter((t) => t.started_at || t.created_at).sort((a, b) => a.created_at.localeCompare(b.created_at));
    if (tasks.length === 0) {
      timeline.replaceChildren(h('p', { class: 'muted' }, 'No task has started yet.'));
      return;
    }
    const now = Date.now();
    const begin = Math.min(...tasks.map((t) => parseTime(t.started_at ?? t.created_at)!.getTime()));
    const end = Math.max(...tasks.map((t) => parseTime(t.finished_at)?.getTime() ?? now), begin + 1);
    const span = end - begin;
    timeline.replaceChildren(...tasks.map((t) => {
      const start = parseTime(t.started_at ?? t.created_at)!.getTime();
      const stop = parseTime(t.finished_at)?.getTime() ?? now;
      const left = ((start - begin) / span) * 100;
      const width = Math.max(0.8, ((stop - start) / span) * 100);
      return h('div', { class: 'row' },
        h('span', { class: 'name' }, t.name),
        h('span', { class: 'track' }, h('span', { class: `bar state-${t.state.toLowerCase()}`, style: `left:${left}%;width:${width}%`, title: `${t.state} ${formatDuration(stop - start)}` })),
        h('span', { class: 'duration' }, formatDuration(stop - start)));
    }));
  }

  async function renderDetails(): Promise<void> {
    if (!selected) return;
    const name = selected;
    const task = latest().get(name);
    if (!task) {
      details.replaceChildren(h('h2', {}, name), h('p', { class: 'muted' }, 'Not started.'));
      return;
    }
    const full = await get(`/v2/tasks/${task.id}`);
    if (selected !== name) return;
    const parts: Node[] = [h('h2', {}, name, ' ', stateBadge(full.state))];
    let input: unknown = inputOf(full);
    if (full.state === 'ERROR') {
      parts.push(h('div', { class: 'toolbar' }, h('button', { type: 'button', 'data-test': 'rerun', onclick: () =>
        confirmAction(`Rerun task ${name}?`, async () => {
          await put(`/v2/tasks/${task.id}`, { state: 'RUNNING', reset: true });
        }) }, 'Rerun')));
    }
    if (full.type === 'WORKFLOW') {
      const subs = await get(`/v2/tasks/${task.id}/executions`);
      parts.push(h('p', {}, 'Sub-workflow: ', ...subs.executions.map((s: any) =>
        h('a', { href: `#/executions/${s.id}`, 'data-test': 'sub-execution' }, `${s.workflow_name} (${s.state}) `))));
    } else {
      const actions = await get(`/v2/tasks/${task.id}/action_executions`);
      for (const action of actions.action_executions) {
        input = action.input ?? input;
        if (action.state === 'RUNNING') {
          parts.push(h('div', { class: 'pending' }, h('span', {}, `Action ${action.name} is waiting for its result. `),
            h('button', { type: 'button', class: 'primary', 'data-test': 'complete-action', onclick: () => completeDialog(action) }, 'Complete by hand…')));
        }
      }
    }
    const section = (title: string, value: unknown, test: string) => [h('h3', {}, title), h('pre', { 'data-test': test }, prettyJson(value) || '—')];
    parts.push(...section('State info', full.state_info, 'task-state-info'), ...section('Input', input, 'task-input'),
      ...section('Published', full.published, 'task-published'), ...section('Result', full.result, 'task-result'));
    details.replaceChildren(...parts);
  }

  function completeDialog(action: any): void {
    const state = h('select', { name: 'state', 'data-test': 'complete-state' }, h('option', { value: 'SUCCESS' }, 'SUCCESS'), h('option', { value: 'ERROR' }, 'ERROR')) as HTMLSelectElement;
    const output = h('textarea', { name: 'output', rows: 6, 'data-test': 'complete-output' }, '{}') as HTMLTextAreaElement;
    openDialog(`Complete ${action.name} (${action.id})`, [
      h('label', {}, 'State ', state), h('label', {}, 'Output (JSON, or text for an error)', output)], 'Complete', async () => {
      let value: unknown = output.value;
      try {
        value = JSON.parse(output.value);
      } catch {
        if (state.value === 'SUCCESS') throw new Error('The output must be JSON.');
      }
      await put(`/v2/action_executions/${action.id}`, { state: state.value, output: JSON.stringify(value) });
    });
  }

  function apply(next: Snapshot): void {
    snapshot = next;
    colour(svgRoot, new Map([...latest()].map(([name, t]) => [name, t.state])));
    svgRoot.setAttribute('data-execution-state', next.execution.state);
    renderHeader();
    renderTimeline();
    void renderDetails();
  }

  apply({ execution, tasks: (await get(`/v2/executions/${id}/tasks`)).tasks });
  const stop = subscribe(`/ui/api/executions/${id}/events`, (event, data) => {
    live.textContent = '● live';
    if (event === 'snapshot') apply(JSON.parse(data));
  }, (e) => {
    live.textContent = `stream lost: ${e instanceof Error ? e.message : e}`;
  });
  return stop;
}

function inputOf(task: any): unknown {
  try {
    const context = JSON.parse(task.runtime_context ?? '{}');
    return context.input ?? context.with_items ?? null;
  } catch {
    return null;
  }
}
