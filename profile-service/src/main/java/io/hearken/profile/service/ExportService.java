package io.hearken.profile.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.client.SurveyResponsesApi;
import io.hearken.profile.domain.ConsentRecord;
import io.hearken.profile.domain.TimelineFilter;
import io.hearken.profile.domain.Touchpoint;
import io.hearken.profile.repository.ConsentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything Hearken holds about one customer, as one document: the profile (identities, traits, consent and its
 * history, the whole timeline) from here, and each of their responses as survey-service keeps it, asked through
 * its API. insight-service keeps no per-customer data (its scores are counts). An export is whole or it fails:
 * if survey-service cannot answer, the caller gets 503 and asks again, never a silently partial document.
 */
@ApplicationScoped
public class ExportService {

    private static final int PAGE = 500;

    private final ProfileService profiles;
    private final ConsentRepository consents;
    private final SurveyResponsesApi surveys;

    public ExportService(ProfileService profiles, ConsentRepository consents,
                         @RestClient SurveyResponsesApi surveys) {
        this.profiles = profiles;
        this.consents = consents;
        this.surveys = surveys;
    }

    /** The parts of an export; the API turns it into its document. */
    public record CustomerExport(ProfileDetails profile, List<Touchpoint> timeline,
                                 List<ConsentRecord> consentHistory, List<JsonNode> responses) {
    }

    public Uni<CustomerExport> export(String tenant, UUID id) {
        return profiles.details(tenant, id).chain(details -> wholeTimeline(tenant, id, null, new ArrayList<>())
                .chain(timeline -> Panache.withSession(() -> consents.history(id))
                        .chain(history -> responses(tenant, timeline)
                                .map(responses -> new CustomerExport(details, timeline, history, responses)))));
    }

    private Uni<List<Touchpoint>> wholeTimeline(String tenant, UUID id, String cursor, List<Touchpoint> so) {
        return profiles.timeline(tenant, id, TimelineFilter.ANY, cursor, PAGE).chain(page -> {
            so.addAll(page.touchpoints());
            return page.nextCursor() == null ? Uni.createFrom().item(so)
                    : wholeTimeline(tenant, id, page.nextCursor(), so);
        });
    }

    private Uni<List<JsonNode>> responses(String tenant, List<Touchpoint> timeline) {
        List<Touchpoint> answered = timeline.stream()
                .filter(touchpoint -> touchpoint.surveyId != null && touchpoint.responseId != null).toList();
        return Multi.createFrom().iterable(answered)
                .onItem().transformToUniAndConcatenate(touchpoint -> surveys.response(tenant, touchpoint.surveyId,
                                touchpoint.responseId)
                        .ifNoItem().after(Duration.ofSeconds(5)).fail()
                        .onFailure(failure -> !(failure instanceof WebApplicationException web
                                && web.getResponse().getStatus() == 404))
                        .retry().withBackOff(Duration.ofMillis(200)).atMost(2)
                        .onFailure(WebApplicationException.class).recoverWithUni(failure ->
                                ((WebApplicationException) failure).getResponse().getStatus() == 404
                                        ? Uni.createFrom().nullItem() : Uni.createFrom().failure(failure)))
                // A response survey-service no longer has (404) is left out: Mutiny drops the null.
                .collect().asList()
                .onFailure().transform(failure -> ProblemException.unavailable("survey-service did not give this "
                        + "customer's responses, so the export would be incomplete: ask again.", 5));
    }
}
