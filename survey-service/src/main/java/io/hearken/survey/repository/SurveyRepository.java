package io.hearken.survey.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.domain.SurveyVersion;
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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Surveys (collection {@code surveys}) and their published versions ({@code survey_versions}) in MongoDB, a
 * projection of the {@code hearken.surveys} topic.
 */
@ApplicationScoped
public class SurveyRepository {

    static final String COLLECTION = "surveys";
    static final String VERSIONS_COLLECTION = "survey_versions";

    private final ReactiveMongoCollection<Document> surveys;
    private final ReactiveMongoCollection<Document> versions;

    public SurveyRepository(ReactiveMongoDatabase database) {
        this.surveys = database.getCollection(COLLECTION);
        this.versions = database.getCollection(VERSIONS_COLLECTION);
    }

    public Uni<Optional<Survey>> findById(String id) {
        return surveys.find(Filters.eq(SurveyDocuments.ID, id)).collect().first()
                .map(document -> Optional.ofNullable(document).map(SurveyDocuments::toSurvey));
    }

    public Uni<Optional<SurveyVersion>> findVersion(String surveyId, int version) {
        return versions.find(Filters.eq(SurveyDocuments.ID, SurveyDocuments.versionId(surveyId, version)))
                .collect().first()
                .map(document -> Optional.ofNullable(document).map(SurveyDocuments::toVersion));
    }

    /**
     * A page of the tenant's surveys, newest first, after {@code after} (null: from the newest); {@code status} and
     * {@code nameContains} (case-insensitive) narrow it when given. Keyset paging: the cost of a page does not grow
     * with how far into the list it is, and surveys created meanwhile do not shift the pages.
     */
    public Uni<List<Survey>> findByTenant(String tenant, SurveyStatus status, String nameContains, Position after,
                                          int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(SurveyDocuments.TENANT, tenant)));
        if (status != null) {
            filters.add(Filters.eq(SurveyDocuments.STATUS, status.name()));
        }
        if (nameContains != null && !nameContains.isBlank()) {
            filters.add(Filters.regex(SurveyDocuments.NAME_FOLDED,
                    Pattern.quote(nameContains.toLowerCase(Locale.ROOT))));
        }
        if (after != null) {
            filters.add(after(SurveyDocuments.CREATED_AT, after));
        }
        return surveys.find(Filters.and(filters), new FindOptions()
                        .sort(Sorts.descending(SurveyDocuments.CREATED_AT, SurveyDocuments.ID)).limit(limit))
                .collect().asList()
                .map(documents -> documents.stream().map(SurveyDocuments::toSurvey).toList());
    }

    /** Items older than {@code after} in a newest-first listing by {@code timeField}, then by id. */
    static Bson after(String timeField, Position after) {
        Date at = Date.from(after.at());
        return Filters.or(Filters.lt(timeField, at),
                Filters.and(Filters.eq(timeField, at), Filters.lt(SurveyDocuments.ID, after.id())));
    }

    /** Stores the survey's state unless a newer revision is already there; repeating it changes nothing. */
    public Uni<Void> save(Survey survey) {
        return surveys.replaceOne(SurveyDocuments.olderRevisionOf(survey), SurveyDocuments.toDocument(survey),
                        new ReplaceOptions().upsert(true))
                .replaceWithVoid()
                .onFailure(SurveyDocuments::isDuplicateKey).recoverWithNull();
    }

    /** Stores a published version once. */
    public Uni<Void> save(SurveyVersion version) {
        return versions.insertOne(SurveyDocuments.toDocument(version))
                .replaceWithVoid()
                .onFailure(SurveyDocuments::isDuplicateKey).recoverWithNull();
    }
}
