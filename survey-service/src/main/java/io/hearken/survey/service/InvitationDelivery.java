package io.hearken.survey.service;

import io.hearken.survey.client.ContactPolicy;
import io.hearken.survey.client.SmsProvider;
import io.hearken.survey.config.InvitationsConfig;
import io.hearken.survey.domain.Erasure;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.domain.InvitationChannel;
import io.hearken.survey.domain.InvitationStatus;
import io.hearken.survey.domain.InvitationUpdate;
import io.hearken.survey.domain.InvitationWording;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.domain.Translations;
import io.hearken.survey.messaging.EventJournal;
import io.hearken.survey.repository.ErasureRepository;
import io.hearken.survey.repository.SendClaims;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Sends invitations, one at a time at the configured pace, from the sender's own thread (it blocks). Each is sent
 * at most once in the ordinary course ({@link SendClaims}); an invitation whose customer was erased since it was
 * made, whose survey no longer takes responses, or that expired before its turn came, is skipped with the reason
 * recorded; one the channel refuses for good is failed. Every outcome is appended to {@code hearken.invitations},
 * where the projection and the statistics read it.
 */
@ApplicationScoped
public class InvitationDelivery {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final InvitationsConfig config;
    private final InvitationLinks links;
    private final SurveyCatalog catalog;
    private final SendClaims sends;
    private final ReactiveMailer mailer;
    private final SmsProvider sms;
    private final EventJournal journal;
    private final MeterRegistry metrics;
    private final ContactPolicy contacts;
    private final ErasureRepository erasures;
    private final long intervalNanos;
    private long nextSendNanos = System.nanoTime();

    public InvitationDelivery(InvitationsConfig config, InvitationLinks links, SurveyCatalog catalog,
                              SendClaims sends, ReactiveMailer mailer, SmsProvider sms, EventJournal journal,
                              MeterRegistry metrics, ContactPolicy contacts, ErasureRepository erasures) {
        this.contacts = contacts;
        this.erasures = erasures;
        this.config = config;
        this.links = links;
        this.catalog = catalog;
        this.sends = sends;
        this.mailer = mailer;
        this.sms = sms;
        this.journal = journal;
        this.metrics = metrics;
        this.intervalNanos = (long) (1_000_000_000L / config.sendRate());
    }

    /** Sends one invitation unless it was sent already; throws when it should be tried again later. */
    public void deliver(Invitation invitation) throws Exception {
        Duration wait = config.sendTimeout();
        if (Boolean.TRUE.equals(sends.wasSent(invitation.id()).await().atMost(wait))) {
            return;
        }
        // A campaign is sent over hours: a customer erased meanwhile must not be contacted by what is left of it.
        List<Erasure> naming = erasures.naming(invitation.tenant(), Erasure.identitiesOf(invitation))
                .await().atMost(wait);
        if (naming.stream().anyMatch(erasure -> erasure.covers(invitation))) {
            record(invitation, InvitationStatus.SKIPPED, "its customer was erased");
            return;
        }
        Instant now = Instant.now();
        if (!now.isBefore(invitation.expiresAt())) {
            record(invitation, InvitationStatus.SKIPPED, "expired before it could be sent");
            return;
        }
        Optional<Survey> survey = catalog.find(invitation.surveyId()).await().atMost(wait);
        if (survey.isEmpty() || !survey.get().takesResponses()) {
            record(invitation, InvitationStatus.SKIPPED, "the survey takes no responses ("
                    + survey.map(found -> found.status().name()).orElse("not found") + ")");
            return;
        }
        ContactPolicy.Decision decision = contacts.decide(invitation).await().atMost(wait);
        if (!decision.allowed()) {
            record(invitation, InvitationStatus.SKIPPED, "contact rules: " + decision.reason());
            return;
        }
        Optional<SurveyVersion> version = catalog.version(invitation.surveyId(), survey.get().publishedVersion())
                .await().atMost(wait);
        if (version.isEmpty()) {
            throw new IllegalStateException("version " + survey.get().publishedVersion() + " of survey "
                    + invitation.surveyId() + " is not readable yet");
        }
        pace();
        sends.sending(invitation.id(), now).await().atMost(wait);
        try {
            send(invitation, version.get());
        } catch (SmsProvider.Refused refused) {
            sends.sent(invitation.id(), Instant.now()).await().atMost(wait);
            record(invitation, InvitationStatus.FAILED, refused.getMessage());
            return;
        }
        sends.sent(invitation.id(), Instant.now()).await().atMost(wait);
        record(invitation, InvitationStatus.SENT, decision.reason());
    }

    private void send(Invitation invitation, SurveyVersion version) throws Exception {
        String link = links.linkFor(invitation);
        String locale = invitation.locale();
        if (invitation.channel() == InvitationChannel.EMAIL) {
            String subject = Translations.in(version.content().title(), locale, version.content().language());
            String body = InvitationWording.emailBody(locale, link, DAY.format(invitation.expiresAt()));
            mailer.send(Mail.withText(invitation.address(), subject, body)
                            .addHeader("Message-ID", "<invitation-" + invitation.id() + "@hearken>"))
                    .await().atMost(config.sendTimeout());
        } else {
            sms.send(invitation.address(), InvitationWording.smsBody(locale, version.content(), link),
                    invitation.id());
        }
        metrics.counter("hearken.invitations.sent", "channel", invitation.channel().wireName()).increment();
    }

    private void record(Invitation invitation, InvitationStatus status, String reason) {
        if (status == InvitationStatus.SKIPPED || status == InvitationStatus.FAILED) {
            Log.infof("Invitation %s of survey %s (tenant %s) %s: %s", invitation.id(), invitation.surveyId(),
                    invitation.tenant(), status, reason);
        }
        journal.append(InvitationUpdate.of(invitation, status, reason, Instant.now()))
                .await().atMost(config.sendTimeout().plusSeconds(5));
    }

    /** Waits for this invitation's turn: a steady pace, not bursts, is what mail servers and providers accept. */
    private void pace() throws InterruptedException {
        long now = System.nanoTime();
        long wait = nextSendNanos - now;
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        nextSendNanos = Math.max(now, nextSendNanos) + intervalNanos;
    }
}
