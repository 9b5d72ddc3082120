-- insight-service's conclusions about customers: the churn risk trait's band, reasons and when it was assessed (the
-- score is churn_risk, kept since V2), and the guard that applies each insight event once.
alter table customer_profile
    add column churn_risk_band        text,
    -- [{"factor": "DETRACTOR", "text": "detractor on 2026-11-20 (NPS 3)", "points": 35}, ...]
    add column churn_risk_reasons     jsonb,
    add column churn_risk_assessed_at timestamptz;

-- Events already applied, by consumer; for consumers whose effect is not a row with the event's id already.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
