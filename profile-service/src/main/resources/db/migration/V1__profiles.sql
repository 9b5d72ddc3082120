-- One profile per customer and tenant, whatever the channel they reached us on.
create table customer_profile (
    id         uuid        primary key,
    tenant     text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index customer_profile_tenant on customer_profile (tenant);

-- The identities a profile is known by (email, phone, customer id); each belongs to one profile per tenant.
create table profile_identity (
    id          uuid        primary key,
    profile_id  uuid        not null references customer_profile (id),
    tenant      text        not null,
    kind        text        not null,
    value       text        not null,
    verified    boolean     not null default false,
    created_at  timestamptz not null,
    constraint profile_identity_unique unique (tenant, kind, value)
);
create index profile_identity_profile on profile_identity (profile_id);

-- The journey timeline: one row per touchpoint, unique per source event so a redelivered event adds nothing.
create table touchpoint (
    id              uuid        primary key,
    profile_id      uuid        not null references customer_profile (id),
    tenant          text        not null,
    kind            text        not null,
    source_event_id text        not null,
    channel         text,
    survey_id       text,
    response_id     text,
    score           integer,
    comment         text,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null,
    constraint touchpoint_source_unique unique (tenant, source_event_id)
);
create index touchpoint_profile_time on touchpoint (profile_id, occurred_at);
