package io.hearken.survey.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.hearken.survey.domain.Feedback;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Unsolicited feedback (collection {@code feedback}), a projection of the {@code hearken.feedback} topic. */
@ApplicationScoped
public class FeedbackRepository {

    static final String COLLECTION = "feedback";
    static final String RECEIVED_AT = "receivedAt";
    private static final String SOURCE = "source";

    private final ReactiveMongoCollection<Document> feedback;

    public FeedbackRepository(ReactiveMongoDatabase database) {
        this.feedback = database.getCollection(COLLECTION);
    }

    public Uni<Optional<Feedback>> findById(String tenant, String id) {
        return feedback.find(Filters.and(Filters.eq(SurveyDocuments.ID, id), Filters.eq(SurveyDocuments.TENANT,
                        tenant))).collect().first()
                .map(document -> Optional.ofNullable(document).map(FeedbackRepository::toFeedback));
    }

    /** A page of the tenant's feedback, newest received first, optionally from one source. */
    public Uni<List<Feedback>> findByTenant(String tenant, String source, Position after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(SurveyDocuments.TENANT, tenant)));
        if (source != null) {
            filters.add(Filters.eq(SOURCE, source));
        }
        if (after != null) {
            filters.add(SurveyRepository.after(RECEIVED_AT, after));
        }
        return feedback.find(Filters.and(filters), new FindOptions()
                        .sort(Sorts.descending(RECEIVED_AT, SurveyDocuments.ID)).limit(limit))
                .collect().asList()
                .map(documents -> documents.stream().map(FeedbackRepository::toFeedback).toList());
    }

    static Document toDocument(Feedback item) {
        return new Document(SurveyDocuments.ID, item.id())
                .append(SurveyDocuments.TENANT, item.tenant())
                .append(SOURCE, item.source())
                .append("externalId", item.externalId())
                .append("author", item.author())
                .append("rating", item.rating())
                .append("ratingMax", item.ratingMax())
                .append("text", item.text())
                .append("url", item.url())
                .append("language", item.language())
                .append("postedAt", Date.from(item.postedAt()))
                .append(RECEIVED_AT, Date.from(item.receivedAt()));
    }

    static Feedback toFeedback(Document document) {
        return new Feedback(document.getString(SurveyDocuments.ID), document.getString(SurveyDocuments.TENANT),
                document.getString(SOURCE), document.getString("externalId"), document.getString("author"),
                document.getInteger("rating"), document.getInteger("ratingMax"), document.getString("text"),
                document.getString("url"), document.getString("language"),
                document.getDate("postedAt").toInstant(), document.getDate(RECEIVED_AT).toInstant());
    }
}
