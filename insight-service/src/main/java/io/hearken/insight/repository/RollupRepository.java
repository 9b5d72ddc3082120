package io.hearken.insight.repository;

import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Dimension;
import io.hearken.insight.domain.FeedbackFacts;
import io.hearken.insight.domain.Question;
import io.hearken.insight.domain.ResponseFacts;
import io.hearken.insight.domain.ResponseRollups;
import io.hearken.insight.domain.RollupKey;
import io.hearken.insight.domain.SegmentAnswers;
import io.hearken.insight.domain.SettledBuckets;
import io.hearken.insight.domain.Slice;
import io.hearken.insight.domain.TextCounts;
import io.hearken.insight.domain.TextRollupKey;
import io.hearken.insight.domain.TextRollups;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The answer counters (table {@code answer_rollup}) and the surveys they belong to (table {@code survey}), updated
 * exactly once per response event and read by slice and date range.
 */
@ApplicationScoped
public class RollupRepository {

    /** The rollups' dimension columns, in {@link Dimension} order. */
    static final List<String> DIMENSION_COLUMNS = List.of("survey_version", "channel", "touchpoint",
            "journey_stage", "locale");
    /** One order for every batch's counters, so that two instances updating the same rows never deadlock. */
    private static final Comparator<RollupKey> COUNTER_ORDER = Comparator
            .comparing(RollupKey::tenant).thenComparing(RollupKey::surveyId)
            .thenComparing(RollupKey::sliced).thenComparing(RollupKey::segment)
            .thenComparing(key -> key.grain().code())
            .thenComparing(RollupKey::bucket).thenComparing(key -> key.question().questionId())
            .thenComparing(key -> key.question().type()).thenComparing(key -> key.question().scaleMin())
            .thenComparing(key -> key.question().scaleMax())
            .thenComparing(key -> String.join("\u0000", key.dimensionValues()))
            .thenComparing(RollupKey::value);

    /** The value of a scale question's row: its points are the positions in the row's array. */
    private static final String SCALE_ROW = "";
    private final Pool pool;
    private final SegmentJoinRepository segmentJoin;
    private final SettledCounts settledCounts;

    public RollupRepository(Pool pool, SegmentJoinRepository segmentJoin, SettledCounts settledCounts) {
        this.pool = pool;
        this.segmentJoin = segmentJoin;
        this.settledCounts = settledCounts;
    }

