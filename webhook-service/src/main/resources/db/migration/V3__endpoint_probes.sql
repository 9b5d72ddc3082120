-- An endpoint failing several attempts in a row is only probed, one attempt at a time and at growing intervals,
-- until one succeeds: a dead endpoint then costs one attempt per interval instead of one per message, and the
-- dispatcher's capacity goes to endpoints that answer. Its messages wait, due, and flow again after the first 2xx.
alter table subscription add column next_probe_at timestamptz;
