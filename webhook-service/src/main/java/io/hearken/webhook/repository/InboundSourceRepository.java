package io.hearken.webhook.repository;

import io.hearken.webhook.domain.InboundSource;
import io.hearken.webhook.domain.WebhookSecret;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tenants' inbound sources (table {@code inbound_source}). Looked up by id alone, because a partner's message
 * names nothing else; who may see a source is the domain's rule ({@link InboundSource#isVisibleTo}), applied by the
 * service to what is read here.
 */
@ApplicationScoped
public class InboundSourceRepository {

    private static final String COLUMNS = """
            id, tenant, owner, name, description, secret, previous_secret, previous_secret_until, created_at,
            updated_at""";

    private final Pool pool;

    public InboundSourceRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores a new source; false when its tenant has a source of that name already. */
    public Uni<Boolean> insert(InboundSource source) {
        return pool.preparedQuery("""
                        insert into inbound_source (id, tenant, owner, name, description, secret, created_at,
                                                    updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        on conflict (tenant, name) do nothing""")
                .execute(Tuple.tuple().addString(source.id()).addString(source.tenant()).addString(source.owner())
                        .addString(source.name()).addString(source.description()).addString(source.secret().text())
                        .addOffsetDateTime(utc(source.createdAt())).addOffsetDateTime(utc(source.updatedAt())))
                .map(result -> result.rowCount() == 1);
    }

    public Uni<Optional<InboundSource>> find(String id) {
        return pool.preparedQuery("select %s from inbound_source where id = $1".formatted(COLUMNS))
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<InboundSource> found = all(rows);
                    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
                });
    }

    /** The tenant's sources, oldest first; only {@code owner}'s when one is given. */
    /** A page of the tenant's sources (of {@code owner}, when given), oldest first, after a position. */
    public Uni<List<InboundSource>> list(String tenant, Optional<String> owner, Instant afterCreated, String afterId,
                                         int limit) {
        return pool.preparedQuery("""
                        select %s from inbound_source
                        where tenant = $1 and ($2::text is null or owner = $2)
                          and ($3::timestamptz is null or (created_at, id) > ($3, $4))
                        order by created_at, id
                        limit $5""".formatted(COLUMNS))
                .execute(Tuple.tuple().addString(tenant).addString(owner.orElse(null))
                        .addOffsetDateTime(utc(afterCreated)).addString(afterId).addInteger(limit))
                .map(InboundSourceRepository::all);
    }

    /**
     * Saves the secrets of {@code rotated}, unless the stored source no longer signs with {@code replacedSecret}
     * (another rotation came first): false then, and nothing changes.
     */
    public Uni<Boolean> saveSecrets(InboundSource rotated, WebhookSecret replacedSecret) {
        return pool.preparedQuery("""
                        update inbound_source
                        set secret = $2, previous_secret = $3, previous_secret_until = $4, updated_at = $5
                        where id = $1 and secret = $6""")
                .execute(Tuple.tuple().addString(rotated.id()).addString(rotated.secret().text())
                        .addString(rotated.previousSecret() == null ? null : rotated.previousSecret().text())
                        .addOffsetDateTime(utc(rotated.previousSecretUntil()))
                        .addOffsetDateTime(utc(rotated.updatedAt())).addString(replacedSecret.text()))
                .map(result -> result.rowCount() == 1);
    }

    /** Whether the source existed; the ids of its accepted messages go with it. */
    public Uni<Boolean> delete(String id) {
        return pool.preparedQuery("delete from inbound_source where id = $1")
                .execute(Tuple.of(id))
                .map(result -> result.rowCount() > 0);
    }

    private static List<InboundSource> all(RowSet<Row> rows) {
        List<InboundSource> sources = new ArrayList<>();
        for (Row row : rows) {
            String previous = row.getString("previous_secret");
            sources.add(new InboundSource(row.getString("id"), row.getString("tenant"), row.getString("owner"),
                    row.getString("name"), row.getString("description"), new WebhookSecret(row.getString("secret")),
                    previous == null ? null : new WebhookSecret(previous), instant(row, "previous_secret_until"),
                    instant(row, "created_at"), instant(row, "updated_at")));
        }
        return sources;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
