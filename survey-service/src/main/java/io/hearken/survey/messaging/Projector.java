package io.hearken.survey.messaging;

import com.mongodb.MongoException;
import io.hearken.common.consumer.ConsumerPositions;
import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.InvitationEvent;
import io.hearken.common.events.ProfileErased;
import io.hearken.common.events.Topics;
import io.hearken.survey.config.SurveyServiceConfig;
import io.hearken.survey.domain.Erasure;
import io.hearken.survey.domain.Feedback;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.InvitationUpdate;
import io.hearken.survey.domain.Response;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.repository.ProjectionWriter;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps survey-service's MongoDB collections in step with the {@code hearken.surveys} and {@code hearken.responses}
 * topics, which are the record of truth: a submission is acknowledged once it is on the topic, not in MongoDB.
 * It also applies the erasures of {@code hearken.profiles}, and answers each with a receipt there.
 *
 * <p>It runs in the shared consumer loop, but its position lives in MongoDB itself ({@link ProjectionWriter}),
 * written after the data it covers: whatever MongoDB kept of its writes, the position it kept is never ahead of the
 * data, so resuming from it replays exactly what may be missing (every write is idempotent). When MongoDB was seen
 * unreachable since the last batch (it may have lost its latest writes), the batch fails as a transient failure and
 * the loop re-reads from the position MongoDB holds now.
 *
 * <p>Erasures are applied here rather than by a consumer of their own because they must be replayed exactly when
 * the responses are: a rebuild or a store that lost its data forgets these positions and refills everything from the
 * topics, erasures included, while a consumer with its own (Kafka) position would think them done and leave the
 * refilled responses with their identities. Being the one writer of responses and invitations also means no
 * anonymisation races with the write it undoes (a saved progress replaced by its complete response). Records of
 * different topics come in no set order, so an erasure works both ways: applied, it anonymises what is stored; kept,
 * it makes every response or invitation it covers be written anonymised when it comes later.
 */
@ApplicationScoped
public class Projector implements EventHandler<Projector.Projection>, ConsumerPositions {

    static final String CONSUMER = "survey-projector";

    private final SurveyServiceConfig config;
    private final EventConsumers consumers;
    private final ErasureReceipts receipts;
    private final String mongoConnectionString;
    private final String database;
    private volatile ProjectionWriter writer;
    private volatile boolean indexesReady;
    private volatile long trustedEpoch;

    public Projector(SurveyServiceConfig config, EventConsumers consumers, ErasureReceipts receipts,
                     @ConfigProperty(name = "quarkus.mongodb.connection-string") String mongoConnectionString,
                     @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.config = config;
        this.consumers = consumers;
        this.receipts = receipts;
        this.mongoConnectionString = mongoConnectionString;
        this.database = database;
    }

    void start(@Observes StartupEvent event) {
        if (!config.projection().enabled()) {
            return;
        }
        writer = new ProjectionWriter(mongoConnectionString, database);
        trustedEpoch = writer.connectionEpoch();
        writer.upgrade(CONSUMER);
        consumers.start(CONSUMER, List.of(Topics.SURVEYS, Topics.RESPONSES, Topics.FEEDBACK, Topics.INVITATIONS,
                Topics.PROFILES), this, this);
    }

    void stop(@Observes ShutdownEvent event) {
        if (writer != null) {
            writer.close();
        }
    }

