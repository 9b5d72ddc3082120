package io.hearken.profile.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * Native SQL in the current Hibernate Reactive session and transaction, for what the entity API says badly: row
 * locks in a fixed order, set-based merges, upserts and segment rules. Parameters are positional ({@code ?1}).
 */
final class Sql {

    private Sql() {
    }

    static Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> bind(session.<Object>createNativeQuery(sql), parameters)
                .getResultList()
                .map(rows -> rows.stream().map(Sql::columns).toList()));
    }

    static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> bind(session.<Object>createNativeQuery(sql), parameters)
                .executeUpdate());
    }

    private static <T> Mutiny.Query<T> bind(Mutiny.Query<T> query, Object[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    private static Object[] columns(Object row) {
        return row instanceof Object[] columns ? columns : new Object[] {row};
    }
}
