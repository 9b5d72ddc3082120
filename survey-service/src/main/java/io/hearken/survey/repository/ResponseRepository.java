package io.hearken.survey.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.hearken.survey.domain.Response;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/** Reads stored responses (collection {@code responses}), a projection of the {@code hearken.responses} topic. */
@ApplicationScoped
public class ResponseRepository {

    static final String COLLECTION = "responses";

    private final ReactiveMongoCollection<Document> responses;

    public ResponseRepository(ReactiveMongoDatabase database) {
        this.responses = database.getCollection(COLLECTION);
    }

    public Uni<Optional<Response>> findById(String tenant, String responseId) {
        return responses.find(Filters.and(Filters.eq(SurveyDocuments.ID, responseId),
                        Filters.eq(SurveyDocuments.TENANT, tenant))).collect().first()
                .map(document -> Optional.ofNullable(document).map(SurveyDocuments::toResponse));
    }

    /** The survey's responses, oldest first, at most {@code limit} after skipping {@code offset}. */
    public Uni<List<Response>> findBySurvey(String tenant, String surveyId, int offset, int limit) {
        return responses.find(Filters.and(Filters.eq(SurveyDocuments.SURVEY_ID, surveyId),
                                Filters.eq(SurveyDocuments.TENANT, tenant)),
                        new FindOptions().sort(Sorts.ascending(SurveyDocuments.SUBMITTED_AT, SurveyDocuments.ID))
                                .skip(offset).limit(limit))
                .collect().asList()
                .map(documents -> documents.stream().map(SurveyDocuments::toResponse).toList());
    }

    public Uni<Long> countBySurvey(String tenant, String surveyId) {
        return responses.countDocuments(Filters.and(Filters.eq(SurveyDocuments.SURVEY_ID, surveyId),
                Filters.eq(SurveyDocuments.TENANT, tenant)));
    }
}
