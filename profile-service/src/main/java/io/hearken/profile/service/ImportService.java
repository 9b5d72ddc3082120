package io.hearken.profile.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.profile.config.ProfileServiceConfig;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.IdentityHash;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.InvalidIdentityException;
import io.hearken.profile.domain.TraitType;
import io.hearken.profile.domain.TraitValue;
import io.hearken.profile.domain.Trust;
import io.hearken.profile.repository.ImportLineRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Bulk import of customers: each line names identities (verified: the tenant's own list) and traits, and is
 * applied in its own transaction with a per-line report. A line already imported (the same identities and traits)
 * changes nothing, so importing a file again is harmless; a wrong line is reported and the others still apply.
 */
@ApplicationScoped
public class ImportService {

    /** One line as read: its number and its fields by name (identities and traits), or why it cannot be read. */
    public record ImportLine(int number, Map<String, Object> fields, String unreadable) {
    }

    /** What happened to one line. */
    public record LineResult(int line, String status, UUID profileId, List<String> errors) {
    }

    private final ProfileService profiles;
    private final TraitService traits;
    private final ImportLineRepository lines;
    private final ProfileServiceConfig config;

    public ImportService(ProfileService profiles, TraitService traits, ImportLineRepository lines,
                         ProfileServiceConfig config) {
        this.profiles = profiles;
        this.traits = traits;
        this.lines = lines;
        this.config = config;
    }

    public Uni<List<LineResult>> importLines(String tenant, List<ImportLine> input, String source) {
        if (input.size() > config.importing().maxLines()) {
            throw ProblemException.invalidField("body", "has " + input.size() + " lines; at most "
                    + config.importing().maxLines() + " per import");
        }
        return traits.types(tenant).chain(types -> Multi.createFrom().iterable(input)
                .onItem().transformToUniAndConcatenate(line -> apply(tenant, line, types, source))
                .collect().asList());
    }

    private Uni<LineResult> apply(String tenant, ImportLine line, Map<String, TraitType> types, String source) {
        if (line.unreadable() != null) {
            return Uni.createFrom().item(invalid(line, List.of(line.unreadable())));
        }
        List<Identity> identities = new ArrayList<>();
        Map<String, Object> traitValues = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        line.fields().forEach((name, value) -> {
            IdentityKind kind = IdentityKind.fromWire(name).orElse(null);
            if (kind == null) {
                traitValues.put(name, coerce(value, types.get(name)));
            } else if (value != null && !String.valueOf(value).isBlank()) {
                try {
                    identities.add(Identity.of(kind, String.valueOf(value), name));
                } catch (InvalidIdentityException e) {
                    errors.add(name + ": " + e.getMessage());
                }
            }
        });
        List<TraitValue> typed = List.of();
        try {
            typed = TraitService.typed(traitValues, types, "");
        } catch (ProblemException e) {
            e.errors().forEach(error -> errors.add(error.field() + ": " + error.message()));
        }
        if (identities.isEmpty() && errors.isEmpty()) {
            errors.add("names no identity (customerId, loyaltyId, email, phone, deviceId)");
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(invalid(line, errors));
        }
        IdentityClaim claim = new IdentityClaim(identities, Trust.VERIFIED, "import");
        String hash = IdentityHash.of(tenant, new TreeMap<>(line.fields()).toString());
        List<TraitValue> values = typed;
        return Conflicts.inTransaction(() -> lines.find(tenant, hash).chain(imported -> {
            if (imported != null) {
                return Uni.createFrom().item(new LineResult(line.number(), "unchanged", imported, List.of()));
            }
            return profiles.resolveInTransaction(tenant, claim)
                    .call(id -> traits.write(id, values, List.of(), source))
                    .call(id -> lines.remember(tenant, hash, id))
                    .map(id -> new LineResult(line.number(), "imported", id, List.of()));
        }));
    }

    /** A CSV cell is text; a number or boolean trait takes it when it reads as one. */
    private static Object coerce(Object value, TraitType type) {
        if (!(value instanceof String text) || type == null) {
            return value;
        }
        try {
            return switch (type) {
                case NUMBER -> new BigDecimal(text.strip());
                case BOOLEAN -> text.strip().equalsIgnoreCase("true") ? Boolean.TRUE
                        : text.strip().equalsIgnoreCase("false") ? Boolean.FALSE : text;
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static LineResult invalid(ImportLine line, List<String> errors) {
        return new LineResult(line.number(), "invalid", null, errors);
    }
}
