package io.hearken.profile.rest;

import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityClaim;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.domain.InvalidIdentityException;
import io.hearken.profile.domain.Trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads identities given by name ({@code {"email": ..., "customerId": ...}}), every problem named by its field. */
final class IdentityParameters {

    private IdentityParameters() {
    }

    static List<Identity> read(Map<String, String> given, String prefix) {
        List<Identity> identities = new ArrayList<>();
        List<Problem.FieldError> problems = new ArrayList<>();
        (given == null ? Map.<String, String>of() : given).forEach((name, value) -> {
            IdentityKind kind = IdentityKind.fromWire(name).orElse(null);
            if (kind == null) {
                problems.add(new Problem.FieldError(prefix + name, "unknown identity (customerId, loyaltyId, email, "
                        + "phone, deviceId)"));
                return;
            }
            try {
                identities.add(Identity.of(kind, value, prefix + name));
            } catch (InvalidIdentityException e) {
                problems.add(new Problem.FieldError(e.field(), e.getMessage()));
            }
        });
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        if (identities.isEmpty()) {
            throw ProblemException.invalidField(prefix.isEmpty() ? "identity" : prefix.substring(0,
                    prefix.length() - 1), "give at least one of customerId, loyaltyId, email, phone, deviceId");
        }
        return identities;
    }

    /** What an authenticated caller names: verified, its source the caller's role (admin or partner API). */
    static IdentityClaim trustedClaim(Map<String, String> given, String caller) {
        return new IdentityClaim(read(given, "identities."), Trust.VERIFIED, Callers.source(caller));
    }

    static Identity one(IdentityKind kind, String value) {
        try {
            return Identity.of(kind, value, kind.parameterName());
        } catch (InvalidIdentityException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
    }
}