    @Override
    public Projection read(ConsumerRecord<byte[], byte[]> record) {
        if (Topics.SURVEYS.equals(record.topic())) {
            return record.value() == null ? null : readSurvey(record);
        }
        if (Topics.FEEDBACK.equals(record.topic())) {
            return Projection.of(FeedbackEvents.fromEvent(EventRecords.readFeedback(record)));
        }
        if (Topics.PROFILES.equals(record.topic())) {
            // Profile changes, merges and the receipts of erasures (ours too) concern nothing stored here.
            ProfileErased erasure = EventRecords.readErasure(record);
            return erasure == null ? null : Projection.of(ErasureEvents.fromEvent(erasure));
        }
        if (Topics.INVITATIONS.equals(record.topic())) {
            InvitationEvent event = EventRecords.read(record, InvitationEvent.class,
                    Set.of(EventTypes.INVITATION_CREATED, EventTypes.INVITATION_UPDATED));
            if (event == null) {
                throw new PermanentEventFailure("invitation event without data");
            }
            return EventTypes.INVITATION_UPDATED.equals(EventRecords.type(record))
                    ? Projection.of(InvitationEvents.update(event))
                    : Projection.of(InvitationEvents.invitation(event));
        }
        return Projection.of(ResponseEvents.fromEvent(EventRecords.readResponse(record)));
    }

    /** A survey record of any version of the contract, as the change it makes. */
    private static Projection readSurvey(ConsumerRecord<byte[], byte[]> record) {
        String type = EventRecords.type(record);
        try {
            if (EventTypes.SURVEY_VERSION_PUBLISHED.equals(type)) {
                SurveyEvents.SurveyVersionPublished event = EventRecords.read(record,
                        SurveyEvents.SurveyVersionPublished.class, Set.of(type));
                if (event == null || event.surveyId() == null || event.tenant() == null || event.content() == null
                        || event.publishedAt() == null) {
                    throw new PermanentEventFailure("survey version without survey id, tenant, content or "
                            + "publishedAt");
                }
                return Projection.of(new Survey.Change(null, Optional.of(event.toVersion())));
            }
            if (EventTypes.SURVEY_CHANGED.equals(type)) {
                SurveyEvents.SurveyChanged event = EventRecords.read(record, SurveyEvents.SurveyChanged.class,
                        Set.of(type));
                if (event == null || event.id() == null || event.tenant() == null || event.name() == null
                        || event.status() == null || event.createdAt() == null || event.updatedAt() == null) {
                    throw new PermanentEventFailure("survey change without id, tenant, name, status, createdAt or "
                            + "updatedAt");
                }
                return Projection.of(new Survey.Change(event.toSurvey(), Optional.empty()));
            }
            SurveyPublished event = EventRecords.read(record, SurveyPublished.class,
                    Set.of(EventTypes.SURVEY_PUBLISHED_V1));
            if (event == null || event.id() == null || event.tenant() == null || event.questions() == null) {
                throw new PermanentEventFailure("survey definition without id, tenant or questions");
            }
            return Projection.of(event.toChange());
        } catch (IllegalArgumentException e) {
            throw new PermanentEventFailure("survey record has an unknown status or question type", e);
        }
    }

    @Override
    public void apply(List<Projection> projections) {
        requireStoreKeptItsWrites();
        if (!indexesReady) {
            writer.ensureIndexes();
            indexesReady = true;
        }
        List<Response> responses = new ArrayList<>();
        List<Feedback> feedback = new ArrayList<>();
        List<Invitation> invitations = new ArrayList<>();
        List<InvitationUpdate> updates = new ArrayList<>();
        List<Erasure> erasures = new ArrayList<>();
        for (Projection projection : projections) {
            if (projection.change() != null) {
                projection.change().published().ifPresent(writer::saveVersion);
                if (projection.change().survey() != null) {
                    writer.saveSurvey(projection.change().survey());
                }
            } else if (projection.feedback() != null) {
                feedback.add(projection.feedback());
            } else if (projection.invitation() != null) {
                invitations.add(projection.invitation());
            } else if (projection.update() != null) {
                updates.add(projection.update());
            } else if (projection.erasure() != null) {
                erasures.add(projection.erasure());
            } else {
                responses.add(projection.response());
            }
        }
        // Kept first, so that what this very batch writes is covered by its erasures too.
        writer.keepErasures(erasures);
        List<Erasure> covering = writer.erasuresNaming(responses, invitations);
        writer.insertResponses(responses.stream().map(response -> anonymisedIfErased(response, covering)).toList());
        writer.insertFeedback(feedback);
        // An invitation is inserted before the updates of the same batch apply to it (one key, one partition).
        writer.insertInvitations(invitations.stream()
                .map(invitation -> anonymisedIfErased(invitation, covering)).toList());
        updates.forEach(writer::updateInvitation);
        writer.completeInvitations(responses);
        erasures.forEach(this::applyErasure);
    }

