-- Events already applied, by consumer: the guard that makes every consumer exactly-once in effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Running NPS counts per survey; the score is derived from them on read.
create table survey_nps (
    tenant     text        not null,
    survey_id  text        not null,
    promoters  bigint      not null default 0,
    passives   bigint      not null default 0,
    detractors bigint      not null default 0,
    updated_at timestamptz not null default now(),
    primary key (tenant, survey_id)
);
