package io.hearken.survey.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.hearken.survey.domain.Response;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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

    /** What a listing or an export keeps: any of these left null does not narrow it. */
    public record Filter(Integer surveyVersion, String channel, Boolean completed, Instant from, Instant to) {

        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    public Uni<Optional<Response>> findById(String tenant, String responseId) {
        return responses.find(Filters.and(Filters.eq(SurveyDocuments.ID, responseId),
                        Filters.eq(SurveyDocuments.TENANT, tenant))).collect().first()
                .map(document -> Optional.ofNullable(document).map(SurveyDocuments::toResponse));
    }

    /**
     * The tenant's responses with these ids, whatever their survey, newest first; ids it does not have are left out.
     * Keyed on {@code _id}, so it stays cheap on a store that indexes nothing else (mongo-java-server).
     */
    public Uni<List<Response>> findByIds(String tenant, List<String> responseIds) {
        return responses.find(Filters.and(Filters.in(SurveyDocuments.ID, responseIds),
                        Filters.eq(SurveyDocuments.TENANT, tenant)), new FindOptions()
                        .sort(Sorts.descending(SurveyDocuments.SUBMITTED_AT, SurveyDocuments.ID)))
                .collect().asList()
                .map(documents -> documents.stream().map(SurveyDocuments::toResponse).toList());
    }

    /**
     * A page of the survey's responses, oldest first, after {@code after} (null: from the first). Keyset paging on
     * (submittedAt, id): a page costs the same however deep it is, and new responses do not shift the pages.
     */
    public Uni<List<Response>> findBySurvey(String tenant, String surveyId, Filter filter, Position after,
                                            int limit) {
        List<Bson> conditions = conditions(tenant, surveyId, filter);
        if (after != null) {
            Date at = Date.from(after.at());
            conditions.add(Filters.or(Filters.gt(SurveyDocuments.SUBMITTED_AT, at),
                    Filters.and(Filters.eq(SurveyDocuments.SUBMITTED_AT, at),
                            Filters.gt(SurveyDocuments.ID, after.id()))));
        }
        return responses.find(Filters.and(conditions), new FindOptions()
                        .sort(Sorts.ascending(SurveyDocuments.SUBMITTED_AT, SurveyDocuments.ID)).limit(limit))
                .collect().asList()
                .map(documents -> documents.stream().map(SurveyDocuments::toResponse).toList());
    }

    /** Every matching response, oldest first, as a stream the caller consumes at its own pace (an export). */
    public Multi<Response> streamBySurvey(String tenant, String surveyId, Filter filter) {
        return responses.find(Filters.and(conditions(tenant, surveyId, filter)), new FindOptions()
                        .sort(Sorts.ascending(SurveyDocuments.SUBMITTED_AT, SurveyDocuments.ID)).batchSize(500))
                .map(SurveyDocuments::toResponse);
    }

    public Uni<Long> countBySurvey(String tenant, String surveyId, Filter filter) {
        return responses.countDocuments(Filters.and(conditions(tenant, surveyId, filter)));
    }

    private static List<Bson> conditions(String tenant, String surveyId, Filter filter) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq(SurveyDocuments.SURVEY_ID, surveyId),
                Filters.eq(SurveyDocuments.TENANT, tenant)));
        if (filter.surveyVersion() != null) {
            conditions.add(Filters.eq(SurveyDocuments.VERSION, filter.surveyVersion()));
        }
        if (filter.channel() != null) {
            conditions.add(Filters.eq("channel", filter.channel()));
        }
        if (filter.completed() != null) {
            conditions.add(Filters.eq(SurveyDocuments.COMPLETED, filter.completed()));
        }
        if (filter.from() != null) {
            conditions.add(Filters.gte(SurveyDocuments.SUBMITTED_AT, Date.from(filter.from())));
        }
        if (filter.to() != null) {
            conditions.add(Filters.lt(SurveyDocuments.SUBMITTED_AT, Date.from(filter.to())));
        }
        return conditions;
    }
}
