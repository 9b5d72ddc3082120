-- ./hearken bench profiles: :profiles verified customers in tenant bench-profiles, each known by a CRM id
-- (B-<n>) and an email (b<n>@bench.example), loaded set-based (ids derived from n, so loading again adds nothing).
insert into customer_profile (id, tenant, trust, created_at, updated_at)
select md5('bench-' || n)::uuid, 'bench-profiles', 'VERIFIED', now(), now()
from generate_series(1, :profiles) n
on conflict (id) do nothing;
insert into profile_identity (id, profile_id, tenant, kind, value, verified, source, created_at, last_seen_at)
select md5('bench-crm-' || n)::uuid, md5('bench-' || n)::uuid, 'bench-profiles', 'customer_id', 'B-' || n, true,
       'import', now(), now()
from generate_series(1, :profiles) n
on conflict do nothing;
insert into profile_identity (id, profile_id, tenant, kind, value, verified, source, created_at, last_seen_at)
select md5('bench-email-' || n)::uuid, md5('bench-' || n)::uuid, 'bench-profiles', 'email', 'b' || n || '@bench.example',
       true, 'import', now(), now()
from generate_series(1, :profiles) n
on conflict do nothing;
analyze customer_profile;
analyze profile_identity;
