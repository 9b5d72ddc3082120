-- Scores and outcomes by profile-service's saved segments (issue 15). Every existing counter is the segment '*' (all
-- customers, identified or not), so a query without a segment reads exactly what it read before; a segment's rows
-- count only the responses and outcomes profile-service attributed to a customer who was in it at the time.
alter table answer_rollup add column segment text not null default '*';
alter table answer_rollup drop constraint answer_rollup_pkey;
alter table answer_rollup add primary key (tenant, survey_id, sliced, segment, grain, bucket, question_id,
    question_type, scale_min, scale_max, survey_version, channel, touchpoint, journey_stage, locale, value);

alter table outcome_rollup add column segment text not null default '*';
alter table outcome_rollup drop constraint outcome_rollup_pkey;
alter table outcome_rollup add primary key (tenant, segment, grain, bucket, nps_group, journey_stage);

-- The join of a response (hearken.responses) with its attribution to a customer and their segments
-- (hearken.response.attributed.v1 on hearken.profiles): two topics read by two consumers at their own pace, so either
-- may come first. Whichever arrives first waits here (answers: what the response counts, as JSON; segments: the
-- attribution's segment ids, possibly none); the second completes the row, adds the response's answers to the rows of
-- each segment and deletes it. Identified responses only: anonymous ones are never attributed. Holds no identity.
create table segment_join (
    tenant      text        not null,
    response_id text        not null,
    answers     jsonb,
    segments    text[],
    waiting_since timestamptz not null default now(),
    primary key (tenant, response_id)
);
