-- Customers erased (hearken.profile.erased.v1), once each: what insight-service consults before it keeps anything
-- about a customer (text analytics to come). No identities: nothing here needs them yet, and they are what was erased.
create table erasure (
    erasure_id text        primary key,
    tenant     text        not null,
    profile_id text        not null,
    erased_at  timestamptz not null,
    applied_at timestamptz not null default now()
);
