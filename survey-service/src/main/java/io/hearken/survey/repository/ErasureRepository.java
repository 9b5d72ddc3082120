package io.hearken.survey.repository;

import com.mongodb.client.model.Filters;
import io.hearken.survey.domain.Erasure;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the erasures the projector keeps (collections {@code erasures} and {@code erased_identities}, see
 * {@link ErasureDocuments}), for whoever must not act on an erased customer (the invitation sender).
 */
@ApplicationScoped
public class ErasureRepository {

    private final ReactiveMongoCollection<Document> erasures;
    private final ReactiveMongoCollection<Document> erasedIdentities;

    public ErasureRepository(ReactiveMongoDatabase database) {
        this.erasures = database.getCollection(ErasureDocuments.ERASURES);
        this.erasedIdentities = database.getCollection(ErasureDocuments.ERASED_IDENTITIES);
    }

    /** The kept erasures that name one of {@code identities} in {@code tenant}, read by {@code _id}. */
    public Uni<List<Erasure>> naming(String tenant, List<Erasure.Identity> identities) {
        if (identities.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Document> keys = identities.stream().map(identity -> ErasureDocuments.identityKey(tenant, identity))
                .toList();
        return erasedIdentities.find(ErasureDocuments.identities(keys)).collect().asList()
                .map(found -> found.stream().map(identity -> identity.getString(ErasureDocuments.ERASURE_ID))
                        .collect(Collectors.toSet()))
                .chain(this::erasures);
    }

    private Uni<List<Erasure>> erasures(Set<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return erasures.find(Filters.in(SurveyDocuments.ID, ids)).map(ErasureDocuments::toErasure)
                .collect().asList();
    }
}
