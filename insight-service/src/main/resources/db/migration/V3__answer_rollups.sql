-- Answer counters per survey, question, time bucket and slice (issue 15), replacing the NPS counts per survey: every
-- score, its margin and its distribution follow from them. Kept by the consumer insight-scores, which starts from the
-- first event of hearken.responses, so the counts of the old consumer (insight-nps) are left behind with their table.
drop table survey_nps;
delete from processed_event where consumer = 'insight-nps';

-- One counter: answers of `value` (a scale point, an option id, '' for a choice question's respondents) in one
-- bucket (grain D: a day, M: a month, by the tenant's local date) of all responses (sliced = false, dimensions '*')
-- or of one combination of version, channel, touchpoint, journey stage and locale ('' where a response had none).
create table answer_rollup (
    tenant         text    not null,
    survey_id      text    not null,
    sliced         boolean not null,
    grain          char(1) not null,
    bucket         date    not null,
    question_id    text    not null,
    question_type  text    not null,
    scale_min      integer not null,
    scale_max      integer not null,
    survey_version text    not null,
    channel        text    not null,
    touchpoint     text    not null,
    journey_stage  text    not null,
    locale         text    not null,
    value          text    not null,
    answers        bigint  not null,
    primary key (tenant, survey_id, sliced, grain, bucket, question_id, question_type, scale_min, scale_max,
                 survey_version, channel, touchpoint, journey_stage, locale, value)
);

-- The surveys a tenant has, from hearken.surveys and from the responses themselves (a response may be read before
-- its survey's record): a score of a survey not here, or of another tenant's, is 404, never zeros.
create table survey (
    tenant     text        not null,
    survey_id  text        not null,
    name       text,
    first_seen timestamptz not null default now(),
    primary key (tenant, survey_id)
);
