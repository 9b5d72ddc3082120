-- ./hearken bench insights: rollups worth ten million responses (survey bench-big: a year of days, 2 versions x 5
-- channels x 4 locales, about 685 responses a day in each combination) and a thousand (bench-small: 30 days, one
-- combination), in tenant bench-insights, written straight into the counters the consumer keeps: the query cost is
-- what is measured, and it must not depend on how many responses the counters hold. A second run replaces them.
delete from answer_rollup where tenant = 'bench-insights' and survey_id in ('bench-big', 'bench-small');
insert into survey (tenant, survey_id, name) values
    ('bench-insights', 'bench-big', 'Ten million responses'), ('bench-insights', 'bench-small', 'A thousand responses')
-- new counts behind a running insight-service's back: a new settled revision, so that no instance answers from sums it
-- kept of the old ones (insight-service/README.md, "Settled buckets")
on conflict (tenant, survey_id) do update set settled_revision = nextval('settled_revision');

create temporary table bench_question (question_id text, question_type text, scale_min int, scale_max int,
                                       value text, share numeric);
insert into bench_question
select 'nps', 'NPS', 0, 10, point::text, 1.0 / 11 from generate_series(0, 10) point
union all select 'csat', 'CSAT', 1, 5, point::text, 0.2 from generate_series(1, 5) point
union all select 'ces', 'CES', 1, 7, point::text, 1.0 / 7 from generate_series(1, 7) point
union all select 'why', 'MULTIPLE_CHOICE', 0, 0, option, case when option = '' then 1.0 else 0.3 end
          from unnest(array['', 'price', 'speed', 'staff', 'app', 'other']) option;

-- The sliced day counters; every other counter is their sum, as the consumer would have made it.
create temporary table bench_day as
select survey.survey_id, day::date as bucket, question.question_id, question.question_type, question.scale_min,
       question.scale_max, version, channel, locale, question.value,
       greatest(1, round(survey.per_day * question.share * (0.5 + random())))::bigint as answers
from (values ('bench-big', 685.0, 365, array['1', '2'], array['web', 'email', 'sms', 'app', 'kiosk'],
              array['en', 'ja', 'zh-Hans', 'zh-Hant']),
             ('bench-small', 33.0, 30, array['1'], array['web'], array['en'])) as survey(survey_id, per_day, days,
                                                                                       versions, channels, locales)
cross join lateral generate_series(current_date - survey.days + 1, current_date, interval '1 day') as day
cross join lateral unnest(survey.versions) as version
cross join lateral unnest(survey.channels) as channel
cross join lateral unnest(survey.locales) as locale
cross join bench_question as question;

-- Every counter per value first (sliced and not, days and months), then folded into the stored rows: a scale
-- question's points in one array, a choice question's options a row each.
create temporary table bench_value as
select survey_id, true as sliced, 'D' as grain, bucket, question_id, question_type, scale_min, scale_max, version,
       channel, 'checkout' as touchpoint, 'purchase' as journey_stage, locale, value, answers
from bench_day
union all
select survey_id, true, 'M', date_trunc('month', bucket)::date, question_id, question_type, scale_min, scale_max,
       version, channel, 'checkout', 'purchase', locale, value, sum(answers)
from bench_day
group by survey_id, date_trunc('month', bucket), question_id, question_type, scale_min, scale_max, version, channel,
         locale, value
union all
select survey_id, false, 'D', bucket, question_id, question_type, scale_min, scale_max, '*', '*', '*', '*', '*', value,
       sum(answers)
from bench_day
group by survey_id, bucket, question_id, question_type, scale_min, scale_max, value
union all
select survey_id, false, 'M', date_trunc('month', bucket)::date, question_id, question_type, scale_min, scale_max,
       '*', '*', '*', '*', '*', value, sum(answers)
from bench_day
group by survey_id, date_trunc('month', bucket), question_id, question_type, scale_min, scale_max, value;

insert into answer_rollup (tenant, survey_id, sliced, grain, bucket, question_id, question_type, scale_min,
                           scale_max, survey_version, channel, touchpoint, journey_stage, locale, value, answers)
select 'bench-insights', survey_id, sliced, grain, bucket, question_id, question_type, scale_min, scale_max, version,
       channel, touchpoint, journey_stage, locale, '', array_agg(answers order by value::int)
from bench_value
where question_type <> 'MULTIPLE_CHOICE'
group by survey_id, sliced, grain, bucket, question_id, question_type, scale_min, scale_max, version, channel,
         touchpoint, journey_stage, locale
union all
select 'bench-insights', survey_id, sliced, grain, bucket, question_id, question_type, scale_min, scale_max, version,
       channel, touchpoint, journey_stage, locale, value, array[answers]
from bench_value
where question_type = 'MULTIPLE_CHOICE';

analyze answer_rollup;

select survey_id, sum(c) as nps_answers
from answer_rollup, unnest(answers) as c
where tenant = 'bench-insights' and sliced = false and grain = 'M' and question_id = 'nps'
group by survey_id order by survey_id;
