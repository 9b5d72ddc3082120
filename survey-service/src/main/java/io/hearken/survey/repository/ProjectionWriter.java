package io.hearken.survey.repository;

import com.mongodb.ConnectionString;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerMonitorListener;
import io.hearken.common.events.ResponseSubmitted;
import io.hearken.survey.domain.Survey;
import org.bson.Document;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the MongoDB projections from the topics, idempotently: a response is inserted once by its id, a survey
 * definition replaces an older version only.
 *
 * <p>It owns its MongoDB connection so it can watch the server: every failed heartbeat (the server went away,
 * perhaps losing its last writes) increments {@link #connectionEpoch()}. The projector commits topic offsets only
 * for writes made in the current epoch, and replays the rest.
 */
public class ProjectionWriter implements AutoCloseable {

    private final MongoClient client;
    private final MongoCollection<Document> surveys;
    private final MongoCollection<Document> responses;
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
        this.surveys = client.getDatabase(database).getCollection(SurveyRepository.COLLECTION);
        this.responses = client.getDatabase(database).getCollection(ResponseRepository.COLLECTION);
    }

    /** Grows each time the server was seen unreachable; writes of an older epoch may have been lost. */
    public long connectionEpoch() {
        return connectionEpoch.get();
    }

    /** Marks the current epoch as suspect, e.g. after a write failed. */
    public void distrustEarlierWrites() {
        connectionEpoch.incrementAndGet();
    }

    public void ensureIndexes() {
        responses.createIndex(Indexes.ascending(SurveyDocuments.TENANT, SurveyDocuments.SURVEY_ID),
                new IndexOptions().name("tenant_survey"));
        surveys.createIndex(Indexes.ascending(SurveyDocuments.TENANT), new IndexOptions().name("tenant"));
    }

    public void insertResponses(List<ResponseSubmitted> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Document> documents = batch.stream().map(SurveyDocuments::toDocument).toList();
        try {
            responses.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Some were there already (a replay): insert one by one so that each new one is kept exactly once.
            for (Document document : documents) {
                insertUnlessPresent(document);
            }
        }
    }

    public void saveSurvey(Survey survey) {
        try {
            surveys.replaceOne(SurveyDocuments.olderVersionOf(survey), SurveyDocuments.toDocument(survey),
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (!SurveyDocuments.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private void insertUnlessPresent(Document document) {
        try {
            responses.insertOne(document);
        } catch (MongoWriteException e) {
            if (!SurveyDocuments.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
