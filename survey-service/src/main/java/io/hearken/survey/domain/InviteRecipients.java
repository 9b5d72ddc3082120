package io.hearken.survey.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A distribution of a survey to a list of customers over one channel; invitations expire after {@code validFor}
 * (14 days by default). {@code campaignId} groups several distributions (a large list sent in parts).
 */
public record InviteRecipients(String surveyId, InvitationChannel channel, Duration validFor, String campaignId,
                               List<Recipient> recipients) {

    /** One customer to invite: an id, the address for the channel, a language, hidden field values. */
    public record Recipient(String customerId, String email, String phone, String locale,
                            Map<String, String> hidden) {
    }
}
