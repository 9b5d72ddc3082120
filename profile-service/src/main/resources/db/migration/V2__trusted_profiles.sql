-- Issue 14: identities with trust, merges, traits, consent, segments, privacy, and an outbox for profile events.

-- A profile is VERIFIED (every identity came from a trusted source) or CLAIMED (only typed on a public form); the
-- two never mix, so a claimed identity can never reach a verified customer. A merged profile keeps its row as a
-- redirect to its survivor. The computed traits are kept current in the same transaction as each touchpoint.
alter table customer_profile
    add column trust            text        not null default 'CLAIMED',
    add column merged_into      uuid,
    add column response_count   integer     not null default 0,
    add column last_nps         integer,
    add column last_nps_at      timestamptz,
    add column csat_sum         numeric     not null default 0,
    add column csat_count       integer     not null default 0,
    add column last_contact_at  timestamptz,
    add column last_channel     text,
    add column churn_risk       numeric;
create index customer_profile_tenant_created on customer_profile (tenant, created_at, id);

-- Identities: where each came from and whether it is verified. A value is verified on at most one profile and
-- claimed on at most one (claimed) profile of a tenant.
alter table profile_identity
    add column source       text        not null default 'response-form',
    add column last_seen_at timestamptz;
update profile_identity set last_seen_at = created_at;
alter table profile_identity alter column last_seen_at set not null;
alter table profile_identity drop constraint profile_identity_unique;
alter table profile_identity add constraint profile_identity_unique unique (tenant, kind, value, verified);

-- Touchpoints: what the timeline filters by.
alter table touchpoint
    add column stage       text,
    add column touchpoint  text,
    add column sentiment   numeric,
    add column csat        numeric,
    add column detail      text;
drop index touchpoint_profile_time;
create index touchpoint_profile_time on touchpoint (profile_id, occurred_at desc, id desc);
create index touchpoint_profile_kind_time on touchpoint (profile_id, kind, occurred_at);

-- Profiles that may be the same customer but are not proven so (a claimed identity equal to a verified one).
create table profile_link (
    profile_id  uuid        not null,
    other_id    uuid        not null,
    tenant      text        not null,
    reason      text        not null,
    created_at  timestamptz not null,
    primary key (profile_id, other_id)
);

-- Traits the tenant defined, with their type; the built-in ones need no row.
create table trait_definition (
    tenant      text        not null,
    key         text        not null,
    type        text        not null,
    description text,
    created_at  timestamptz not null,
    primary key (tenant, key)
);

-- One value per profile and trait, typed by its definition; the latest write wins (merges too).
create table profile_trait (
    profile_id  uuid        not null references customer_profile (id) on delete cascade,
    key         text        not null,
    type        text        not null,
    text_value  text,
    num_value   numeric,
    bool_value  boolean,
    date_value  date,
    source      text        not null,
    updated_at  timestamptz not null,
    primary key (profile_id, key)
);
create index profile_trait_lookup on profile_trait (key, text_value);

-- Consent now per channel and purpose, and every decision that led to it.
create table profile_consent (
    profile_id  uuid        not null references customer_profile (id) on delete cascade,
    channel     text        not null,
    purpose     text        not null,
    status      text        not null,
    updated_at  timestamptz not null,
    primary key (profile_id, channel, purpose)
);
create table consent_history (
    id          uuid        primary key,
    profile_id  uuid        not null references customer_profile (id) on delete cascade,
    channel     text        not null,
    purpose     text        not null,
    status      text        not null,
    source      text        not null,
    actor       text,
    wording     text,
    recorded_at timestamptz not null
);
create index consent_history_profile on consent_history (profile_id, recorded_at);

-- The tenant's contact-frequency cap (absent: the service's default).
create table contact_policy (
    tenant        text        primary key,
    max_contacts  integer     not null,
    per_days      integer     not null,
    updated_at    timestamptz not null
);

-- Saved segments: a rule over traits and timeline facts, evaluated when asked.
create table segment (
    id          uuid        primary key,
    tenant      text        not null,
    name        text        not null,
    rule        text        not null,
    created_at  timestamptz not null,
    constraint segment_name_unique unique (tenant, name)
);

-- Every merge, for audit: who or what joined which profiles, and why.
create table profile_merge (
    id          uuid        primary key,
    tenant      text        not null,
    survivor_id uuid        not null,
    merged_id   uuid        not null,
    reason      text        not null,
    actor       text,
    merged_at   timestamptz not null
);
create index profile_merge_survivor on profile_merge (survivor_id);

-- Erasures and each service's receipt; erased identities kept only as hashes, so a late event of an erased
-- customer makes no new profile while nothing identifying is kept.
create table erasure (
    id            uuid        primary key,
    tenant        text        not null,
    profile_id    uuid        not null,
    requested_by  text,
    requested_at  timestamptz not null,
    items_erased  integer     not null
);
create unique index erasure_profile on erasure (tenant, profile_id);
create table erasure_receipt (
    erasure_id    uuid        not null references erasure (id),
    service       text        not null,
    items_erased  bigint      not null,
    completed_at  timestamptz not null,
    primary key (erasure_id, service)
);
create table erased_identity (
    tenant      text        not null,
    kind        text        not null,
    value_hash  text        not null,
    erased_at   timestamptz not null,
    primary key (tenant, kind, value_hash)
);

-- Profile events written in the same transaction as the change they announce; a relay appends them to Kafka.
create table outbox_event (
    id          uuid        primary key,
    seq         bigserial,
    topic       text        not null,
    event_key   text        not null,
    type        text        not null,
    subject     text        not null,
    tenant      text        not null,
    occurred_at timestamptz not null,
    data        text        not null
);
create index outbox_event_seq on outbox_event (seq);

-- Import lines already applied, so the same file imported again changes nothing.
create table import_line (
    tenant      text        not null,
    line_hash   text        not null,
    profile_id  uuid        not null,
    imported_at timestamptz not null,
    primary key (tenant, line_hash)
);
