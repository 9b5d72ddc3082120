package io.hearken.chaos;

import java.util.Map;

/**
 * What one kill did, checked against the load generator's record: the row of the reliability table.
 *
 * @param storedOnce          acknowledged responses stored exactly once by survey-service
 * @param storedLost          acknowledged responses survey-service does not have
 * @param storedDuplicated    acknowledged responses stored more than once
 * @param unacknowledgedKept  responses kept although the client never got a 2xx (the client gave up)
 * @param counted             responses insight-service counted in the phase's surveys
 * @param npsMatches          whether every survey's NPS equals the NPS of its acknowledged responses
 * @param onTimelinesOnce     acknowledged responses exactly once on their customer's timeline
 * @param timelineLost        acknowledged responses missing from the timeline
 * @param timelineDuplicated  acknowledged responses more than once on the timeline
 * @param dependentsWentDown  whether the services depending on the killed component reported not ready while it
 *                            was away and ready again after (null when nothing depends on it)
 * @param poison              for the poison phase: what was injected and what the dead-letter topic holds
 * @param invitations         for the survey-service and broker phases: whether invitations answered twice during
 *                            the kill were accepted once and stored once
 * @param profiles            for the profile-service and PostgreSQL phases: whether a merge and an erasure asked
 *                            during the kill completed exactly once
 * @param alerts              for the insight-service and PostgreSQL phases: whether every acknowledged detractor
 *                            response raised exactly one alert and case, announced, and nothing else did
 * @param webhooks            for the webhook-service, PostgreSQL and broker phases: whether every acknowledged
 *                            response reached a partner's endpoint under one message id
 * @param notStartedBecause   why the phase could not start, or null
 */
public record PhaseResult(
        String killed,
        long sent,
        long acknowledged,
        long rejected,
        long gaveUp,
        long storedOnce,
        long storedLost,
        long storedDuplicated,
        long unacknowledgedKept,
        long counted,
        boolean npsMatches,
        long onTimelinesOnce,
        long timelineLost,
        long timelineDuplicated,
        Map<String, Long> answers,
        Boolean dependentsWentDown,
        double recoverySeconds,
        double submissionGapSeconds,
        PoisonInjection.Result poison,
        InvitationCheck.Result invitations,
        ProfileCheck.Result profiles,
        AlertCheck.Result alerts,
        WebhookCheck.Result webhooks,
        String notStartedBecause) {

    /** A phase whose setup failed (its surveys could not be created, the platform did not answer): reported, not run. */
    public static PhaseResult notStarted(String killed, String reason) {
        return new PhaseResult(killed, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, Map.of(), null, 0, 0, null, null,
                null, null, null, reason);
    }

    /** The same result with the poison phase's dead-letter check. */
    public PhaseResult withPoison(PoisonInjection.Result check) {
        return new PhaseResult(killed, sent, acknowledged, rejected, gaveUp, storedOnce, storedLost, storedDuplicated,
                unacknowledgedKept, counted, npsMatches, onTimelinesOnce, timelineLost, timelineDuplicated, answers,
                dependentsWentDown, recoverySeconds, submissionGapSeconds, check, invitations, profiles, alerts,
                webhooks, notStartedBecause);
    }

    /** The same result with the check that invitations stayed single-use across the kill. */
    public PhaseResult withInvitations(InvitationCheck.Result check) {
        return new PhaseResult(killed, sent, acknowledged, rejected, gaveUp, storedOnce, storedLost, storedDuplicated,
                unacknowledgedKept, counted, npsMatches, onTimelinesOnce, timelineLost, timelineDuplicated, answers,
                dependentsWentDown, recoverySeconds, submissionGapSeconds, poison, check, profiles, alerts,
                webhooks, notStartedBecause);
    }

    /** The same result with the check that a merge and an erasure across the kill completed once. */
    public PhaseResult withProfiles(ProfileCheck.Result check) {
        return new PhaseResult(killed, sent, acknowledged, rejected, gaveUp, storedOnce, storedLost, storedDuplicated,
                unacknowledgedKept, counted, npsMatches, onTimelinesOnce, timelineLost, timelineDuplicated, answers,
                dependentsWentDown, recoverySeconds, submissionGapSeconds, poison, invitations, check, alerts,
                webhooks, notStartedBecause);
    }

    /** The same result with the check that alerts and cases were raised once across the kill. */
    public PhaseResult withAlerts(AlertCheck.Result check) {
        return new PhaseResult(killed, sent, acknowledged, rejected, gaveUp, storedOnce, storedLost, storedDuplicated,
                unacknowledgedKept, counted, npsMatches, onTimelinesOnce, timelineLost, timelineDuplicated, answers,
                dependentsWentDown, recoverySeconds, submissionGapSeconds, poison, invitations, profiles, check,
                webhooks, notStartedBecause);
    }

    /** The same result with the check that every acknowledged response reached a partner once, by message id. */
    public PhaseResult withWebhooks(WebhookCheck.Result check) {
        return new PhaseResult(killed, sent, acknowledged, rejected, gaveUp, storedOnce, storedLost, storedDuplicated,
                unacknowledgedKept, counted, npsMatches, onTimelinesOnce, timelineLost, timelineDuplicated, answers,
                dependentsWentDown, recoverySeconds, submissionGapSeconds, poison, invitations, profiles, alerts,
                check, notStartedBecause);
    }

    /** Client-visible errors: every answer that was not a 2xx, including timeouts and refused connections. */
    public long clientErrors() {
        return answers.entrySet().stream().filter(entry -> !entry.getKey().startsWith("2"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public boolean holds() {
        return rejected == 0 && gaveUp == 0 && storedLost == 0 && storedDuplicated == 0 && npsMatches && counted == acknowledged
                && timelineLost == 0 && timelineDuplicated == 0 && unacknowledgedKept == 0
                && !Boolean.FALSE.equals(dependentsWentDown) && notStartedBecause == null
                && (poison == null || poison.holds()) && (invitations == null || invitations.holds())
                && (profiles == null || profiles.holds()) && (alerts == null || alerts.holds())
                && (webhooks == null || webhooks.holds());
    }
}
