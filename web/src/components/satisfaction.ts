import { apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { button } from './button.ts';
import { radioGroup, setFieldError } from './form-field.ts';

// Page-level feedback (SPEC F3): "현재 페이지에서 제공하는 정보에 만족하십니까?" at the foot of every
// portal page, as on the seed's screens. The answer goes to POST /api/public/page-feedback.

export const FEEDBACK_PATH = '/public/page-feedback';

export const RATINGS = [
  { value: '5', label: '매우만족' },
  { value: '4', label: '만족' },
  { value: '3', label: '보통' },
  { value: '2', label: '불만' },
  { value: '1', label: '매우불만' },
] as const;

const QUESTION = '현재 페이지에서 제공하는 정보에 만족하십니까?';
const FIELD_ID = 'page-satisfaction-rating';

export function satisfaction(): SafeHtml {
  return html`<section class="app-satisfaction" aria-labelledby="page-satisfaction-title">
  <h2 class="sr-only" id="page-satisfaction-title">페이지 만족도 조사</h2>
  <form class="app-satisfaction-form" novalidate>
    ${radioGroup({ id: FIELD_ID, name: 'rating', label: QUESTION, options: RATINGS, value: '', inline: true })}
    <div class="app-satisfaction-actions">${button({ label: '의견 보내기', variant: 'secondary', size: 'small', type: 'submit' })}</div>
    <p class="app-satisfaction-result" role="status"></p>
  </form>
</section>`;
}

/** Wire the widget rendered by satisfaction() inside `root`; `pagePath` says which page was rated. */
export function bindSatisfaction(root: ParentNode, pagePath: () => string): void {
  const form = root.querySelector<HTMLFormElement>('.app-satisfaction-form');
  if (!form) return;
  const result = form.querySelector<HTMLElement>('.app-satisfaction-result')!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const rating = new FormData(form).get('rating');
    if (typeof rating !== 'string' || !rating) {
      setFieldError(form, FIELD_ID, '만족도를 하나 골라 주세요. 매우만족부터 매우불만까지 다섯 가지 중 하나입니다.');
      form.querySelector<HTMLInputElement>(`#${FIELD_ID}`)?.focus();
      return;
    }
    setFieldError(form, FIELD_ID, undefined);
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    submit.disabled = true;
    result.textContent = '보내는 중입니다…';
    const response = await apiPost<unknown>(FEEDBACK_PATH, { path: pagePath(), rating: Number(rating) });
    submit.disabled = false;
    if (response.ok) {
      form.reset();
      result.textContent = '의견을 보냈습니다. 더 나은 서비스를 위해 참고하겠습니다.';
    } else {
      result.textContent = `의견을 보내지 못했습니다. ${response.problem.message}`;
    }
  });
}
