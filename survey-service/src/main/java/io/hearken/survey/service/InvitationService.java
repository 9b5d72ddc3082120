package io.hearken.survey.service;

import com.mongodb.MongoException;
import io.hearken.common.problem.ProblemException;
import io.hearken.survey.config.InvitationsConfig;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.InvitationStatus;
import io.hearken.survey.domain.InvitationToken;
import io.hearken.survey.domain.InvitationUpdate;
import io.hearken.survey.domain.InviteRecipients;
import io.hearken.survey.domain.RuleViolation;
import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.messaging.EventJournal;
import io.hearken.survey.repository.InvitationRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Distributes surveys as invitations and answers for them: a distribution is kept once every invitation of it is on
 * {@code hearken.invitations} (the sender works from there), a link is opened by its signed token, and a response
 * to an invitation is the invited customer's, once.
 */
@ApplicationScoped
public class InvitationService {

    /** Appends in flight per distribution: enough to hide the broker's latency, few enough to share the producer. */
    private static final int APPENDS_IN_FLIGHT = 256;

    private final SurveyService surveys;
    private final EventJournal journal;
    private final InvitationRepository repository;
    private final InvitationLinks links;
    private final InvitationsConfig config;

    public InvitationService(SurveyService surveys, EventJournal journal, InvitationRepository repository,
                             InvitationLinks links, InvitationsConfig config) {
        this.surveys = surveys;
        this.journal = journal;
        this.repository = repository;
        this.links = links;
        this.config = config;
    }

    /** What a distribution kept: its campaign and how many invitations. */
    public record Distribution(String campaignId, int invited) {
    }

    public Uni<Distribution> invite(String tenant, InviteRecipients command) {
        if (command.recipients() != null && command.recipients().size() > config.maxRecipients()) {
            return Uni.createFrom().failure(ProblemException.invalidField("recipients", "must list at most "
                    + config.maxRecipients() + " recipients; send a larger list in parts with one campaignId"));
        }
        return surveys.getWithLatestVersion(tenant, command.surveyId())
                .map(change -> {
                    SurveyVersion version = change.published().orElseThrow(() -> ProblemException.conflict(
                            "Survey '" + command.surveyId() + "' is not published yet."));
                    try {
                        return Invitation.plan(change.survey(), version, command, Instant.now());
                    } catch (RuleViolation violation) {
                        throw Violations.toProblem(violation);
                    }
                })
                .chain(invitations -> Multi.createFrom().iterable(invitations)
                        .onItem().transformToUni(journal::append).merge(APPENDS_IN_FLIGHT)
                        .collect().last()
                        .replaceWith(new Distribution(invitations.get(0).campaignId(), invitations.size())));
    }

    /**
     * The invitation a link's token names, as the projection holds it; following the link marks it opened. An
     * invitation the projection does not hold yet (just created) is 503: the respondent's page retries.
     */
    public Uni<InvitationRepository.Tracked> open(String token) {
        return resolve(token).call(tracked -> tracked.status().isAfter(InvitationStatus.OPENED)
                || tracked.status() == InvitationStatus.OPENED
                ? Uni.createFrom().voidItem()
                : journal.append(InvitationUpdate.of(tracked.invitation(), InvitationStatus.OPENED, null,
                        Instant.now())));
    }

    /** The invitation a token names, checked: signature, expiry, and known to the projection. */
    public Uni<InvitationRepository.Tracked> resolve(String token) {
        InvitationToken verified;
        try {
            verified = links.verify(token);
        } catch (ProblemException problem) {
            return Uni.createFrom().failure(problem);
        }
        return repository.findById(verified.tenant(), verified.invitationId())
                .onFailure(MongoException.class).transform(failure -> ProblemException.unavailable(
                        "Invitations cannot be read right now; nothing was kept.", 2))
                .map(found -> found.orElseThrow(() -> ProblemException.unavailable(
                        "This invitation is not ready yet; try again in a moment.", 2)));
    }

    /** Per channel: how many invitations are in each status, and the response rate (completed of sent). */
    public Uni<Map<String, Map<String, Long>>> statistics(String tenant, String surveyId) {
        return surveys.get(tenant, surveyId).chain(survey -> repository.countByChannelAndStatus(tenant, surveyId));
    }

    /** A page of the survey's invitations, newest first, after the listing token {@code after}. */
    public Uni<List<InvitationRepository.Tracked>> list(String tenant, String surveyId, String after, int limit) {
        return surveys.get(tenant, surveyId).chain(survey -> repository.findBySurvey(tenant, surveyId,
                ListingCursor.decode(ListingCursor.INVITATIONS, after), limit));
    }

    public Uni<InvitationRepository.Tracked> get(String tenant, String surveyId, String invitationId) {
        return repository.findById(tenant, invitationId)
                .map(found -> found.filter(tracked -> tracked.invitation().surveyId().equals(surveyId))
                        .orElseThrow(() -> ProblemException.notFound("Invitation", invitationId)));
    }

    /** Invitations listed in a statistics answer. */
    public static List<InvitationStatus> statuses() {
        return List.of(InvitationStatus.values());
    }
}
