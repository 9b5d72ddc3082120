package io.hearken.profile.repository;

import io.hearken.profile.domain.StoredTrait;
import io.hearken.profile.domain.TraitType;
import io.hearken.profile.domain.TraitValue;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Trait definitions per tenant and typed trait values per profile. */
@ApplicationScoped
public class TraitRepository {

    /** The tenant's traits by key: the built-in ones and those it defined. */
    public Uni<Map<String, TraitType>> types(String tenant) {
        return Sql.rows("select key, type from trait_definition where tenant = ?1", tenant).map(rows -> {
            Map<String, TraitType> types = new HashMap<>(TraitValue.BUILT_IN);
            rows.forEach(row -> types.put((String) row[0], TraitType.valueOf((String) row[1])));
            return types;
        });
    }

    public Uni<Integer> define(String tenant, String key, TraitType type, String description, Instant now) {
        return Sql.update("insert into trait_definition (tenant, key, type, description, created_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict (tenant, key) do nothing", tenant, key, type.name(),
                description, now);
    }

    public Uni<TraitType> definedType(String tenant, String key) {
        return Sql.rows("select type from trait_definition where tenant = ?1 and key = ?2", tenant, key)
                .map(rows -> rows.isEmpty() ? null : TraitType.valueOf((String) rows.get(0)[0]));
    }

    public Uni<Integer> set(UUID profileId, TraitValue value, String source, Instant now) {
        return Sql.update("""
                insert into profile_trait (profile_id, key, type, text_value, num_value, bool_value, date_value,
                                           source, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (profile_id, key) do update set type = excluded.type, text_value = excluded.text_value,
                    num_value = excluded.num_value, bool_value = excluded.bool_value,
                    date_value = excluded.date_value, source = excluded.source, updated_at = excluded.updated_at""",
                profileId, value.key(), value.type().name(), value.text(), value.number(), value.bool(),
                value.date() == null ? null : Date.valueOf(value.date()), source, now);
    }

    public Uni<Integer> remove(UUID profileId, String key) {
        return Sql.update("delete from profile_trait where profile_id = ?1 and key = ?2", profileId, key);
    }

    public Uni<List<StoredTrait>> ofProfile(UUID profileId) {
        return Sql.rows("select key, type, text_value, num_value, bool_value, date_value, source, updated_at "
                + "from profile_trait where profile_id = ?1 order by key", profileId).map(rows -> rows.stream()
                .map(row -> new StoredTrait(new TraitValue((String) row[0], TraitType.valueOf((String) row[1]),
                        (String) row[2], (BigDecimal) row[3], (Boolean) row[4], date(row[5])), (String) row[6],
                        IdentityRepository.instant(row[7])))
                .toList());
    }

    private static LocalDate date(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) column;
    }
}
