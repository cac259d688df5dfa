import {
  type PolicyDocument,
  type PolicySection,
  type PolicyVersion,
  policyTimeline,
} from '#functions/oversight/policy-rules';
import { today } from '#kernel/clock';
import { facts } from '../components/facts.ts';
import { dataTable } from '../components/table.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// The footer's policy pages (SPEC F4): the version in force today (the server's day), dated, with
// every earlier version still readable by ?version= and the list of what changed.

function section(s: PolicySection, index: number): SafeHtml {
  const id = `policy-section-${index + 1}`;
  return html`<section class="app-section" aria-labelledby="${id}">
  <h2 class="app-section-title" id="${id}">${s.heading}</h2>
  ${(s.paragraphs ?? []).map((p) => html`<p>${p}</p>`)}
  ${s.items?.length ? html`<ul class="app-bullets">${s.items.map((i) => html`<li>${i}</li>`)}</ul>` : ''}
  ${
    s.table
      ? dataTable<readonly string[]>({
          caption: s.table.caption,
          columns: s.table.headers.map((header, i) => ({ header, cell: (row) => row[i] ?? '-', rowHeader: i === 0 })),
          rows: s.table.rows,
        })
      : ''
  }
</section>`;
}

const versionHref = (doc: PolicyDocument, v: PolicyVersion) => `${doc.path}?version=${encodeURIComponent(v.version)}`;

export function policyPage(doc: PolicyDocument): (ctx: PageContext) => PageView {
  return (ctx) => {
    const day = today();
    const timeline = policyTimeline(doc, day);
    const asked = ctx.url.searchParams.get('version');
    const shown = doc.versions.find((v) => v.version === asked) ?? timeline.current;
    const isCurrent = shown === timeline.current;
    const upcoming = timeline.upcoming.includes(shown);
    const history = [...doc.versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
    return {
      title: doc.title,
      content: html`${facts([
        ['버전', html`<span id="policy-version">${shown.version}</span>`],
        ['시행일', html`<span id="policy-effective">${shown.effectiveFrom}</span>`],
      ])}
${
  isCurrent
    ? ''
    : html`<div class="app-notice app-notice-info" id="policy-other-version">
  <p class="app-notice-title">${upcoming ? `${shown.effectiveFrom}부터 적용될 버전입니다.` : '지금은 적용되지 않는 이전 버전입니다.'}</p>
  <p><a href="${doc.path}">지금 적용되는 ${doc.title} 보기 (버전 ${timeline.current.version})</a></p>
</div>`
}
${
  isCurrent && timeline.upcoming.length
    ? html`<div class="app-notice app-notice-info" id="policy-upcoming">
  <p class="app-notice-title">${timeline.upcoming.at(-1)!.effectiveFrom}부터 ${doc.title}이 바뀝니다.</p>
  <p><a href="${versionHref(doc, timeline.upcoming.at(-1)!)}">바뀔 내용 보기</a></p>
</div>`
    : ''
}
<div id="policy-body">${shown.sections.map(section)}</div>
<section class="app-section" aria-labelledby="policy-history-title">
  <h2 class="app-section-title" id="policy-history-title">변경 이력</h2>
  <ol class="app-bullets" id="policy-history">${history.map(
    (v) =>
      html`<li>${v === shown ? html`<strong>버전 ${v.version}</strong> (지금 보는 버전)` : html`<a href="${versionHref(doc, v)}">버전 ${v.version}</a>`} · 시행일 ${v.effectiveFrom} · ${v.changes}</li>`,
  )}</ol>
</section>`,
    };
  };
}
