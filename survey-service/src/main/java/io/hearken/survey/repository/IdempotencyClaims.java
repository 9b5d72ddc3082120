package io.hearken.survey.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The authoritative record of which content an idempotency key was first used for (collection
 * {@code idempotency_claims}): claimed by inserting a document keyed by the response id before the event is
 * appended, so of two submissions racing with one key exactly one claims it, and the other is compared with what was
 * claimed, not with a projection that may not have caught up. Writes are journaled on a majority
 * ({@code quarkus.mongodb.write-concern.*}), so a claim outlives a crash of a real MongoDB. The raw key is never
 * stored, only the response id derived from it and a fingerprint of the content.
 *
 * <p>Claims are written like a group commit: while one {@code insertMany} is in flight, the claims that arrive queue
 * up and go in the next one, so a single submission waits for one insert and a thousand concurrent ones share a few.
 * Two claims of one key in the same batch are told apart by the duplicate-key error of the second.
 */
@ApplicationScoped
public class IdempotencyClaims {

    static final String COLLECTION = "idempotency_claims";
    private static final String TENANT = "tenant";
    private static final String FINGERPRINT = "fingerprint";
    private static final String SUBMITTED_AT = "submittedAt";
    private static final int MAX_BATCH = 500;

    private final ReactiveMongoCollection<Document> claims;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public IdempotencyClaims(ReactiveMongoClient client,
                             @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.claims = client.getDatabase(database).getCollection(COLLECTION);
    }

    /** Who first used a key: the content's fingerprint and the time of the first submission. */
    public record Claim(String fingerprint, Instant submittedAt, boolean first) {
    }

    /** Claims {@code responseId} for this content, or returns the claim made before by another submission. */
    public Uni<Claim> claim(String tenant, String responseId, String fingerprint, Instant submittedAt) {
        return Uni.createFrom().emitter(emitter -> {
            waiting.add(new Pending(new Document("_id", responseId)
                    .append(TENANT, tenant)
                    .append(FINGERPRINT, fingerprint)
                    .append(SUBMITTED_AT, Date.from(submittedAt)), emitter));
            writeWaiting();
        });
    }

    /** Starts a batch unless one is in flight; the one in flight starts the next when it ends. */
    private void writeWaiting() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending next = waiting.poll(); next != null; next = batch.size() < MAX_BATCH ? waiting.poll() : null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            if (!waiting.isEmpty()) {
                writeWaiting();
            }
            return;
        }
        write(batch).subscribe().with(done -> nextBatch(), failure -> nextBatch());
    }

    private void nextBatch() {
        writing.set(false);
        if (!waiting.isEmpty()) {
            writeWaiting();
        }
    }

    private Uni<Void> write(List<Pending> batch) {
        List<Document> documents = batch.stream().map(Pending::document).toList();
        return claims.insertMany(documents, new InsertManyOptions().ordered(false))
                .invoke(() -> batch.forEach(pending -> pending.emitter().complete(pending.asFirst())))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> settleFailed(batch, failure));
    }

    /** Some or all inserts failed: a duplicate key is a claim made before (read it); anything else fails the claim. */
    private Uni<Void> settleFailed(List<Pending> batch, Throwable failure) {
        if (!(failure instanceof MongoBulkWriteException bulk)) {
            batch.forEach(pending -> pending.emitter().fail(failure));
            return Uni.createFrom().voidItem();
        }
        Map<Integer, BulkWriteError> errors = new HashMap<>();
        bulk.getWriteErrors().forEach(error -> errors.put(error.getIndex(), error));
        List<Pending> claimedBefore = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            BulkWriteError error = errors.get(i);
            if (error == null) {
                pending.emitter().complete(pending.asFirst());
            } else if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                claimedBefore.add(pending);
            } else {
                pending.emitter().fail(failure);
            }
        }
        if (claimedBefore.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<Object> ids = new HashSet<>();
        claimedBefore.forEach(pending -> ids.add(pending.document().get("_id")));
        return claims.find(Filters.in("_id", ids)).collect().asList()
                .invoke(found -> {
                    Map<Object, Document> byId = new HashMap<>();
                    found.forEach(document -> byId.put(document.get("_id"), document));
                    for (Pending pending : claimedBefore) {
                        Document existing = byId.get(pending.document().get("_id"));
                        if (existing == null || !pending.document().getString(TENANT)
                                .equals(existing.getString(TENANT))) {
                            pending.emitter().fail(new IllegalStateException("claim "
                                    + pending.document().get("_id") + " cannot be read back"));
                        } else {
                            pending.emitter().complete(new Claim(existing.getString(FINGERPRINT),
                                    existing.getDate(SUBMITTED_AT).toInstant(), false));
                        }
                    }
                })
                .onFailure().invoke(readFailure -> claimedBefore.forEach(pending -> pending.emitter().fail(readFailure)))
                .replaceWithVoid();
    }

    /** A claim waiting for its batch, and the submission waiting for its answer. */
    private record Pending(Document document, UniEmitter<? super Claim> emitter) {
        Claim asFirst() {
            return new Claim(document.getString(FINGERPRINT), document.getDate(SUBMITTED_AT).toInstant(), true);
        }
    }
}
