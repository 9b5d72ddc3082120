package io.hearken.survey.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

/**
 * How many responses each quota has taken (collection {@code quota_counts}). A response takes a place with one
 * conditional increment, so two respondents racing for the last place never both get it: the increment matches only
 * below the limit, and where it does not match, the upsert collides with the full counter's id.
 */
@ApplicationScoped
public class QuotaCounters {

    static final String COLLECTION = "quota_counts";
    private static final String COUNT = "count";

    private final ReactiveMongoCollection<Document> counters;

    public QuotaCounters(ReactiveMongoDatabase database) {
        this.counters = database.getCollection(COLLECTION);
    }

    /** Takes a place in the quota; false when it is full. */
    public Uni<Boolean> take(String surveyId, String quotaId, int limit) {
        return counters.updateOne(Filters.and(Filters.eq("_id", id(surveyId, quotaId)), Filters.lt(COUNT, limit)),
                        Updates.inc(COUNT, 1), new UpdateOptions().upsert(true))
                .replaceWith(true)
                .onFailure(failure -> failure instanceof MongoWriteException write
                        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY).recoverWithItem(false);
    }

    /** Gives back a place taken for a response that was not kept after all. */
    public Uni<Void> giveBack(String surveyId, String quotaId) {
        return counters.updateOne(Filters.eq("_id", id(surveyId, quotaId)), Updates.inc(COUNT, -1)).replaceWithVoid();
    }

    private static String id(String surveyId, String quotaId) {
        return surveyId + "/" + quotaId;
    }
}
