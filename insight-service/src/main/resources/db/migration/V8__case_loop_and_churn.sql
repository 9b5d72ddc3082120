-- Closing the loop: the respondent's identities on alerts (to say whom a case resolution is about), the outbox of
-- events to announce, recovery measured per resolved case, and each customer's recent churn signals.

-- As the triggering response named them; erased with the customer id (ErasureRepository).
alter table alert
    add column respondent_email     text,
    add column respondent_phone     text,
    add column respondent_verified  boolean not null default false;

-- Events committed with the change they announce and appended by the relay (OutboxRelay), then deleted: an event
-- survives a crash between the commit and the append. customer_key lets an erasure drop a pending event about the
-- customer (it would otherwise be appended with their identities after the erasure).
create table outbox_event (
    position      bigserial   primary key,
    id            text        not null unique,
    topic         text        not null,
    record_key    text        not null,
    type          text        not null,
    subject       text,
    tenant        text        not null,
    time          timestamptz not null,
    data          jsonb       not null,
    customer_key  text,
    created_at    timestamptz not null default now()
);

-- The first answer a customer gave after their case was resolved, on the scale of the triggering answer, and what
-- the domain made of it (FollowUpCase.recovery). One row per case: the next answer, not the latest.
create table case_recovery (
    case_id       text        primary key references follow_up_case (id),
    tenant        text        not null,
    recovery      text        not null,
    answer_scale  text        not null,
    answer_score  integer     not null,
    answered_at   timestamptz not null,
    response_id   text        not null,
    measured_at   timestamptz not null
);

-- A customer's recent signals for ChurnRiskModel, keyed by tenant and customer key (the customer id, else the
-- normalised email), and the last assessment announced. Unresolved cases are counted when assessing, not kept.
create table churn_signals (
    tenant              text        not null,
    customer_key        text        not null,
    customer_id         text,
    email               text,
    phone               text,
    verified            boolean     not null default false,
    previous_nps        integer,
    previous_nps_at     timestamptz,
    latest_nps          integer,
    latest_nps_at       timestamptz,
    latest_sentiment    double precision,
    latest_sentiment_at timestamptz,
    risk_score          integer,
    risk_band           text,
    assessed_at         timestamptz,
    updated_at          timestamptz not null,
    primary key (tenant, customer_key)
);

-- what recovery and churn look up: a customer's cases
create index follow_up_case_by_customer on follow_up_case (tenant, customer_id);
create index alert_by_respondent_email on alert (tenant, respondent_email);
