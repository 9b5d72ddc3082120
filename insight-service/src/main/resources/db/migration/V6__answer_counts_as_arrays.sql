-- Answer counters as one row per question, bucket and slice holding the counts of every scale point (issue 15,
-- throughput and query cost): an NPS answer updates one row, not one of eleven, and a score reads one row per
-- bucket and slice combination. Choice questions keep a row per option (value = the option id, counts = {n}), and
-- '' counts respondents as before. The counters are rebuilt from the topic's first event by the consumer
-- insight-rollups (which replaces insight-scores), so the old rows and their guard, and the text counters the same
-- consumer keeps, start empty.
drop table answer_rollup;
delete from processed_event where consumer = 'insight-scores';
truncate text_rollup;

create table answer_rollup (
    tenant         text     not null,
    survey_id      text     not null,
    sliced         boolean  not null,
    grain          char(1)  not null,
    bucket         date     not null,
    question_id    text     not null,
    question_type  text     not null,
    scale_min      integer  not null,
    scale_max      integer  not null,
    survey_version text     not null,
    channel        text     not null,
    touchpoint     text     not null,
    journey_stage  text     not null,
    locale         text     not null,
    -- '' for a scale question (answers[i] counts scale_min + i - 1); an option id, or '' for respondents, for choices
    value          text     not null,
    answers        bigint[] not null,
    primary key (tenant, survey_id, sliced, grain, bucket, question_id, question_type, scale_min, scale_max,
                 survey_version, channel, touchpoint, journey_stage, locale, value)
);

-- Adds two count arrays element by element (a missing element counts 0): what an upsert does to a counter row.
create function add_counts(a bigint[], b bigint[]) returns bigint[]
    language sql immutable parallel safe
as $$
    select array_agg(coalesce(x, 0) + coalesce(y, 0) order by n) from unnest(a, b) with ordinality as t(x, y, n)
$$;