    private static Response anonymisedIfErased(Response response, List<Erasure> erasures) {
        return erasures.stream().filter(erasure -> erasure.covers(response)).findFirst()
                .map(response::anonymisedBy).orElse(response);
    }

    private static Invitation anonymisedIfErased(Invitation invitation, List<Erasure> erasures) {
        return erasures.stream().filter(erasure -> erasure.covers(invitation)).findFirst()
                .map(invitation::anonymisedBy).orElse(invitation);
    }

    /**
     * Anonymises what the erasure covers among what is stored, then sends its receipt unless one was acknowledged
     * before (a replay after a crash or a rebuild applies it again, and sends nothing twice unless the store lost
     * the receipt's mark with everything else).
     */
    private void applyErasure(Erasure erasure) {
        long itemsErased = writer.applyErasure(erasure);
        if (writer.receiptSent(erasure.id())) {
            return;
        }
        receipts.send(erasure, itemsErased);
        writer.receiptSent(erasure.id(), itemsErased, Instant.now());
        Log.infof("Erasure %s of profile %s (tenant %s) applied: %d responses and invitations anonymised",
                erasure.id(), erasure.profileId(), erasure.tenant(), itemsErased);
    }

    @Override
    public boolean isPermanent(Throwable failure) {
        return PermanentEventFailure.isCause(failure) || ProjectionWriter.isUnstorable(failure);
    }

    @Override
    public Map<TopicPartition, Long> load(Consumer<?, ?> consumer, Set<TopicPartition> partitions) {
        trustedEpoch = writer.connectionEpoch();
        return writer.positions(CONSUMER, partitions);
    }

    @Override
    public void save(Consumer<?, ?> consumer, Map<TopicPartition, Long> nextOffsets) {
        requireStoreKeptItsWrites();
        writer.savePositions(CONSUMER, nextOffsets);
        // Kafka's copy only shows the group's lag to operators; the projector resumes from MongoDB's.
        consumer.commitAsync(ConsumerPositions.toKafka(nextOffsets), null);
    }

    @Override
    public boolean mayHaveLostWrites() {
        return writer.connectionEpoch() != trustedEpoch;
    }

    /** MongoDB was seen unreachable since the position was loaded: it may have lost writes, so re-read from it. */
    private void requireStoreKeptItsWrites() {
        if (mayHaveLostWrites()) {
            throw new MongoException("MongoDB was unreachable since the last batch; re-reading from its position");
        }
    }

    /**
     * One record of any of the topics: a survey change (its state, a published version, or both), a response,
     * unsolicited feedback, a new invitation, an invitation's status change or a customer's erasure.
     */
    public record Projection(Survey.Change change, Response response, Feedback feedback, Invitation invitation,
                             InvitationUpdate update, Erasure erasure) {

        static Projection of(Survey.Change change) {
            return new Projection(change, null, null, null, null, null);
        }

        static Projection of(Response response) {
            return new Projection(null, response, null, null, null, null);
        }

        static Projection of(Feedback feedback) {
            return new Projection(null, null, feedback, null, null, null);
        }

        static Projection of(Invitation invitation) {
            return new Projection(null, null, null, invitation, null, null);
        }

        static Projection of(InvitationUpdate update) {
            return new Projection(null, null, null, null, update, null);
        }

        static Projection of(Erasure erasure) {
            return new Projection(null, null, null, null, null, erasure);
        }
    }
}
