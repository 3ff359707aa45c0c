import { useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { OrgBody, OrganisationView, Posting, User } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { fieldError, FormError, formValues, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { setPostingAction } from "../../organisation/data.ts";
import { formatDate, pick, todayLocal } from "../../organisation/labels.ts";
import { CancelButton } from "../../organisation/ui.tsx";

// The seats of a body to be publicly posted (挂牌公示): whether each is, since
// when, where; and the form that records (or withdraws) a posting.

function PostingForm(props: { nodeId: string; posting: Posting; onDone: () => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const submit = useAction(setPostingAction);
  const submission = useSubmission(setPostingAction, (input) => input[1] === props.posting.positionId);
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    submit(props.nodeId, props.posting.positionId, { postedOn: v.postedOn || null, ...(v.evidence ? { evidence: v.evidence } : {}) })
      .then(() => {
        submission.clear();
        props.onDone();
      })
      .catch(() => revealProblem(form));
  };
  return (
    <form class="form panel" onSubmit={onSubmit} aria-label={`${t("gaps.postings")} ${pick(props.posting.title, locale())}`}>
      <FormError error={submission.error} paths={["body.postedOn", "body.evidence"]} />
      <TextField label={t("gaps.postedOn")} hint={t("gaps.postedOnHint")} name="postedOn" type="date" max={todayLocal()} value={props.posting.postedOn ?? todayLocal()} optional error={fieldError(submission.error, "body.postedOn")} />
      <TextField label={t("gaps.postingWhere")} name="evidence" value={props.posting.evidence ?? ""} optional error={fieldError(submission.error, "body.evidence")} />
      <div class="actions">
        <SubmitButton pending={submission.pending ?? false}>{t("standards.save")}</SubmitButton>
        <CancelButton onClick={() => { submission.clear(); props.onCancel(); }} />
      </div>
    </form>
  );
}

function PostingRow(props: { me: User; org: OrganisationView; posting: Posting }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal(false);
  return (
    <li class="check-item" data-testid="posting" classList={{ met: Boolean(props.posting.postedOn) }}>
      <div class="user-summary">
        <div class="user-main">
          <div class="user-name">
            <span class="check-mark" aria-hidden="true">{props.posting.postedOn ? "✓" : "○"}</span>
            {pick(props.posting.title, locale())}
          </div>
          <div class="user-meta">
            {props.posting.postedOn ? t("gaps.posted", { date: formatDate(props.posting.postedOn, locale()) }) : t("gaps.notPosted")}
            <Show when={props.posting.evidence}> · {props.posting.evidence}</Show>
            <Show when={props.posting.sourceRef}>{(ref) => <> · {t("compliance.clause", { clause: ref() })}</>}</Show>
          </div>
        </div>
        <Show when={can(props.me.role, "org.manage") && props.org.node.status === "active" && !editing()}>
          <div class="user-actions">
            <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>{t("standards.record")}</button>
          </div>
        </Show>
      </div>
      <Show when={editing()}>
        <PostingForm nodeId={props.org.node.nodeId} posting={props.posting} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </Show>
    </li>
  );
}

/** Nothing when the body has no seat to post. */
export function Postings(props: { me: User; org: OrganisationView; body: OrgBody }) {
  const { t } = useI18n();
  return (
    <Show when={props.body.postings?.length}>
      <h4 class="subhead">{t("gaps.postings")}</h4>
      <ul class="check-list">
        <For each={props.body.postings}>{(posting) => <PostingRow me={props.me} org={props.org} posting={posting} />}</For>
      </ul>
    </Show>
  );
}
