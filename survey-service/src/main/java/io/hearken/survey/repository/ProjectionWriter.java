package io.hearken.survey.repository;

import com.mongodb.ConnectionString;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerMonitorListener;
import io.hearken.survey.domain.Erasure;
import io.hearken.survey.domain.Feedback;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.InvitationChannel;
import io.hearken.survey.domain.InvitationStatus;
import io.hearken.survey.domain.InvitationUpdate;
import io.hearken.survey.domain.Response;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyVersion;
import io.quarkus.logging.Log;
import org.apache.kafka.common.TopicPartition;
import org.bson.BsonMaximumSizeExceededException;
import org.bson.BsonSerializationException;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the MongoDB projections from the topics, idempotently: a response is inserted once by its id, a survey
 * definition replaces an older version only, an erasure anonymises what it covers once; and keeps the projector's
 * position (the next offset of each partition) in the same store, written after the data it covers.
 *
 * <p>Writes are acknowledged once journaled on a majority ({@code w: majority, j: true}), so on a real MongoDB the
 * position is durable only after the data before it. It owns its MongoDB connection so it can watch the server:
 * every failed heartbeat (the server went away, perhaps losing its last writes) increments
 * {@link #connectionEpoch()}, and the projector then re-reads from the position the store holds.
 */
public class ProjectionWriter implements AutoCloseable {

    static final String POSITIONS_COLLECTION = "projection_positions";
    private static final String POSITION_CONSUMER = "consumer";
    private static final String POSITION_TOPIC = "topic";
    private static final String POSITION_PARTITION = "partition";
    private static final String POSITION_OFFSET = "offset";
    private static final String SCHEMA = "schema";
    /** The shape of the documents this code writes; 2 since surveys have versions and answers are typed. */
    private static final int SCHEMA_VERSION = 2;
    /** BadValue, BSONObjectTooLarge, KeyTooLong: the document itself is at fault. */
    private static final Set<Integer> UNSTORABLE_CODES = Set.of(2, 10334, 17280);

    private final MongoClient client;
    private final MongoCollection<Document> surveys;
    private final MongoCollection<Document> versions;
    private final MongoCollection<Document> responses;
    private final MongoCollection<Document> feedback;
    private final MongoCollection<Document> invitations;
    private final MongoCollection<Document> smsNumbers;
    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> erasures;
    private final MongoCollection<Document> erasedIdentities;
    private final AtomicLong connectionEpoch = new AtomicLong();

    public ProjectionWriter(String connectionString, String database) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToServerSettings(server -> server
                        .heartbeatFrequency(500, TimeUnit.MILLISECONDS)
                        .minHeartbeatFrequency(250, TimeUnit.MILLISECONDS)
                        .addServerMonitorListener(new ServerMonitorListener() {
                            @Override
                            public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
                                connectionEpoch.incrementAndGet();
                            }
                        }))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(10, TimeUnit.SECONDS))
                .build();
        this.client = MongoClients.create(settings);
        MongoDatabase store = client.getDatabase(database).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.surveys = store.getCollection(SurveyRepository.COLLECTION);
        this.versions = store.getCollection(SurveyRepository.VERSIONS_COLLECTION);
        this.responses = store.getCollection(ResponseRepository.COLLECTION);
        this.feedback = store.getCollection(FeedbackRepository.COLLECTION);
        this.invitations = store.getCollection(InvitationRepository.COLLECTION);
        this.smsNumbers = store.getCollection(InvitationRepository.SMS_NUMBERS);
        this.positions = store.getCollection(POSITIONS_COLLECTION);
        this.erasures = store.getCollection(ErasureDocuments.ERASURES);
        this.erasedIdentities = store.getCollection(ErasureDocuments.ERASED_IDENTITIES);
    }

    /** Whether MongoDB refused a write for good (a document too large or a value it cannot hold): no retry helps. */
    public static boolean isUnstorable(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof BsonMaximumSizeExceededException || cause instanceof BsonSerializationException) {
                return true;
            }
            if (cause instanceof MongoWriteException write && UNSTORABLE_CODES.contains(write.getError().getCode())) {
                return true;
            }
        }
        return false;
    }

    /** The next offset of each partition that {@code consumer} has projected, as MongoDB holds it. */
    public Map<TopicPartition, Long> positions(String consumer, Set<TopicPartition> partitions) {
        Map<TopicPartition, Long> result = new HashMap<>();
        for (Document position : positions.find(Filters.eq(POSITION_CONSUMER, consumer))) {
            TopicPartition partition = new TopicPartition(position.getString(POSITION_TOPIC),
                    position.getInteger(POSITION_PARTITION));
            if (partitions.contains(partition)) {
                result.put(partition, position.getLong(POSITION_OFFSET));
            }
        }
        return result;
    }

    /** Records that everything before these offsets is projected; call only after the data is written. */
    public void savePositions(String consumer, Map<TopicPartition, Long> nextOffsets) {
        nextOffsets.forEach((partition, offset) -> positions.replaceOne(
                Filters.eq("_id", consumer + ":" + partition.topic() + ":" + partition.partition()),
                new Document(POSITION_CONSUMER, consumer)
                        .append(POSITION_TOPIC, partition.topic())
                        .append(POSITION_PARTITION, partition.partition())
                        .append(POSITION_OFFSET, offset),
                new ReplaceOptions().upsert(true)));
    }

    /** Grows each time the server was seen unreachable; writes of an older epoch may have been lost. */
    public long connectionEpoch() {
        return connectionEpoch.get();
    }

    /**
     * Rebuilds the projection when its documents have an older shape than this code writes: the collections it
     * keeps are dropped and {@code consumer}'s positions forgotten, so it refills them from the topics (the record
     * of truth). Idempotency claims are not a projection and stay.
     *
     * <p>Erasures stay too (they are refilled from {@code hearken.profiles} like the rest, idempotently): the topics
     * replay in no particular order across each other, and with the erasures kept every response replayed is
     * written anonymised from its first instant, instead of showing an erased customer until their erasure comes
     * round again. Their receipt marks stay with them, so a rebuild sends no receipt twice.
     */
    public void upgrade(String consumer) {
        String marker = "schema:" + consumer;
        Document stored = positions.find(Filters.eq("_id", marker)).first();
        if (stored != null && stored.getInteger(SCHEMA, 0) == SCHEMA_VERSION) {
            return;
        }
        Log.infof("Rebuilding survey-service's MongoDB projection from the topics (shape %d -> %d)",
                stored == null ? 0 : stored.getInteger(SCHEMA, 0), SCHEMA_VERSION);
        surveys.drop();
        versions.drop();
        responses.drop();
        feedback.drop();
        invitations.drop();
        smsNumbers.drop();
        positions.deleteMany(Filters.eq(POSITION_CONSUMER, consumer));
        positions.replaceOne(Filters.eq("_id", marker), new Document(SCHEMA, SCHEMA_VERSION),
                new ReplaceOptions().upsert(true));
    }

    public void ensureIndexes() {
        versions.createIndex(Indexes.ascending(SurveyDocuments.SURVEY_ID), new IndexOptions().name("survey"));
        invitations.createIndex(Indexes.ascending(InvitationRepository.ADDRESS, InvitationRepository.CHANNEL),
                new IndexOptions().name("address"));
        invitations.createIndex(Indexes.ascending(SurveyDocuments.TENANT, SurveyDocuments.SURVEY_ID),
                new IndexOptions().name("tenant_survey"));
        feedback.createIndex(Indexes.compoundIndex(Indexes.ascending(SurveyDocuments.TENANT),
                Indexes.descending(FeedbackRepository.RECEIVED_AT, SurveyDocuments.ID)), new IndexOptions().name("tenant"));
        responses.createIndex(Indexes.ascending(SurveyDocuments.TENANT, SurveyDocuments.SURVEY_ID),
                new IndexOptions().name("tenant_survey"));
        surveys.createIndex(Indexes.compoundIndex(Indexes.ascending(SurveyDocuments.TENANT),
                Indexes.descending(SurveyDocuments.CREATED_AT, SurveyDocuments.ID)), new IndexOptions().name("tenant"));
    }

    /**
     * Inserts each response once; saved progress is replaced by later progress and by the complete response of the
     * same id, and a complete response is never replaced.
     */
    public void insertResponses(List<Response> batch) {
        List<Document> documents = batch.stream().map(SurveyDocuments::toDocument).toList();
        if (documents.isEmpty()) {
            return;
        }
        try {
            responses.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (Document document : documents) {
                try {
                    responses.insertOne(document);
                } catch (MongoWriteException duplicate) {
                    if (!SurveyDocuments.isDuplicateKey(duplicate)) {
                        throw duplicate;
                    }
                    // By id alone (the embedded server scans for any other filter); only this projector writes.
                    Document stored = responses.find(Filters.eq(SurveyDocuments.ID, document.get(SurveyDocuments.ID)))
                            .projection(new Document(SurveyDocuments.COMPLETED, 1)).first();
                    if (stored != null && !stored.getBoolean(SurveyDocuments.COMPLETED, true)) {
                        responses.replaceOne(Filters.eq(SurveyDocuments.ID, document.get(SurveyDocuments.ID)),
                                document);
                    }
                }
            }
        }
    }

    public void insertFeedback(List<Feedback> batch) {
        insertOnce(feedback, batch.stream().map(FeedbackRepository::toDocument).toList());
    }

    public void insertInvitations(List<Invitation> batch) {
        insertOnce(invitations, batch.stream().map(InvitationRepository::toDocument).toList());
        for (Invitation invitation : batch) {
            // An anonymised invitation has no number left to point at it.
            if (invitation.channel() == InvitationChannel.SMS && invitation.address() != null) {
                pointNumberAt(invitation);
            }
        }
    }

    /** Points the invitation's phone number at it, unless a later invitation to that number is there already. */
    private void pointNumberAt(Invitation invitation) {
        Document current = smsNumbers.find(Filters.eq(SurveyDocuments.ID, invitation.address())).first();
        if (current == null || current.getDate("createdAt").toInstant().isBefore(invitation.createdAt())) {
            smsNumbers.replaceOne(Filters.eq(SurveyDocuments.ID, invitation.address()),
                    InvitationRepository.smsNumber(invitation), new ReplaceOptions().upsert(true));
        }
    }

    /**
     * Moves an invitation to a later status; an update that arrives after a later one changes nothing. Read by id,
     * then written by id: both use the id's index on every store (a filter on the status too would scan the
     * collection on the embedded server, which ignores secondary indexes), and this projector is the only writer of
     * the status, one record at a time.
     */
    public void updateInvitation(InvitationUpdate update) {
        Document stored = invitations.find(Filters.eq(SurveyDocuments.ID, update.invitationId()))
                .projection(new Document(InvitationRepository.STATUS_RANK, 1)).first();
        if (stored != null && stored.getInteger(InvitationRepository.STATUS_RANK, 0) < update.status().ordinal()) {
            invitations.updateOne(Filters.eq(SurveyDocuments.ID, update.invitationId()),
                    InvitationRepository.statusUpdate(update.status(), update.reason(), update.at()));
        }
    }

    /** Marks the invitations these responses answer as started (saved progress) or completed. */
    public void completeInvitations(List<Response> batch) {
        for (Response response : batch) {
            if (response.invitationId() != null) {
                updateInvitation(new InvitationUpdate(response.invitationId(), response.tenant(),
                        response.surveyId(), null,
                        response.completed() ? InvitationStatus.COMPLETED : InvitationStatus.STARTED, null,
                        response.submittedAt()));
            }
        }
    }

    /** Inserts each document once by its id, whatever was inserted before (a replay). */
    private static void insertOnce(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Some were there already (a replay): insert one by one so that each new one is kept exactly once.
            for (Document document : documents) {
                insertUnlessPresent(collection, document);
            }
        }
    }

    public void saveSurvey(Survey survey) {
        try {
            surveys.replaceOne(SurveyDocuments.olderRevisionOf(survey), SurveyDocuments.toDocument(survey),
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (!SurveyDocuments.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /** Stores a published version once; a version never changes, so a replay finds it there and moves on. */
    public void saveVersion(SurveyVersion version) {
        try {
            versions.insertOne(SurveyDocuments.toDocument(version));
        } catch (MongoWriteException e) {
            if (!SurveyDocuments.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private static void insertUnlessPresent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
        } catch (MongoWriteException e) {
            if (!SurveyDocuments.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /**
     * Keeps erasures: each once by its id (a replay leaves the kept one, with its receipt mark, as it is), and each
     * of its identities pointing at the latest erasure that named it.
     */
    public void keepErasures(List<Erasure> batch) {
        for (Erasure erasure : batch) {
            insertUnlessPresent(erasures, ErasureDocuments.toDocument(erasure));
            for (Erasure.Identity identity : erasure.identities()) {
                try {
                    erasedIdentities.replaceOne(ErasureDocuments.earlierErasureOf(erasure, identity),
                            ErasureDocuments.toIdentityDocument(erasure, identity), new ReplaceOptions().upsert(true));
                } catch (MongoWriteException e) {
                    // A duplicate key: a later erasure of this identity (or this one) is kept already.
                    if (!SurveyDocuments.isDuplicateKey(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * The kept erasures that name an identity of any of these responses or invitations, read by {@code _id} (the
     * identities, then their erasures): the projector asks for every batch, so it must stay cheap.
     */
    public List<Erasure> erasuresNaming(List<Response> responseBatch, List<Invitation> invitationBatch) {
        Set<Document> keys = new LinkedHashSet<>();
        responseBatch.forEach(response -> Erasure.identitiesOf(response.respondent())
                .forEach(identity -> keys.add(ErasureDocuments.identityKey(response.tenant(), identity))));
        invitationBatch.forEach(invitation -> Erasure.identitiesOf(invitation)
                .forEach(identity -> keys.add(ErasureDocuments.identityKey(invitation.tenant(), identity))));
        if (keys.isEmpty()) {
            return List.of();
        }
        Set<String> erasureIds = new LinkedHashSet<>();
        erasedIdentities.find(ErasureDocuments.identities(keys))
                .forEach(identity -> erasureIds.add(identity.getString(ErasureDocuments.ERASURE_ID)));
        return erasures(erasureIds);
    }

    private List<Erasure> erasures(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return erasures.find(Filters.in(SurveyDocuments.ID, ids)).map(ErasureDocuments::toErasure)
                .into(new ArrayList<>());
    }

    /**
     * Anonymises every stored response and invitation the erasure covers (a scan of the tenant's, narrowed by the
     * identities: erasures are rare) and forgets the SMS numbers it names. Returns how many responses and invitations
     * carry its mark, which is the same however often it is applied.
     */
    public long applyErasure(Erasure erasure) {
        Bson namedResponses = ErasureDocuments.responsesNaming(erasure);
        if (namedResponses != null) {
            for (Document document : responses.find(namedResponses)) {
                Response response = SurveyDocuments.toResponse(document);
                if (response.anonymisation() == null && erasure.covers(response)) {
                    responses.replaceOne(Filters.eq(SurveyDocuments.ID, response.id()),
                            SurveyDocuments.toDocument(response.anonymisedBy(erasure)));
                }
            }
        }
        Bson namedInvitations = ErasureDocuments.invitationsNaming(erasure);
        if (namedInvitations != null) {
            for (Document document : invitations.find(namedInvitations)) {
                Invitation invitation = InvitationRepository.toTracked(document).invitation();
                if (invitation.anonymisation() == null && erasure.covers(invitation)) {
                    invitations.updateOne(Filters.eq(SurveyDocuments.ID, invitation.id()),
                            InvitationRepository.anonymisation(invitation.anonymisedBy(erasure)));
                }
            }
        }
        Bson numbers = ErasureDocuments.smsNumbersOf(erasure);
        if (numbers != null) {
            smsNumbers.deleteMany(numbers);
        }
        return responses.countDocuments(ErasureDocuments.markedBy(erasure))
                + invitations.countDocuments(ErasureDocuments.markedBy(erasure));
    }

    /** Whether the receipt of erasure {@code erasureId} was acknowledged by the broker already. */
    public boolean receiptSent(String erasureId) {
        Document erasure = erasures.find(Filters.eq(SurveyDocuments.ID, erasureId))
                .projection(new Document(ErasureDocuments.RECEIPT_SENT_AT, 1)).first();
        return erasure != null && erasure.get(ErasureDocuments.RECEIPT_SENT_AT) != null;
    }

    /** Records that the erasure's receipt was acknowledged, and what it said. */
    public void receiptSent(String erasureId, long itemsErased, Instant at) {
        erasures.updateOne(Filters.eq(SurveyDocuments.ID, erasureId), new Document("$set",
                new Document(ErasureDocuments.RECEIPT_SENT_AT, Date.from(at))
                        .append(ErasureDocuments.ITEMS_ERASED, itemsErased)));
    }

    @Override
    public void close() {
        client.close();
    }
}
