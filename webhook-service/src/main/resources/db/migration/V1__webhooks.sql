-- Outbound webhooks: who listens (subscription), what was said (message: one per event, signed as stored), and the
-- durable schedule of saying it to each listener (delivery), with every try kept (attempt). A process killed
-- mid-schedule loses nothing: a claimed delivery whose lease runs out is claimed again, under the same message id.

create table subscription (
    id                    uuid primary key,
    tenant                text        not null,
    -- who created it, "role:subject" (a partner sees only its own; an admin every one of its tenant)
    owner                 text        not null,
    url                   text        not null,
    description           text        not null default '',
    event_types           text[]      not null,
    -- active, or disabled: by its owner (disabled_reason 'manual'), or by us ('gone' after a 410, 'failing')
    status                text        not null,
    disabled_reason       text,
    disabled_at           timestamptz,
    secret                text        not null,
    -- during a rotation both secrets sign, until previous_secret_until
    previous_secret       text,
    previous_secret_until timestamptz,
    consecutive_failures  integer     not null default 0,
    failing_since         timestamptz,
    last_success_at       timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index subscription_tenant on subscription (tenant, created_at);

create table message (
    -- the webhook-id: msg_ and a name-based UUID of the event, the same however often the event is read
    id          text primary key,
    tenant      text        not null,
    event_type  text        not null,
    event_id    text        not null,
    -- the exact bytes signed and sent
    payload     text        not null,
    created_at  timestamptz not null
);
create index message_tenant_created on message (tenant, created_at);

create table delivery (
    subscription_id uuid        not null references subscription (id) on delete cascade,
    message_id      text        not null references message (id) on delete cascade,
    tenant          text        not null,
    -- pending (waiting or being tried), succeeded, dead (the schedule ran out)
    state           text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    -- set while one instance is trying it; a lease that ran out means that instance died
    lease_until     timestamptz,
    last_status     integer,
    last_error      text,
    -- a test send is tried once and never counts toward disabling the endpoint
    test            boolean     not null default false,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (subscription_id, message_id)
);
create index delivery_due on delivery (next_attempt_at) where state = 'pending';
create index delivery_subscription_created on delivery (subscription_id, created_at);

create table attempt (
    id               bigserial primary key,
    subscription_id  uuid        not null references subscription (id) on delete cascade,
    message_id       text        not null,
    attempt          integer     not null,
    started_at       timestamptz not null,
    latency_ms       integer     not null,
    -- the HTTP status, or null when no answer came (error says why: timeout, refused address, connection)
    status           integer,
    error            text,
    response_excerpt text
);
create index attempt_subscription on attempt (subscription_id, id desc);
create index attempt_message on attempt (subscription_id, message_id, id);
