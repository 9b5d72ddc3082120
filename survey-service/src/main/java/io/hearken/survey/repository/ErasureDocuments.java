package io.hearken.survey.repository;

import com.mongodb.client.model.Filters;
import io.hearken.survey.domain.Anonymisation;
import io.hearken.survey.domain.Erasure;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps erasures to MongoDB documents and builds the queries that find what an erasure covers.
 *
 * <p>Two collections. {@code erasures} holds each erasure once, by its id: what it named, when it was applied and
 * whether its receipt was sent. {@code erased_identities} holds one document per tenant, identity kind and value,
 * keyed by exactly those ({@code _id: {tenant, kind, value}}), pointing at the latest erasure of that identity: the
 * projector reads it by {@code _id} for every response and invitation it writes, which stays cheap on the embedded
 * server too (it ignores secondary indexes, never the {@code _id}).
 */
final class ErasureDocuments {

    static final String ERASURES = "erasures";
    static final String ERASED_IDENTITIES = "erased_identities";
    /** The field of a response or an invitation that marks it anonymised: {@code {erasureId, erasedAt}}. */
    static final String MARK = "erasure";
    static final String ERASURE_ID = "erasureId";
    static final String ERASED_AT = "erasedAt";
    static final String RECEIPT_SENT_AT = "receiptSentAt";
    static final String ITEMS_ERASED = "itemsErased";
    private static final String PROFILE_ID = "profileId";
    private static final String IDENTITIES = "identities";
    private static final String KIND = "kind";
    private static final String VALUE = "value";
    /** Between the digits of a phone a respondent typed: the separators the submission API lets through. */
    private static final String TYPED_SEPARATORS = "[ ()-]*";
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{2,20}");

    private ErasureDocuments() {
    }

    static Document toDocument(Erasure erasure) {
        List<Document> identities = erasure.identities().stream()
                .map(identity -> new Document(KIND, identity.kind()).append(VALUE, identity.value()))
                .toList();
        return new Document(SurveyDocuments.ID, erasure.id())
                .append(SurveyDocuments.TENANT, erasure.tenant())
                .append(PROFILE_ID, erasure.profileId())
                .append(IDENTITIES, identities)
                .append(ERASED_AT, Date.from(erasure.erasedAt()));
    }

    static Erasure toErasure(Document document) {
        return new Erasure(document.getString(SurveyDocuments.ID), document.getString(SurveyDocuments.TENANT),
                document.getString(PROFILE_ID), document.getList(IDENTITIES, Document.class).stream()
                .map(identity -> new Erasure.Identity(identity.getString(KIND), identity.getString(VALUE)))
                .toList(), document.getDate(ERASED_AT).toInstant());
    }

    /** The {@code _id} of an identity's document. Built here only: an embedded document compares field by field. */
    static Document identityKey(String tenant, Erasure.Identity identity) {
        return new Document(SurveyDocuments.TENANT, tenant).append(KIND, identity.kind())
                .append(VALUE, identity.value());
    }

    static Document toIdentityDocument(Erasure erasure, Erasure.Identity identity) {
        return new Document(SurveyDocuments.ID, identityKey(erasure.tenant(), identity))
                .append(ERASURE_ID, erasure.id())
                .append(ERASED_AT, Date.from(erasure.erasedAt()));
    }

    /**
     * Matches an identity's document only if it points at an earlier erasure, so an upsert keeps the latest one
     * (which covers everything an earlier one does) whatever order the erasures are applied in.
     */
    static Bson earlierErasureOf(Erasure erasure, Erasure.Identity identity) {
        return Filters.and(Filters.eq(SurveyDocuments.ID, identityKey(erasure.tenant(), identity)),
                Filters.lt(ERASED_AT, Date.from(erasure.erasedAt())));
    }

    /** The identity documents of these keys, read by {@code _id}. */
    static Bson identities(Collection<Document> keys) {
        return Filters.in(SurveyDocuments.ID, keys);
    }

    static Document toDocument(Anonymisation anonymisation) {
        return new Document(ERASURE_ID, anonymisation.erasureId())
                .append(ERASED_AT, Date.from(anonymisation.erasedAt()));
    }

