-- What a survey's settled buckets sum to may be kept by every insight-service instance while the survey's settled
-- revision stays the same (domain.SettledBuckets, repository.SettledCounts); a write that adds to a bucket which ended
-- days ago (a late event, a rebuild) takes a new revision in its transaction. Revisions come from a sequence that no
-- truncation of the tables restarts, so a survey row dropped and made again never repeats a revision an instance
-- still holds counts under.
create sequence settled_revision;
alter table survey add column settled_revision bigint not null default nextval('settled_revision');
