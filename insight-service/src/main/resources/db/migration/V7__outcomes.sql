-- Business outcomes by NPS group (issue 15): purchases (and how many were repeat purchases), renewals and
-- cancellations that partners put on customers' timelines, counted per day and month (grain D, M; the tenant's local
-- date), by the NPS group of the customer's last answer before the outcome ('none' without one) and journey stage.
create table outcome_rollup (
    tenant           text    not null,
    grain            char(1) not null,
    bucket           date    not null,
    nps_group        text    not null,
    journey_stage    text    not null,
    purchases        bigint  not null,
    repeat_purchases bigint  not null,
    renewals         bigint  not null,
    cancellations    bigint  not null,
    primary key (tenant, grain, bucket, nps_group, journey_stage)
);

-- How many purchases each profile made so far: whether the next one is a repeat purchase. By profile id only
-- (pseudonymous); deleted when the customer is erased, moved to the survivor when profiles merge.
create table customer_purchases (
    tenant     text   not null,
    profile_id text   not null,
    purchases  bigint not null,
    primary key (tenant, profile_id)
);
