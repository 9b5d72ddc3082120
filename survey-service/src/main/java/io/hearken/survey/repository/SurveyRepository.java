package io.hearken.survey.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.hearken.survey.domain.Survey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/** Survey definitions in MongoDB (collection {@code surveys}), a projection of the {@code hearken.surveys} topic. */
@ApplicationScoped
public class SurveyRepository {

    static final String COLLECTION = "surveys";

    private final ReactiveMongoCollection<Document> surveys;

    public SurveyRepository(ReactiveMongoDatabase database) {
        this.surveys = database.getCollection(COLLECTION);
    }

    public Uni<Optional<Survey>> findById(String id) {
        return surveys.find(Filters.eq(SurveyDocuments.ID, id)).collect().first()
                .map(document -> Optional.ofNullable(document).map(SurveyDocuments::toSurvey));
    }

    public Uni<List<Survey>> findByTenant(String tenant, int limit) {
        return surveys.find(Filters.eq(SurveyDocuments.TENANT, tenant),
                        new FindOptions().sort(Sorts.descending("createdAt")).limit(limit))
                .collect().asList()
                .map(documents -> documents.stream().map(SurveyDocuments::toSurvey).toList());
    }

    /** Stores the definition unless a newer version is already there; repeating it changes nothing. */
    public Uni<Void> save(Survey survey) {
        return surveys.replaceOne(SurveyDocuments.olderVersionOf(survey), SurveyDocuments.toDocument(survey),
                        new ReplaceOptions().upsert(true))
                .replaceWithVoid()
                .onFailure(SurveyDocuments::isDuplicateKey).recoverWithNull();
    }
}
