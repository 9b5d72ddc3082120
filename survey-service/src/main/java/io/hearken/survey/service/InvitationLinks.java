package io.hearken.survey.service;

import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.config.InvitationsConfig;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.InvitationToken;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs invitation links and checks the tokens respondents bring back, with the configured keys: the active one
 * signs, it and the retired ones verify (so a key can rotate while links signed with the old one are still out).
 */
@ApplicationScoped
public class InvitationLinks {

    private final InvitationsConfig config;
    private final InvitationToken.SigningKey activeKey;
    private final Map<String, InvitationToken.SigningKey> verifyingKeys = new HashMap<>();

    public InvitationLinks(InvitationsConfig config) {
        this.config = config;
        this.activeKey = key(config.signingKeyId(), config.signingKey());
        config.retiredKeys().forEach((id, secret) -> verifyingKeys.put(id, key(id, secret)));
        verifyingKeys.put(activeKey.id(), activeKey);
    }

    public String linkFor(Invitation invitation) {
        return config.linkBaseUrl() + "/" + invitation.surveyId() + "?invitation=" + invitation.token().sign(activeKey);
    }

    /** The invitation a token names, or the respondent's problem (400 for a bad token, 410 for an expired one). */
    public InvitationToken verify(String token) {
        InvitationToken.Verification verification = InvitationToken.verify(token, verifyingKeys, Instant.now());
        if (verification instanceof InvitationToken.Valid valid) {
            return valid.token();
        }
        InvitationToken.Reason reason = ((InvitationToken.Refused) verification).reason();
        if (reason == InvitationToken.Reason.EXPIRED) {
            throw new ProblemException(410, "invitation-expired", "Invitation expired",
                    "This invitation has expired; ask for a new one.",
                    List.of(new Problem.FieldError("invitation", "has expired")), null);
        }
        throw ProblemException.invalidField("invitation", "is not an invitation this service issued ("
                + reason.name().toLowerCase().replace('_', ' ') + ")");
    }

    private static InvitationToken.SigningKey key(String id, String base64) {
        try {
            return new InvitationToken.SigningKey(id, Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hearken.invitations signing key '" + id + "' must be base64 of at least "
                    + InvitationToken.SigningKey.MIN_SECRET_BYTES + " bytes: " + e.getMessage(), e);
        }
    }
}
