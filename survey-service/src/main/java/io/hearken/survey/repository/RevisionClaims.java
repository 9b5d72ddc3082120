package io.hearken.survey.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Who makes each revision of a survey (collection {@code survey_revisions}): a command claims the revision it is
 * about to write with a single-document insert before appending it, so of two designers changing the same survey
 * at once one wins and the other is told to reload, instead of both being acknowledged and one silently lost.
 *
 * <p>A claim whose append never completed (the broker was away) would block the survey for good, so a claim older
 * than {@code staleAfter} (longer than any append may take: the producer gives up before that) may be taken over.
 */
@ApplicationScoped
public class RevisionClaims {

    static final String COLLECTION = "survey_revisions";
    private static final String CLAIMED_AT = "claimedAt";

    private final ReactiveMongoCollection<Document> claims;

    public RevisionClaims(ReactiveMongoDatabase database) {
        this.claims = database.getCollection(COLLECTION);
    }

    /** Whether this caller may write {@code revision} of the survey. */
    public Uni<Boolean> claim(String surveyId, long revision, Instant now, Duration staleAfter) {
        String id = surveyId + ":" + revision;
        return claims.insertOne(new Document("_id", id).append(CLAIMED_AT, Date.from(now)))
                .replaceWith(true)
                .onFailure(RevisionClaims::isDuplicateKey).recoverWithUni(() -> claims.replaceOne(
                                Filters.and(Filters.eq("_id", id),
                                        Filters.lt(CLAIMED_AT, Date.from(now.minus(staleAfter)))),
                                new Document(CLAIMED_AT, Date.from(now)))
                        .map(result -> result.getModifiedCount() == 1));
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && ErrorCategory.fromErrorCode(write.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
