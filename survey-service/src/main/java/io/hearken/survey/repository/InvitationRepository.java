package io.hearken.survey.repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.InvitationChannel;
import io.hearken.survey.domain.InvitationStatus;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invitations and where each one is (collection {@code invitations}), a projection of {@code hearken.invitations}
 * and of the responses that answer them.
 */
@ApplicationScoped
public class InvitationRepository {

    static final String COLLECTION = "invitations";
    /** The latest SMS invitation per phone number, by number: a reply names only the number it comes from. */
    static final String SMS_NUMBERS = "sms_numbers";
    static final String STATUS = "status";
    static final String STATUS_RANK = "statusRank";
    static final String ADDRESS = "address";
    static final String CHANNEL = "channel";
    static final String CUSTOMER_ID = "customerId";
    static final String CREATED_AT = "createdAt";
    static final String HIDDEN = "hidden";

    private final ReactiveMongoCollection<Document> invitations;
    private final ReactiveMongoCollection<Document> smsNumbers;

    public InvitationRepository(ReactiveMongoDatabase database) {
        this.invitations = database.getCollection(COLLECTION);
        this.smsNumbers = database.getCollection(SMS_NUMBERS);
    }

    /** An invitation and where it is. */
    public record Tracked(Invitation invitation, InvitationStatus status, String reason) {
    }

    public Uni<Optional<Tracked>> findById(String tenant, String id) {
        return invitations.find(Filters.and(Filters.eq(SurveyDocuments.ID, id), Filters.eq(SurveyDocuments.TENANT,
                        tenant))).collect().first()
                .map(document -> Optional.ofNullable(document).map(InvitationRepository::toTracked));
    }

