package io.hearken.survey.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * Which invitations were handed to the mail server or SMS provider (collection {@code invitation_sends}). The sender
 * marks an invitation "sending" before it hands it over and "sent" after, so a sender that re-reads the topic after
 * a crash skips what was sent. Only a crash in the moment between the hand-over and the mark leaves "sending"
 * behind: that invitation is handed over again with the same message id (the SMS provider's Idempotency-Key, the
 * email's Message-ID), which lets the provider and mail clients drop the repeat.
 */
@ApplicationScoped
public class SendClaims {

    static final String COLLECTION = "invitation_sends";
    private static final String STATE = "state";
    private static final String SENT = "sent";

    private final ReactiveMongoCollection<Document> sends;

    public SendClaims(ReactiveMongoDatabase database) {
        this.sends = database.getCollection(COLLECTION);
    }

    /** Whether the invitation was handed over already. */
    public Uni<Boolean> wasSent(String invitationId) {
        return sends.find(Filters.eq("_id", invitationId)).collect().first()
                .map(document -> document != null && SENT.equals(document.getString(STATE)));
    }

    /** Marks the invitation "sending" (kept if it is marked already). */
    public Uni<Void> sending(String invitationId, Instant at) {
        return sends.insertOne(new Document("_id", invitationId).append(STATE, "sending").append("at", Date.from(at)))
                .replaceWithVoid()
                .onFailure(failure -> failure instanceof MongoWriteException write
                        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY).recoverWithNull();
    }

    public Uni<Void> sent(String invitationId, Instant at) {
        return sends.updateOne(Filters.eq("_id", invitationId),
                Updates.combine(Updates.set(STATE, SENT), Updates.set("at", Date.from(at)))).replaceWithVoid();
    }
}
