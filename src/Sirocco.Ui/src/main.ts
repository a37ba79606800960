import 'highlight.js/styles/github.css';
import './styles.css';
import { apiKey, get, handleUnauthorized, setApiKey } from './api';
import { openDialog } from './dialog';
import { h } from './dom';
import { executionPage } from './pages/execution';
import { executionsPage } from './pages/executions';
import { definitionPage, definitionsPage, uploadPage } from './pages/workflows';

const app = document.getElementById('app')!;
let leave: (() => void) | null = null;

/** Asks for the API key once; it is kept in this browser's local storage and sent as X-Auth-Token. */
function askKey(): Promise<void> {
  return new Promise((resolve) => {
    const input = h('input', { type: 'password', name: 'api-key', 'data-test': 'api-key', autocomplete: 'off', value: apiKey() ?? '' }) as HTMLInputElement;
    openDialog('API key', [h('p', {}, 'This server requires an API key.'), h('label', {}, 'Key ', input)], 'Save', async () => {
      setApiKey(input.value.trim() || null);
      resolve();
    });
  });
}

handleUnauthorized(askKey);
document.getElementById('key-button')!.addEventListener('click', () => void askKey().then(route));

async function route(): Promise<void> {
  leave?.();
  leave = null;
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll<HTMLAnchorElement>('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === (parts[0] ?? 'executions')));
  try {
    switch (parts[0] ?? 'executions') {
      case 'executions':
        if (parts[1]) leave = await executionPage(app, parts[1]);
        else await executionsPage(app, params);
        break;
      case 'task-parent': {
        const task = await get(`/v2/tasks/${parts[1]}`);
        location.replace(`#/executions/${task.workflow_execution_id}`);
        break;
      }
      case 'workflows':
      case 'workbooks':
        if (parts[1]) await definitionPage(app, parts[0], parts[1]);
        else await definitionsPage(app, parts[0]);
        break;
      case 'upload':
        await uploadPage(app, params);
        break;
      default:
        app.replaceChildren(h('p', {}, 'Not found.'));
    }
  } catch (e) {
    app.replaceChildren(h('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e)));
  }
}

window.addEventListener('hashchange', () => void route());
void route();
