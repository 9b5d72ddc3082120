package io.hearken.insight.repository;

import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.Slice;
import io.hearken.insight.domain.TextCounts;
import io.hearken.insight.domain.TextRollupKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text counters (table {@code text_rollup}): added to in the transaction of the batch that analysed the texts
 * (see {@link RollupRepository}), read by origin, slice and date range.
 */
@ApplicationScoped
public class TextRollupRepository {

    /** One order for every batch's counters, so that two instances updating the same rows never deadlock. */
    static final Comparator<TextRollupKey> COUNTER_ORDER = Comparator
            .comparing(TextRollupKey::tenant).thenComparing(TextRollupKey::origin)
            .thenComparing(TextRollupKey::originId).thenComparing(TextRollupKey::sliced)
            .thenComparing(key -> key.grain().code()).thenComparing(TextRollupKey::bucket)
            .thenComparing(TextRollupKey::questionId)
            .thenComparing(key -> String.join("\u0000", key.dimensionValues()))
            .thenComparing(TextRollupKey::topic);

    private final Pool pool;

    public TextRollupRepository(Pool pool) {
        this.pool = pool;
    }

    /** A batch's counters, sorted; to be summed by {@link #add}. */
    static Map<TextRollupKey, TextCounts> newCounters() {
        return new TreeMap<>(COUNTER_ORDER);
    }

    /** Adds {@code counters} in {@code connection}'s transaction, in one statement. */
    static Uni<Void> add(SqlConnection connection, Map<TextRollupKey, TextCounts> counters) {
        if (counters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = counters.size();
        String[][] text = new String[11][size];
        Boolean[] sliced = new Boolean[size];
        LocalDate[] buckets = new LocalDate[size];
        Long[][] numbers = new Long[8][size];
        int i = 0;
        for (Map.Entry<TextRollupKey, TextCounts> counter : counters.entrySet()) {
            TextRollupKey key = counter.getKey();
            TextCounts counts = counter.getValue();
            text[0][i] = key.tenant();
            text[1][i] = key.origin();
            text[2][i] = key.originId();
            text[3][i] = key.grain().code();
            text[4][i] = key.questionId();
            for (int d = 0; d < 5; d++) {
                text[5 + d][i] = key.dimensionValues().get(d);
            }
            text[10][i] = key.topic();
            sliced[i] = key.sliced();
            buckets[i] = key.bucket();
            long[] values = {counts.texts(), counts.sentimentMilli(), counts.negative(), counts.neutral(),
                counts.positive(), counts.detractors(), counts.passives(), counts.promoters()};
            for (int n = 0; n < values.length; n++) {
                numbers[n][i] = values[n];
            }
            i++;
        }
        List<Object> columns = new ArrayList<>(List.of(text[0], text[1], text[2], sliced, text[3], buckets, text[4],
                text[5], text[6], text[7], text[8], text[9], text[10]));
        columns.addAll(List.of((Object[]) numbers));
        return connection.preparedQuery("""
                        insert into text_rollup (tenant, origin, origin_id, sliced, grain, bucket, question_id,
                            survey_version, channel, touchpoint, journey_stage, locale, topic, texts, sentiment_milli,
                            negative, neutral, positive, detractors, passives, promoters)
                        select * from unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[],
                            $6::date[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                            $13::text[], $14::bigint[], $15::bigint[], $16::bigint[], $17::bigint[], $18::bigint[],
                            $19::bigint[], $20::bigint[], $21::bigint[])
                        on conflict (tenant, origin, origin_id, sliced, grain, bucket, question_id, survey_version,
                            channel, touchpoint, journey_stage, locale, topic)
                        do update set texts = text_rollup.texts + excluded.texts,
                            sentiment_milli = text_rollup.sentiment_milli + excluded.sentiment_milli,
                            negative = text_rollup.negative + excluded.negative,
                            neutral = text_rollup.neutral + excluded.neutral,
                            positive = text_rollup.positive + excluded.positive,
                            detractors = text_rollup.detractors + excluded.detractors,
                            passives = text_rollup.passives + excluded.passives,
                            promoters = text_rollup.promoters + excluded.promoters""")
                .execute(Tuple.from(columns))
                .replaceWithVoid();
    }

    /**
     * The counts per topic (and {@link TextRollupKey#ALL_TEXTS}) of one origin's texts in {@code slice} over the
     * buckets tiling {@code spans}; {@code questionId} null reads every question. With {@code byJourney} they are
     * kept apart by touchpoint and journey stage (the journey's slice), else summed.
     */
    public Uni<List<TopicCount>> counts(String tenant, String origin, String originId, String questionId,
                                        Slice slice, List<DateRange.BucketSpan> spans, boolean byJourney) {
        // The journey's counters are all sliced (by touchpoint and stage); others are read sliced only when asked.
        List<Object> parameters = new ArrayList<>(List.of(tenant, origin, originId,
                byJourney || !slice.isEverything()));
        String journey = byJourney ? "touchpoint, journey_stage" : "'' as touchpoint, '' as journey_stage";
        StringBuilder sql = new StringBuilder("select " + journey + ", topic, sum(texts) as texts, "
                + "sum(sentiment_milli) as sentiment_milli, sum(negative) as negative, sum(neutral) as neutral, "
                + "sum(positive) as positive, sum(detractors) as detractors, sum(passives) as passives, "
                + "sum(promoters) as promoters from text_rollup "
                + "where tenant = $1 and origin = $2 and origin_id = $3 and sliced = $4");
        RollupRepository.appendSpans(sql, parameters, spans);
        if (questionId != null) {
            parameters.add(questionId);
            sql.append(" and question_id = $").append(parameters.size());
        }
        RollupRepository.appendSlice(sql, parameters, slice);
        sql.append(" group by ").append(byJourney ? "touchpoint, journey_stage, " : "").append("topic");
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(parameters)).map(rows -> {
            List<TopicCount> counts = new ArrayList<>();
            for (Row row : rows) {
                counts.add(new TopicCount(row.getString("touchpoint"), row.getString("journey_stage"),
                        row.getString("topic"), new TextCounts(row.getLong("texts"), row.getLong("sentiment_milli"),
                        row.getLong("negative"), row.getLong("neutral"), row.getLong("positive"),
                        row.getLong("detractors"), row.getLong("passives"), row.getLong("promoters"))));
            }
            return counts;
        });
    }

    /** The counts of one topic; touchpoint and stage are empty unless read by journey. */
    public record TopicCount(String touchpoint, String journeyStage, String topic, TextCounts counts) {
    }
}
