package io.hearken.survey.repository;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * survey-service's MongoDB database, named in one place ({@code quarkus.mongodb.database}, Quarkus's own setting)
 * for every collection the repositories read and write.
 */
@ApplicationScoped
public class SurveyStore {

    @Produces
    @ApplicationScoped
    ReactiveMongoDatabase database(ReactiveMongoClient client,
                                   @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        return client.getDatabase(database);
    }
}