    /** The mark a response or an invitation document carries, or null. */
    static Anonymisation anonymisation(Document holder) {
        Document mark = holder.get(MARK, Document.class);
        return mark == null ? null : new Anonymisation(mark.getString(ERASURE_ID),
                mark.getDate(ERASED_AT).toInstant());
    }

    /** The documents an erasure anonymised: counted for its receipt, the same however often it is applied. */
    static Bson markedBy(Erasure erasure) {
        return Filters.and(Filters.eq(SurveyDocuments.TENANT, erasure.tenant()),
                Filters.eq(MARK + "." + ERASURE_ID, erasure.id()));
    }

    /**
     * The stored responses that may name one of the erasure's identities, recorded by then; {@link Erasure#covers}
     * decides. Null when the erasure names nothing a response holds. A phone is matched as typed (with or without
     * separators between its digits), since a response keeps what its respondent typed.
     */
    static Bson responsesNaming(Erasure erasure) {
        List<Bson> named = new ArrayList<>();
        for (Erasure.Identity identity : erasure.identities()) {
            switch (identity.kind()) {
                case Erasure.Identity.EMAIL -> named.add(Filters.eq("respondent.email", identity.value()));
                case Erasure.Identity.CUSTOMER_ID -> named.add(Filters.eq("respondent.customerId", identity.value()));
                case Erasure.Identity.PHONE -> typedPhone(identity).ifPresent(typed ->
                        named.add(Filters.regex("respondent.phone", typed)));
                default -> {
                    // Loyalty and device ids: a response never holds them.
                }
            }
        }
        return named.isEmpty() ? null : Filters.and(Filters.eq(SurveyDocuments.TENANT, erasure.tenant()),
                Filters.lte(SurveyDocuments.SUBMITTED_AT, Date.from(erasure.erasedAt())), Filters.or(named));
    }

    /** The stored invitations to one of the erasure's identities, created by then; null when it names none. */
    static Bson invitationsNaming(Erasure erasure) {
        List<Bson> named = new ArrayList<>();
        for (Erasure.Identity identity : erasure.identities()) {
            switch (identity.kind()) {
                case Erasure.Identity.EMAIL, Erasure.Identity.PHONE ->
                        named.add(Filters.eq(InvitationRepository.ADDRESS, identity.value()));
                case Erasure.Identity.CUSTOMER_ID ->
                        named.add(Filters.eq(InvitationRepository.CUSTOMER_ID, identity.value()));
                default -> {
                    // Loyalty and device ids: an invitation never holds them.
                }
            }
        }
        return named.isEmpty() ? null : Filters.and(Filters.eq(SurveyDocuments.TENANT, erasure.tenant()),
                Filters.lte(InvitationRepository.CREATED_AT, Date.from(erasure.erasedAt())), Filters.or(named));
    }

    /** The SMS numbers erased in the erasure's tenant: each points at the latest invitation to it (by number). */
    static Bson smsNumbersOf(Erasure erasure) {
        List<String> phones = erasure.identities().stream()
                .filter(identity -> Erasure.Identity.PHONE.equals(identity.kind()))
                .map(Erasure.Identity::value)
                .toList();
        return phones.isEmpty() ? null : Filters.and(Filters.in(SurveyDocuments.ID, phones),
                Filters.eq(SurveyDocuments.TENANT, erasure.tenant()));
    }

    /**
     * {@code +81 90-1234-5678} and {@code +819012345678} alike for the E.164 value {@code +819012345678}; nothing
     * for a value that is not E.164 (no typed phone could be it).
     */
    private static Optional<Pattern> typedPhone(Erasure.Identity phone) {
        if (!E164.matcher(phone.value()).matches()) {
            return Optional.empty();
        }
        StringBuilder pattern = new StringBuilder("^\\+").append(TYPED_SEPARATORS);
        for (char digit : phone.value().substring(1).toCharArray()) {
            pattern.append(digit).append(TYPED_SEPARATORS);
        }
        return Optional.of(Pattern.compile(pattern.append('$').toString()));
    }
}
