import { html, type SafeHtml } from '../core/html.ts';

// KRDS modal (.krds-modal, shown with KRDS's `shown in` classes) and its behaviour, which KRDS's
// script would give but this app does not load: the page behind is made inert, focus moves into the
// dialog and stays there (Tab wraps), Escape runs the dialog's cancel action, and focus goes back to
// where it was when the dialog closes.

export interface ModalOptions {
  id: string;
  title: string;
  /** the dialog's message; its id is `${id}-desc` (aria-describedby) */
  body: SafeHtml;
  /** buttons, last one primary; each is a data-action the caller handles */
  buttons: { label: string; action: string; variant: 'primary' | 'secondary' | 'tertiary' }[];
  /** alertdialog: an urgent question the user must answer (WCAG 2.2.1 time-out warning) */
  role?: 'dialog' | 'alertdialog';
}

export function modal(options: ModalOptions): SafeHtml {
  const { id, title, body, buttons, role = 'dialog' } = options;
  return html`<section id="${id}" class="krds-modal shown in app-modal" role="${role}" aria-modal="true" aria-labelledby="${id}-title" aria-describedby="${id}-desc">
  <div class="modal-dialog modal-sm">
    <div class="modal-content">
      <div class="modal-header"><h2 id="${id}-title" class="modal-title">${title}</h2></div>
      <div class="modal-conts"><div class="conts-area" id="${id}-desc">${body}</div></div>
      <div class="modal-btn btn-wrap">
        ${buttons.map((b) => html`<button type="button" class="krds-btn medium ${b.variant}" data-action="${b.action}">${b.label}</button>`)}
      </div>
    </div>
  </div>
  <div class="modal-back in"></div>
</section>`;
}

export interface OpenModal {
  element: HTMLElement;
  close(): void;
}

/**
 * Put the modal into the document and run it. `onAction` receives the data-action of the button
 * pressed; `onCancel` runs on Escape. The caller closes the modal (from either callback).
 */
export function openModal(
  options: ModalOptions & {
    /** the part of the page behind the dialog, made inert while it is open */
    background: HTMLElement;
    /** the button that takes focus when the dialog opens */
    initialAction: string;
    onAction(action: string): void;
    onCancel(): void;
  },
): OpenModal {
  const holder = document.createElement('div');
  holder.innerHTML = modal(options).value;
  const element = holder.firstElementChild as HTMLElement;
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  document.body.append(element);
  options.background.inert = true;
  document.body.classList.add('app-modal-open');

  const focusables = () => [...element.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')];
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      options.onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables();
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !element.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !element.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };
  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (button?.dataset.action) options.onAction(button.dataset.action);
  };
  // keydown on the document: focus can only be inside the dialog, but a click on the dim area
  // could leave it on <body>, and Escape must still work then
  document.addEventListener('keydown', onKey, true);
  element.addEventListener('click', onClick);
  element.querySelector<HTMLElement>(`[data-action="${options.initialAction}"]`)?.focus();

  let closed = false;
  return {
    element,
    close() {
      if (closed) return;
      closed = true;
      document.removeEventListener('keydown', onKey, true);
      element.remove();
      options.background.inert = false;
      document.body.classList.remove('app-modal-open');
      if (previous?.isConnected) previous.focus();
    },
  };
}
