package io.hearken.survey.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * The authoritative record of which content an idempotency key was first used for (collection
 * {@code idempotency_claims}): claimed by a single-document insert on the response id before the event is appended,
 * so of two submissions racing with one key exactly one claims it, and the other is compared with what was claimed,
 * not with a projection that may not have caught up. Writes are journaled on a majority
 * ({@code quarkus.mongodb.write-concern.*}), so a claim outlives a crash of a real MongoD. The raw key is never stored, only the response id derived from
 * it and a fingerprint of the content.
 */
@ApplicationScoped
public class IdempotencyClaims {

    static final String COLLECTION = "idempotency_claims";
    private static final String TENANT = "tenant";
    private static final String FINGERPRINT = "fingerprint";
    private static final String SUBMITTED_AT = "submittedAt";
    private static final String PROVISIONAL = "provisional";

    private final ReactiveMongoCollection<Document> claims;

    public IdempotencyClaims(ReactiveMongoDatabase database) {
        this.claims = database.getCollection(COLLECTION);
    }

    /** Who first used a key: the content's fingerprint and the time of the first submission. */
    public record Claim(String fingerprint, Instant submittedAt, boolean first) {
    }

    /** Claims {@code id} for this content, or returns the claim made before by another submission. */
    public Uni<Claim> claim(String tenant, String id, String fingerprint, Instant submittedAt) {
        return claim(tenant, id, fingerprint, submittedAt, false);
    }

    /**
     * Claims {@code id} for this content; a {@code provisional} claim (saved progress) gives way to the next claim of
     * the same id with other content (more progress, or the complete response), which is then the first of its
     * content. A final claim never gives way: the content it holds is what a retry must repeat.
     */
    public Uni<Claim> claim(String tenant, String id, String fingerprint, Instant submittedAt, boolean provisional) {
        Document claim = new Document("_id", id)
                .append(TENANT, tenant)
                .append(FINGERPRINT, fingerprint)
                .append(SUBMITTED_AT, Date.from(submittedAt))
                .append(PROVISIONAL, provisional);
        return claims.insertOne(claim)
                .replaceWith(new Claim(fingerprint, submittedAt, true))
                .onFailure(IdempotencyClaims::isDuplicateKey).recoverWithUni(() -> existing(tenant, id)
                        .chain(earlier -> earlier.provisional() && !earlier.claim().fingerprint().equals(fingerprint)
                                ? replaceProvisional(tenant, id, earlier.claim().fingerprint(), claim)
                                : Uni.createFrom().item(earlier.claim())));
    }

    /** Gives a claim back (its submission was refused after all), so the key can be used again. */
    public Uni<Void> release(String tenant, String id) {
        return claims.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq(TENANT, tenant))).replaceWithVoid();
    }

    private Uni<Claim> replaceProvisional(String tenant, String id, String earlierFingerprint, Document claim) {
        return claims.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq(PROVISIONAL, true),
                        Filters.eq(FINGERPRINT, earlierFingerprint)), claim)
                .chain(result -> result.getModifiedCount() == 1
                        ? Uni.createFrom().item(new Claim(claim.getString(FINGERPRINT),
                        claim.getDate(SUBMITTED_AT).toInstant(), true))
                        // Another submission replaced it at the same moment: compare with what it claimed.
                        : existing(tenant, id).map(Stored::claim));
    }

    private record Stored(Claim claim, boolean provisional) {
    }

    private Uni<Stored> existing(String tenant, String id) {
        return claims.find(Filters.and(Filters.eq("_id", id), Filters.eq(TENANT, tenant))).collect().first()
                .map(document -> {
                    if (document == null) {
                        // The store lost the claim it refused a moment ago (it restarted): a 503, retry the same key.
                        throw new MongoException("claim " + id + " cannot be read back");
                    }
                    return new Stored(new Claim(document.getString(FINGERPRINT),
                            document.getDate(SUBMITTED_AT).toInstant(), false),
                            document.getBoolean(PROVISIONAL, false));
                });
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && ErrorCategory.fromErrorCode(write.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