    /**
     * Counts the answers of the responses not seen before by {@code consumer}, in one transaction with the record
     * that they were seen: a redelivered event (after a crash, a rebalance, a retried submission) counts nothing. An
     * identified response also joins its attribution to segments ({@link SegmentJoinRepository}), or waits for it.
     *
     * @param zones each tenant's time zone, whose local dates the buckets are
     * @return how many responses were new
     */
    public Uni<Integer> countNewResponses(String consumer, List<ResponseFacts> responses,
                                         Function<String, ZoneId> zones) {
        if (responses.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(connection -> newOnly(connection, consumer, responses, ResponseFacts::responseId)
                .chain(fresh -> {
                    Map<TextRollupKey, TextCounts> textCounters = TextRollupRepository.newCounters();
                    fresh.forEach(response -> TextRollups.countersOf(response, zones.apply(response.tenant()))
                            .forEach((key, counts) -> textCounters.merge(key, counts, TextCounts::plus)));
                    List<RollupKey> counters = new ArrayList<>();
                    List<SegmentJoinRepository.ResponseHalf> identified = new ArrayList<>();
                    for (ResponseFacts response : fresh) {
                        ZoneId zone = zones.apply(response.tenant());
                        counters.addAll(ResponseRollups.countersOf(response, zone));
                        if (response.identified()) {
                            identified.add(new SegmentJoinRepository.ResponseHalf(response.tenant(),
                                    response.responseId(), SegmentAnswers.of(response, zone)));
                        }
                    }
                    return rememberSurveys(connection, fresh)
                            .chain(() -> segmentJoin.joinResponses(connection, identified))
                            .chain(bySegment -> {
                                counters.addAll(bySegment);
                                return addCounters(connection, counters);
                            })
                            .chain(() -> TextRollupRepository.add(connection, textCounters))
                            .replaceWith(fresh.size());
                }));
    }

    /**
     * Counts the texts of the feedback not seen before by {@code consumer}, in one transaction with the record that
     * it was seen, as {@link #countNewResponses} does for responses.
     */
    public Uni<Integer> countNewFeedback(String consumer, List<FeedbackFacts> feedback,
                                         Function<String, ZoneId> zones) {
        if (feedback.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(connection -> newOnly(connection, consumer, feedback, FeedbackFacts::feedbackId)
                .chain(fresh -> {
                    Map<TextRollupKey, TextCounts> textCounters = TextRollupRepository.newCounters();
                    fresh.forEach(item -> TextRollups.countersOf(item, zones.apply(item.tenant()))
                            .forEach((key, counts) -> textCounters.merge(key, counts, TextCounts::plus)));
                    return TextRollupRepository.add(connection, textCounters).replaceWith(fresh.size());
                }));
    }

    /**
     * The items whose ids {@code consumer} has not applied before, recorded as applied now (table
     * {@code processed_event}): the guard that makes a redelivered event count nothing. An id repeated inside one
     * batch is new only the first time.
     */
    private static <T> Uni<List<T>> newOnly(SqlConnection connection, String consumer, List<T> items,
                                            Function<T, String> id) {
        String[] ids = items.stream().map(id).toArray(String[]::new);
        return connection.preparedQuery("""
                        insert into processed_event (consumer, event_id)
                        select $1, unnest($2::text[])
                        on conflict do nothing
                        returning event_id""")
                .execute(Tuple.of(consumer, ids))
                .map(inserted -> {
                    Set<String> fresh = new HashSet<>();
                    inserted.forEach(row -> fresh.add(row.getString("event_id")));
                    List<T> result = new ArrayList<>();
                    for (T item : items) {
                        if (fresh.remove(id.apply(item))) {
                            result.add(item);
                        }
                    }
                    return result;
                });
    }

    private static Uni<Void> rememberSurveys(SqlConnection connection, List<ResponseFacts> responses) {
        Map<String, String[]> surveys = new TreeMap<>();
        responses.forEach(response -> surveys.putIfAbsent(response.tenant() + "\u0000" + response.surveyId(),
                new String[] {response.tenant(), response.surveyId()}));
        if (surveys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        insert into survey (tenant, survey_id)
                        select * from unnest($1::text[], $2::text[])
                        on conflict do nothing""")
                .execute(Tuple.of(surveys.values().stream().map(key -> key[0]).toArray(String[]::new),
                        surveys.values().stream().map(key -> key[1]).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /**
     * Adds one to each counter, summed per row and upserted in one statement in a fixed order; a counter in a bucket
     * that may be settled gives its survey a new settled revision in the same transaction ({@link SettledBuckets}).
     */
    static Uni<Void> addCounters(SqlConnection connection, List<RollupKey> counters) {
        return upsertCounters(connection, counters).chain(() -> unsettle(connection, counters));
    }

    /** A new settled revision for each survey that {@code counters} add to a bucket readers may keep. */
    private static Uni<Void> unsettle(SqlConnection connection, List<RollupKey> counters) {
        LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
        // Sorted, like the counters: two instances updating the same survey rows take their locks in one order.
        Set<List<String>> surveys = new TreeSet<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)));
        for (RollupKey key : counters) {
            if (SettledBuckets.writeUnsettles(key.grain(), key.bucket(), utcToday)) {
                surveys.add(List.of(key.tenant(), key.surveyId()));
            }
        }
        if (surveys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        update survey set settled_revision = nextval('settled_revision')
                        from unnest($1::text[], $2::text[]) as late(tenant, survey_id)
                        where survey.tenant = late.tenant and survey.survey_id = late.survey_id""")
                .execute(Tuple.of(surveys.stream().map(key -> key.get(0)).toArray(String[]::new),
                        surveys.stream().map(key -> key.get(1)).toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static Uni<Void> upsertCounters(SqlConnection connection, List<RollupKey> counters) {
        // A scale question's points share one row (value '', answers[i] counting scaleMin + i); a choice question
        // keeps a row per option and one for its respondents, each a one-element array.
        Map<RollupKey, long[]> rows = new TreeMap<>(COUNTER_ORDER);
        for (RollupKey key : counters) {
            Question question = key.question();
            if (question.isScale()) {
                long[] counts = rows.computeIfAbsent(key.withValue(SCALE_ROW),
                        row -> new long[question.scaleMax() - question.scaleMin() + 1]);
                counts[Integer.parseInt(key.value()) - question.scaleMin()]++;
            } else {
                rows.computeIfAbsent(key, row -> new long[1])[0]++;
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = rows.size();
        String[] tenants = new String[size];
        String[] surveys = new String[size];
        Boolean[] sliced = new Boolean[size];
        String[] segments = new String[size];
        String[] grains = new String[size];
        LocalDate[] buckets = new LocalDate[size];
        String[] questions = new String[size];
        String[] types = new String[size];
        Integer[] mins = new Integer[size];
        Integer[] maxes = new Integer[size];
        String[][] dimensions = new String[DIMENSION_COLUMNS.size()][size];
        String[] values = new String[size];
        String[] answers = new String[size];
        int i = 0;
        for (Map.Entry<RollupKey, long[]> row : rows.entrySet()) {
            RollupKey key = row.getKey();
            tenants[i] = key.tenant();
            surveys[i] = key.surveyId();
            sliced[i] = key.sliced();
            segments[i] = key.segment();
            grains[i] = key.grain().code();
            buckets[i] = key.bucket();
            questions[i] = key.question().questionId();
            types[i] = key.question().type();
            mins[i] = key.question().scaleMin();
            maxes[i] = key.question().scaleMax();
            for (int d = 0; d < DIMENSION_COLUMNS.size(); d++) {
                dimensions[d][i] = key.dimensionValues().get(d);
            }
            values[i] = key.value();
            answers[i] = arrayLiteral(row.getValue());
            i++;
        }
        Tuple columns = Tuple.tuple(List.of(tenants, surveys, sliced, grains, buckets, questions, types, mins, maxes,
                dimensions[0], dimensions[1], dimensions[2], dimensions[3], dimensions[4], values, answers, segments));
        return connection.preparedQuery("""
                        insert into answer_rollup (tenant, survey_id, sliced, grain, bucket, question_id,
                            question_type, scale_min, scale_max, survey_version, channel, touchpoint, journey_stage,
                            locale, value, answers, segment)
                        select t, s, sl, g, b, q, ty, mi, ma, v1, v2, v3, v4, v5, va, a::bigint[], sg
                        from unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::date[], $6::text[],
                            $7::text[], $8::int[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[],
                            $14::text[], $15::text[], $16::text[], $17::text[])
                            as row(t, s, sl, g, b, q, ty, mi, ma, v1, v2, v3, v4, v5, va, a, sg)
                        on conflict (tenant, survey_id, sliced, segment, grain, bucket, question_id, question_type,
                            scale_min, scale_max, survey_version, channel, touchpoint, journey_stage, locale, value)
                        do update set answers = add_counts(answer_rollup.answers, excluded.answers)""")
                .execute(columns)
                .replaceWithVoid();
    }

    /** PostgreSQL's text form of an array of counts: {@code {0,3,1}}. */
    private static String arrayLiteral(long[] counts) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < counts.length; i++) {
            literal.append(i == 0 ? "" : ",").append(counts[i]);
        }
        return literal.append('}').toString();
    }

    /** Records a survey's name from its definition; the survey may already be known from its responses. */
    public Uni<Void> rememberSurvey(String tenant, String surveyId, String name) {
        return pool.preparedQuery("""
                        insert into survey (tenant, survey_id, name) values ($1, $2, $3)
                        on conflict (tenant, survey_id) do update set name = coalesce(excluded.name, survey.name)""")
                .execute(Tuple.of(tenant, surveyId, name))
                .replaceWithVoid();
    }

    public Uni<Boolean> surveyExists(String tenant, String surveyId) {
        return settledRevision(tenant, surveyId).map(Optional::isPresent);
    }

    /**
     * The answers per value of every question of a survey in {@code slice} over the buckets that tile {@code spans}
     * (see {@link DateRange#buckets()}), summed as {@code grouping} says: by the first day of each bucket or of each
     * ISO week (a trend, which groups them into its periods), or over all of them (a score; bucket null).
     * {@code questionId} null reads every question.
     */
    public Uni<List<BucketCount>> counts(String tenant, String surveyId, String questionId, Slice slice,
                                         List<DateRange.BucketSpan> spans, Grouping grouping) {
        if (spans.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Object> parameters = new ArrayList<>(List.of(tenant, surveyId, !slice.isEverything(), slice.segment()));
        String bucket = switch (grouping) {
            case TOTAL -> "null::date";
            case BUCKET -> "bucket";
            case WEEK -> "date_trunc('week', bucket)::date";
        };
        StringBuilder sql = new StringBuilder("select " + bucket + " as bucket, question_id, question_type, "
                + "scale_min, scale_max, value, n, sum(c) as answers "
                + "from answer_rollup, unnest(answers) with ordinality as counts(c, n) "
                + "where tenant = $1 and survey_id = $2 and sliced = $3 and segment = $4");
        appendSpans(sql, parameters, spans);
        if (questionId != null) {
            parameters.add(questionId);
            sql.append(" and question_id = $").append(parameters.size());
        }
        appendSlice(sql, parameters, slice);
        sql.append(" group by ").append(grouping == Grouping.TOTAL ? "" : "1, ")
                .append("question_id, question_type, scale_min, scale_max, value, n");
        return query(pool, sql.toString(), parameters);
    }

    /**
     * The same counts as {@link #counts(String, String, String, Slice, List, Grouping)}, with what the settled
     * buckets sum to taken from {@link SettledCounts} when it was read under {@code settledRevision} (the survey's, as
     * {@link #settledRevision} gave it before this call): only the last days are read from the database. A bucket
     * may then appear twice (a week or a total split at the settled edge); callers sum counts of the same bucket.
     */
    public Uni<List<BucketCount>> counts(String tenant, String surveyId, String questionId, Slice slice,
                                         List<DateRange.BucketSpan> spans, Grouping grouping, long settledRevision) {
        SettledBuckets.Split split = SettledBuckets.split(spans, LocalDate.now(ZoneOffset.UTC));
        if (!settledCounts.enabled() || split.settled().isEmpty()) {
            return counts(tenant, surveyId, questionId, slice, spans, grouping);
        }
        SettledCounts.Key key = new SettledCounts.Key(tenant, surveyId, questionId, slice, split.settled(),
                grouping);
        List<BucketCount> kept = settledCounts.get(key, settledRevision);
        Uni<List<BucketCount>> settled = kept != null ? Uni.createFrom().item(kept)
                : counts(tenant, surveyId, questionId, slice, split.settled(), grouping)
                        .invoke(read -> settledCounts.put(key, settledRevision, read));
        return Uni.combine().all()
                .unis(settled, counts(tenant, surveyId, questionId, slice, split.open(), grouping))
                .with((old, recent) -> {
                    List<BucketCount> all = new ArrayList<>(old.size() + recent.size());
                    all.addAll(old);
                    all.addAll(recent);
                    return all;
                });
    }

    /**
     * The survey's settled revision (see {@link SettledBuckets}), empty when the tenant has no such survey. Read it
     * before the counts it is to guard: a revision read after them could be newer than what they saw.
     */
    public Uni<Optional<Long>> settledRevision(String tenant, String surveyId) {
        return pool.preparedQuery("select settled_revision from survey where tenant = $1 and survey_id = $2")
                .execute(Tuple.of(tenant, surveyId))
                .map(rows -> rows.size() == 0 ? Optional.<Long>empty()
                        : Optional.of(rows.iterator().next().getLong("settled_revision")));
    }

    /**
     * The answers per value of every question of a survey (or of one, {@code questionId}) over the buckets that tile
     * {@code spans}, summed per value of {@code by}: the rows of each response's own combination of dimensions,
     * grouped by one column; or, {@code by} empty, the rows of each of profile-service's segments.
     */
    public Uni<List<SlicedCount>> countsBy(String tenant, String surveyId, String questionId, Optional<Dimension> by,
                                           List<DateRange.BucketSpan> spans) {
        List<Object> parameters = new ArrayList<>(List.of(tenant, surveyId, Slice.ALL));
        // A response counts once among the sliced rows of segment '*', and once per segment among the unsliced rows
        // of that segment: either way a sum grouped by one column is each value's answers.
        String column = by.map(dimension -> DIMENSION_COLUMNS.get(dimension.ordinal())).orElse("segment");
        StringBuilder sql = new StringBuilder("select " + column + " as slice_value, question_id, question_type, "
                + "scale_min, scale_max, value, n, sum(c) as answers "
                + "from answer_rollup, unnest(answers) with ordinality as counts(c, n) "
                + "where tenant = $1 and survey_id = $2 and "
                + (by.isPresent() ? "sliced = true and segment = $3" : "sliced = false and segment <> $3"));
        appendSpans(sql, parameters, spans);
        if (questionId != null) {
            parameters.add(questionId);
            sql.append(" and question_id = $").append(parameters.size());
        }
        sql.append(" group by 1, question_id, question_type, scale_min, scale_max, value, n");
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(parameters)).map(rows -> {
            List<SlicedCount> counts = new ArrayList<>();
            for (Row row : rows) {
                Question question = new Question(row.getString("question_id"), row.getString("question_type"),
                        row.getInteger("scale_min"), row.getInteger("scale_max"));
                counts.add(new SlicedCount(row.getString("slice_value"), question, valueOf(question, row),
                        row.getLong("answers")));
            }
            return counts;
        });
    }

    /** Answers of {@code value} to {@code question} with {@code slice} as the value of the dimension broken down. */
    public record SlicedCount(String slice, Question question, String value, long answers) {
    }

    /**
     * The journey's answers ({@link ResponseRollups#JOURNEY}: every survey's NPS, CSAT and CES answers by touchpoint
     * and journey stage) per touchpoint, stage, score type and value, summed over the buckets tiling {@code spans}.
     */
    public Uni<List<JourneyCount>> journeyCounts(String tenant, List<DateRange.BucketSpan> spans) {
        List<Object> parameters = new ArrayList<>(List.of(tenant, ResponseRollups.JOURNEY, Slice.ALL));
        StringBuilder sql = new StringBuilder("select touchpoint, journey_stage, question_type, scale_min, "
                + "scale_max, value, n, sum(c) as answers "
                + "from answer_rollup, unnest(answers) with ordinality as counts(c, n) "
                + "where tenant = $1 and survey_id = $2 and sliced = true and segment = $3");
        appendSpans(sql, parameters, spans);
        sql.append(" group by touchpoint, journey_stage, question_type, scale_min, scale_max, value, n");
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(parameters)).map(rows -> {
            List<JourneyCount> counts = new ArrayList<>();
            for (Row row : rows) {
                Question question = new Question(ResponseRollups.JOURNEY, row.getString("question_type"),
                        row.getInteger("scale_min"), row.getInteger("scale_max"));
                counts.add(new JourneyCount(row.getString("touchpoint"), row.getString("journey_stage"), question,
                        valueOf(question, row), row.getLong("answers")));
            }
            return counts;
        });
    }

    /** Answers of {@code value} to the journey's {@code question} at one touchpoint and stage. */
    public record JourneyCount(String touchpoint, String journeyStage, Question question, String value,
                               long answers) {
    }

    /** Adds the condition "in one of these bucket spans" (one index range scan each) to {@code sql}. */
    static void appendSpans(StringBuilder sql, List<Object> parameters, List<DateRange.BucketSpan> spans) {
        sql.append(" and (");
        for (int s = 0; s < spans.size(); s++) {
            DateRange.BucketSpan span = spans.get(s);
            parameters.add(span.grain().code());
            parameters.add(span.first());
            parameters.add(span.last());
            int at = parameters.size();
            sql.append(s == 0 ? "" : " or ")
                    .append("(grain = $").append(at - 2).append(" and bucket between $").append(at - 1)
                    .append(" and $").append(at).append(')');
        }
        sql.append(')');
    }

    /** Adds the condition "in this slice" (each fixed dimension's column equal to its value) to {@code sql}. */
    static void appendSlice(StringBuilder sql, List<Object> parameters, Slice slice) {
        for (Dimension dimension : Dimension.values()) {
            String value = slice.valueOf(dimension);
            if (value != null) {
                parameters.add(value);
                sql.append(" and ").append(DIMENSION_COLUMNS.get(dimension.ordinal())).append(" = $")
                        .append(parameters.size());
            }
        }
    }

    private static Uni<List<BucketCount>> query(SqlClient client, String sql, List<Object> parameters) {
        return client.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            List<BucketCount> counts = new ArrayList<>();
            for (Row row : rows) {
                Question question = new Question(row.getString("question_id"), row.getString("question_type"),
                        row.getInteger("scale_min"), row.getInteger("scale_max"));
                counts.add(new BucketCount(row.getLocalDate("bucket"), question, valueOf(question, row),
                        row.getLong("answers")));
            }
            return counts;
        });
    }

    /** The value a count is of: a scale row's position is a point of its scale; a choice row's value is its own. */
    private static String valueOf(Question question, Row row) {
        return question.isScale() ? Integer.toString(question.scaleMin() + row.getInteger("n") - 1)
                : row.getString("value");
    }

    /** How counts are summed over time: in total, per bucket, or per ISO week (Monday) of day buckets. */
    public enum Grouping {
        TOTAL, BUCKET, WEEK
    }

    /** Answers of {@code value} to {@code question} in the bucket starting {@code bucket}. */
    public record BucketCount(LocalDate bucket, Question question, String value, long answers) {
    }
}