    /**
     * A page of the survey's invitations, newest first, after {@code after} (null: from the newest): keyset paging,
     * like every listing here, so a campaign of thousands costs the same per page and new invitations do not shift it.
     */
    public Uni<List<Tracked>> findBySurvey(String tenant, String surveyId, Position after, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq(SurveyDocuments.TENANT, tenant),
                Filters.eq(SurveyDocuments.SURVEY_ID, surveyId)));
        if (after != null) {
            filters.add(SurveyRepository.after(CREATED_AT, after));
        }
        return invitations.find(Filters.and(filters), new FindOptions()
                        .sort(Sorts.descending(CREATED_AT, SurveyDocuments.ID)).limit(limit))
                .collect().asList()
                .map(documents -> documents.stream().map(InvitationRepository::toTracked).toList());
    }

    /**
     * The invitation an SMS from {@code phone} answers: the latest one sent to that number that is still open
     * (sent or opened, not answered, not expired), whatever the tenant (a reply names only the number).
     */
    public Uni<Optional<Invitation>> findOpenBySms(String phone, Instant now) {
        // Two reads by id (the number, then the invitation): a query on the number and status would scan every
        // invitation on the embedded server, which ignores secondary indexes.
        return smsNumbers.find(Filters.eq(SurveyDocuments.ID, phone)).collect().first()
                .chain(latest -> latest == null ? Uni.createFrom().item(Optional.<Tracked>empty())
                        : findById(latest.getString(SurveyDocuments.TENANT), latest.getString("invitationId")))
                .map(found -> found
                        .filter(tracked -> tracked.status() == InvitationStatus.SENT
                                || tracked.status() == InvitationStatus.OPENED)
                        .filter(tracked -> tracked.invitation().expiresAt().isAfter(now))
                        .map(Tracked::invitation));
    }

    /** The entry that points a phone number at its latest SMS invitation. */
    static Document smsNumber(Invitation invitation) {
        return new Document(SurveyDocuments.ID, invitation.address())
                .append(SurveyDocuments.TENANT, invitation.tenant())
                .append("invitationId", invitation.id())
                .append("createdAt", Date.from(invitation.createdAt()));
    }

    /** How many of the survey's invitations are in each status, per channel. */
    public Uni<Map<String, Map<String, Long>>> countByChannelAndStatus(String tenant, String surveyId) {
        return invitations.aggregate(List.of(
                        Aggregates.match(Filters.and(Filters.eq(SurveyDocuments.TENANT, tenant),
                                Filters.eq(SurveyDocuments.SURVEY_ID, surveyId))),
                        Aggregates.group(new Document(CHANNEL, "$" + CHANNEL).append(STATUS, "$" + STATUS),
                                Accumulators.sum("count", 1))))
                .collect().asList()
                .map(groups -> {
                    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
                    for (Document group : groups) {
                        Document key = group.get("_id", Document.class);
                        counts.computeIfAbsent(key.getString(CHANNEL), channel -> new LinkedHashMap<>())
                                .put(key.getString(STATUS), group.get("count", Number.class).longValue());
                    }
                    return counts;
                });
    }

    static Document toDocument(Invitation invitation) {
        Document document = new Document(SurveyDocuments.ID, invitation.id())
                .append(SurveyDocuments.TENANT, invitation.tenant())
                .append(SurveyDocuments.SURVEY_ID, invitation.surveyId())
                .append("campaignId", invitation.campaignId())
                .append(CHANNEL, invitation.channel().wireName())
                .append(ADDRESS, invitation.address())
                .append(CUSTOMER_ID, invitation.customerId())
                .append("locale", invitation.locale())
                .append(HIDDEN, new Document(new LinkedHashMap<>(invitation.hidden())))
                .append(STATUS, InvitationStatus.SCHEDULED.name())
                .append(STATUS_RANK, InvitationStatus.SCHEDULED.ordinal())
                .append(CREATED_AT, Date.from(invitation.createdAt()))
                .append("expiresAt", Date.from(invitation.expiresAt()));
        if (invitation.anonymisation() != null) {
            document.append(ErasureDocuments.MARK, ErasureDocuments.toDocument(invitation.anonymisation()));
        }
        return document;
    }

    /**
     * Takes what identified the customer from a stored invitation, as {@code anonymised} holds it, and marks it;
     * its status and dates stay.
     */
    static Document anonymisation(Invitation anonymised) {
        return new Document("$set", new Document(ADDRESS, anonymised.address())
                .append(CUSTOMER_ID, anonymised.customerId())
                .append(HIDDEN, new Document(new LinkedHashMap<>(anonymised.hidden())))
                .append(ErasureDocuments.MARK, ErasureDocuments.toDocument(anonymised.anonymisation())));
    }

    static Document statusUpdate(InvitationStatus status, String reason, Instant at) {
        Document set = new Document(STATUS, status.name()).append(STATUS_RANK, status.ordinal())
                .append(status.name().toLowerCase() + "At", Date.from(at == null ? Instant.now() : at));
        if (reason != null) {
            set.append("reason", reason);
        }
        return new Document("$set", set);
    }

    static Tracked toTracked(Document document) {
        Map<String, String> hidden = new LinkedHashMap<>();
        Document stored = document.get(HIDDEN, Document.class);
        if (stored != null) {
            stored.forEach((key, value) -> hidden.put(key, String.valueOf(value)));
        }
        Invitation invitation = new Invitation(document.getString(SurveyDocuments.ID),
                document.getString(SurveyDocuments.TENANT), document.getString(SurveyDocuments.SURVEY_ID),
                document.getString("campaignId"),
                InvitationChannel.fromWireName(document.getString(CHANNEL)).orElseThrow(),
                document.getString(ADDRESS), document.getString(CUSTOMER_ID), document.getString("locale"), hidden,
                document.getDate(CREATED_AT).toInstant(), document.getDate("expiresAt").toInstant(),
                ErasureDocuments.anonymisation(document));
        return new Tracked(invitation, InvitationStatus.valueOf(document.getString(STATUS)),
                document.getString("reason"));
    }
}
