package io.hearken.survey.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An invitation of one customer to answer one survey over one channel. Its link carries a signed
 * {@link InvitationToken}: the respondent answers without logging in, and the answer is tied to the customer as a
 * verified identity. A response to it is accepted once ({@code status} follows it from scheduled to completed).
 * {@code hidden} holds the values of the survey's hidden fields for this customer (order id, store, agent); the
 * server fills them in, whatever the respondent's page sends. {@code anonymisation} is set once an erasure took the
 * customer's address, id and hidden values (null for every new invitation).
 */
public record Invitation(String id, String tenant, String surveyId, String campaignId, InvitationChannel channel,
                         String address, String customerId, String locale, Map<String, String> hidden,
                         Instant createdAt, Instant expiresAt, Anonymisation anonymisation) {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}");
    /** E.164: a plus, a country code and at most 15 digits. */
    static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    static final Duration LONGEST_VALIDITY = Duration.ofDays(90);

    /**
     * The invitations a distribution makes, one per recipient, or every field at fault: the survey must be active,
     * each recipient needs a customer id and an address for the channel, a language the survey offers, and values
     * only for hidden fields the latest version has.
     */
    public static List<Invitation> plan(Survey survey, SurveyVersion version, InviteRecipients command, Instant now) {
        survey.versionAnswered(null);
        Problems problems = new Problems();
        if (command.channel() == null) {
            problems.add("channel", "must be one of " + List.of(InvitationChannel.values()));
        }
        Duration validity = command.validFor() == null ? Duration.ofDays(14) : command.validFor();
        if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_VALIDITY) > 0) {
            problems.add("validForDays", "must be from 1 to " + LONGEST_VALIDITY.toDays() + " days");
        }
        if (command.recipients() == null || command.recipients().isEmpty()) {
            problems.add("recipients", "must list at least one recipient");
        }
        problems.throwIfAny();
        Set<String> hiddenFields = version.content().questions().stream()
                .filter(question -> question.type() == QuestionType.HIDDEN)
                .map(Question::id)
                .collect(Collectors.toSet());
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        String campaign = command.campaignId() == null ? UUID.randomUUID().toString() : command.campaignId();
        List<Invitation> invitations = new ArrayList<>();
        for (int index = 0; index < command.recipients().size(); index++) {
            InviteRecipients.Recipient recipient = command.recipients().get(index);
            String field = "recipients[" + index + "]";
            if (recipient == null) {
                problems.add(field, "must not be null");
                continue;
            }
            String given = command.channel() == InvitationChannel.EMAIL ? recipient.email() : recipient.phone();
            String address = given == null ? null : given.trim();
            if (recipient.customerId() == null || !CUSTOMER_ID.matcher(recipient.customerId()).matches()) {
                problems.add(field + ".customerId", "must be 1 to 128 letters, digits or . _ : @ -");
            }
            if (command.channel() == InvitationChannel.EMAIL && (address == null || !EMAIL.matcher(address).matches())) {
                problems.add(field + ".email", "must be an email address to invite by email");
            }
            if (command.channel() == InvitationChannel.SMS && (address == null || !PHONE.matcher(address).matches())) {
                problems.add(field + ".phone", "must be an E.164 number (+819012345678) to invite by SMS");
            }
            String locale = recipient.locale() == null ? version.content().language() : recipient.locale();
            if (!version.content().offeredLanguages().contains(locale)) {
                problems.add(field + ".locale", "this survey is offered in " + version.content().offeredLanguages());
            }
            Map<String, String> hidden = recipient.hidden() == null ? Map.of() : recipient.hidden();
            hidden.forEach((questionId, value) -> {
                if (!hiddenFields.contains(questionId)) {
                    problems.add(field + ".hidden." + questionId, "is not a hidden field of the survey "
                            + hiddenFields);
                } else if (value == null || value.length() > 500) {
                    problems.add(field + ".hidden." + questionId, "must be a text of at most 500 characters");
                }
            });
            String normalised = address == null || command.channel() != InvitationChannel.EMAIL ? address
                    : address.toLowerCase();
            invitations.add(new Invitation(UUID.randomUUID().toString(), survey.tenant(), survey.id(), campaign,
                    command.channel(), normalised, recipient.customerId(), locale, new LinkedHashMap<>(hidden), at,
                    at.plus(validity), null));
        }
        problems.throwIfAny();
        return invitations;
    }

    /**
     * This invitation once its customer is erased: no address, customer id or hidden values. Its id, survey,
     * channel and dates stay, so the survey's invitation statistics still add up.
     */
    public Invitation anonymisedBy(Erasure erasure) {
        return new Invitation(id, tenant, surveyId, campaignId, channel, null, null, locale, Map.of(), createdAt,
                expiresAt, erasure.anonymisation());
    }

    /** The token its link carries. */
    public InvitationToken token() {
        return new InvitationToken(id, tenant, surveyId, customerId, channel.wireName(), locale,
                expiresAt.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Who answers through this invitation: the invited customer, proven by the signed link. */
    public Respondent respondent() {
        return new Respondent(channel == InvitationChannel.EMAIL ? address : null,
                channel == InvitationChannel.SMS ? address : null, customerId, true);
    }

    /**
     * A respondent's submission turned into this invitation's: the invited customer answers, on the invitation's
     * channel, with the hidden values the invitation holds (a respondent's page cannot change them).
     */
    public SubmitResponse answeredBy(SubmitResponse submission) {
        Map<String, Object> answers = new LinkedHashMap<>(submission.answers() == null ? Map.of()
                : submission.answers());
        answers.putAll(hidden);
        return new SubmitResponse(surveyId, submission.surveyVersion(), Optional.of(idempotencyKey()),
                channel.wireName(), submission.language() == null ? locale : submission.language(),
                submission.touchpoint(), submission.journeyStage(), respondent(), answers, submission.context(),
                submission.answeredAt(), id, submission.partial());
    }

    /** One response per invitation: its id follows from the invitation, so a retry is the same response. */
    public IdempotencyKey idempotencyKey() {
        return new IdempotencyKey("invitation-" + id);
    }
}
