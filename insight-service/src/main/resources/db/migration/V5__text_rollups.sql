-- Text counters (issue 15): free-text answers and feedback as analysed (sentiment, topics), kept like the answer
-- counters: per origin (a survey's answers, feedback, the tenant's journey), question, grain (D, M), bucket (the
-- tenant's local date), slice (sliced = false: every dimension '*') and topic ('' for every text: the denominator of
-- topic shares). Sentiment is summed in thousandths, an integer, so a replay in other batches sums exactly the same.
create table text_rollup (
    tenant         text    not null,
    origin         text    not null,
    origin_id      text    not null,
    sliced         boolean not null,
    grain          char(1) not null,
    bucket         date    not null,
    question_id    text    not null,
    survey_version text    not null,
    channel        text    not null,
    touchpoint     text    not null,
    journey_stage  text    not null,
    locale         text    not null,
    topic          text    not null,
    texts          bigint  not null,
    sentiment_milli bigint not null,
    negative       bigint  not null,
    neutral        bigint  not null,
    positive       bigint  not null,
    detractors     bigint  not null,
    passives       bigint  not null,
    promoters      bigint  not null,
    primary key (tenant, origin, origin_id, sliced, grain, bucket, question_id, survey_version, channel, touchpoint,
                 journey_stage, locale, topic)
);
