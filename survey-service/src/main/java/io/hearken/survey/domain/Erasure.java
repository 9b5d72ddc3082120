package io.hearken.survey.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A customer asked to be forgotten: every response and invitation of the tenant that names one of
 * {@code identities} and was recorded at or before {@code erasedAt} loses what identifies them
 * ({@link Response#anonymisedBy}, {@link Invitation#anonymisedBy}). A response recorded later is a new contact, given
 * afresh, and stays as it is.
 *
 * <p>Identities compare in the form profile-service keeps them: emails trimmed and lower-cased, phones in E.164, ids
 * trimmed. A phone a respondent typed counts only when they typed it with its country code ({@code +}); a national
 * number could be anyone's in another country, so it names nobody here.
 */
public record Erasure(String id, String tenant, String profileId, List<Identity> identities, Instant erasedAt) {

    /** What a respondent may type between the digits of a phone number (the submission API allows these). */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[ ()-]");
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{2,20}");

    /** One identity the customer was known by: {@code kind} is {@link #EMAIL}, {@link #PHONE}, ... */
    public record Identity(String kind, String value) {

        public static final String EMAIL = "email";
        public static final String PHONE = "phone";
        public static final String CUSTOMER_ID = "customer_id";
    }

    /** The identities a respondent gave, in the form an erasure names them; empty for an anonymous respondent. */
    public static List<Identity> identitiesOf(Respondent respondent) {
        List<Identity> identities = new ArrayList<>();
        if (respondent == null) {
            return identities;
        }
        if (respondent.email() != null && !respondent.email().isBlank()) {
            identities.add(new Identity(Identity.EMAIL, respondent.email().trim().toLowerCase(Locale.ROOT)));
        }
        if (respondent.phone() != null) {
            String phone = PHONE_SEPARATORS.matcher(respondent.phone().trim()).replaceAll("");
            if (E164.matcher(phone).matches()) {
                identities.add(new Identity(Identity.PHONE, phone));
            }
        }
        if (respondent.customerId() != null && !respondent.customerId().isBlank()) {
            identities.add(new Identity(Identity.CUSTOMER_ID, respondent.customerId().trim()));
        }
        return identities;
    }

    /** The identities an invitation was addressed to: its customer and its email address or phone number. */
    public static List<Identity> identitiesOf(Invitation invitation) {
        return identitiesOf(invitation.respondent());
    }

    /** Whether this erasure takes the respondent's identities from {@code response}. */
    public boolean covers(Response response) {
        return tenant.equals(response.tenant()) && !response.submittedAt().isAfter(erasedAt)
                && namesAnyOf(identitiesOf(response.respondent()));
    }

    /** Whether this erasure takes the address, customer and hidden values from {@code invitation}. */
    public boolean covers(Invitation invitation) {
        return tenant.equals(invitation.tenant()) && !invitation.createdAt().isAfter(erasedAt)
                && namesAnyOf(identitiesOf(invitation));
    }

    public Anonymisation anonymisation() {
        return new Anonymisation(id, erasedAt);
    }

    private boolean namesAnyOf(List<Identity> candidates) {
        return candidates.stream().anyMatch(identities::contains);
    }
}
