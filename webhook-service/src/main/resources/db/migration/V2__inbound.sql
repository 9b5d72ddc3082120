-- Inbound webhooks: a partner posts feedback signed per Standard Webhooks 1.0 to the path of a source registered in
-- a tenant (inbound_source); what was accepted is remembered by message id (inbound_message) so that a replay of a
-- captured request, or a partner's retry of a message already taken in, is answered without forwarding it again.

create table inbound_source (
    -- src_ and 128 random bits (26 base32 characters): the unguessable path partners post to
    id                    text primary key,
    tenant                text        not null,
    -- who registered it, "role:subject" (a partner sees only its own; an admin every one of its tenant)
    owner                 text        not null,
    -- the feedback source its messages are forwarded as (survey-service's source: trustpilot, zendesk, ...)
    name                  text        not null,
    description           text        not null default '',
    secret                text        not null,
    -- during a rotation the previous secret still verifies, until previous_secret_until
    previous_secret       text,
    previous_secret_until timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    -- two sources of one name would write into the same feedback source, each able to shadow the other's items
    constraint inbound_source_name unique (tenant, name)
);
create index inbound_source_tenant on inbound_source (tenant, created_at);

create table inbound_message (
    source_id   text        not null references inbound_source (id) on delete cascade,
    -- the webhook-id, recorded only once survey-service has taken the message in
    message_id  text        not null,
    feedback_id text,
    received_at timestamptz not null,
    primary key (source_id, message_id)
);
-- the sweep deletes what is older than the replay window
create index inbound_message_received on inbound_message (received_at);
