import { h } from './dom';

/**
 * One modal for confirmations and small forms. `action` runs on OK; when it throws (the API refused), the
 * error is shown in the dialog and it stays open, so the operator sees why.
 */
export function openDialog(title: string, body: Node[], okLabel: string, action: () => Promise<void>): void {
  const dialog = document.getElementById('dialog') as HTMLDialogElement;
  const error = h('p', { class: 'error', role: 'alert' });
  const ok = h('button', { type: 'button', class: 'primary', 'data-test': 'dialog-ok' }, okLabel) as HTMLButtonElement;
  const cancel = h('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => dialog.close());
  ok.addEventListener('click', async () => {
    ok.disabled = true;
    error.textContent = '';
    try {
      await action();
      dialog.close();
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      ok.disabled = false;
    }
  });
  dialog.replaceChildren(h('h2', {}, title), ...body, error, h('div', { class: 'buttons' }, cancel, ok));
  dialog.showModal();
}

export function confirmAction(question: string, action: () => Promise<void>): void {
  openDialog('Please confirm', [h('p', {}, question)], 'Yes', action);
}
