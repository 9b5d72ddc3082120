-- Alerts and close-the-loop cases: the tenants' alert rules, the alerts they raised (one per rule and source event,
-- by id), the follow-up case each alert opened, its notes and its escalations. Enums are stored by name.

create table alert_rule (
    id          text primary key,
    tenant      text not null,
    name        text not null,
    type        text not null,
    -- AlertRuleParameters, one nullable column each: which ones a type reads is the domain's business
    threshold   double precision,
    keywords    text[],
    score       text,
    period      text,
    survey_id   text,
    priority    text not null,
    enabled     boolean not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create index alert_rule_by_tenant on alert_rule (tenant, created_at);

-- The id is Alert.idFor(rule id, source id): a redelivered event raises the same id, stored once.
-- No foreign key to alert_rule: an alert outlives the rule that raised it, and keeps its name and type.
create table alert (
    id                text primary key,
    tenant            text not null,
    rule_id           text not null,
    rule_name         text not null,
    rule_type         text not null,
    priority          text not null,
    source_id         text not null,
    response_id       text,
    survey_id         text,
    profile_id        text,
    customer_id       text,
    reason            text not null,
    evidence          text not null,
    -- the customer's answer that fired it (DETRACTOR, LOW_CSAT), for measuring recovery
    triggering_scale  text,
    triggering_score  integer,
    raised_at         timestamptz not null
);

create index alert_by_tenant on alert (tenant, raised_at desc, id);

create table follow_up_case (
    id                text primary key,
    alert_id          text not null unique references alert (id),
    tenant            text not null,
    profile_id        text,
    customer_id       text,
    priority          text not null,
    status            text not null,
    assignee          text,
    triggering_scale  text,
    triggering_score  integer,
    opened_at         timestamptz not null,
    due_at            timestamptz not null,
    assigned_at       timestamptz,
    resolved_at       timestamptz,
    outcome           text,
    root_cause        text,
    resolved_by       text,
    escalation_count  integer not null default 0,
    -- optimistic concurrency: every change is "update ... where version = the version read", a lost race changes
    -- nothing and is answered 409 (or, for the escalation sweep, skipped)
    version           integer not null default 0,
    updated_at        timestamptz not null
);

create index follow_up_case_by_tenant on follow_up_case (tenant, opened_at desc, id);
-- what the escalation sweep reads: unresolved cases by deadline
create index follow_up_case_unresolved_by_deadline on follow_up_case (due_at) where status <> 'RESOLVED';

create table case_note (
    case_id   text not null references follow_up_case (id),
    position  integer not null,
    author    text not null,
    at        timestamptz not null,
    text      text not null,
    primary key (case_id, position)
);

-- The missed deadline identifies the overdue period: one escalation per period, even with two sweeping instances.
create table case_escalation (
    case_id          text not null references follow_up_case (id),
    position         integer not null,
    at               timestamptz not null,
    from_priority    text not null,
    to_priority      text not null,
    missed_deadline  timestamptz not null,
    new_deadline     timestamptz not null,
    primary key (case_id, position),
    unique (case_id, missed_deadline)
);
