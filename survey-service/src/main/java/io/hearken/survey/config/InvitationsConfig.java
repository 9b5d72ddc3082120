package io.hearken.survey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** How survey invitations are signed, sent and answered ({@code hearken.invitations.*}). */
@ConfigMapping(prefix = "hearken.invitations")
public interface InvitationsConfig {

    /**
     * Start of every invitation link: the respondent page, which gets {@code /<surveyId>?invitation=<token>}
     * appended ({@code HEARKEN_INVITATION_LINK_BASE_URL}).
     */
    @WithDefault("http://localhost:8080/respond")
    String linkBaseUrl();

    /** Id of the key new invitation tokens are signed with; it is named in each token. */
    @WithDefault("k1")
    String signingKeyId();

    /**
     * The signing secret, base64 of at least 32 random bytes ({@code HEARKEN_INVITATION_SIGNING_KEY}); keep it in a
     * secret store: whoever has it can forge invitations.
     */
    String signingKey();

    /** Earlier keys (id to base64 secret) that still verify the tokens they signed until those expire. */
    Map<String, String> retiredKeys();

    /** Most invitations sent per second by one instance: SMTP servers and SMS providers throttle bulk senders. */
    @WithDefault("20")
    double sendRate();

    /** Most recipients in one distribution request. */
    @WithDefault("5000")
    int maxRecipients();

    /** Longest wait for the mail server or SMS provider to take one message. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * Whether each invitation is first checked with profile-service (consent per channel, the tenant's
     * contact-frequency cap), on by default ({@code HEARKEN_CONTACT_CHECK}); where it is off, every invitation is
     * sent and the decision says it was not checked.
     */
    @WithDefault("true")
    boolean contactCheck();

    /** The SMS provider. */
    Sms sms();

    interface Sms {
        /** Base URL of the provider's API; messages are POSTed to {@code <url>/v1/messages} ({@code SMS_PROVIDER_URL}). */
        @WithDefault("http://127.0.0.1:8026")
        String providerUrl();

        /** The number invitations are sent from, and which replies come back to. */
        @WithDefault("+15550100000")
        String from();

        /**
         * The provider account's auth token, which signs the replies it posts to us ({@code X-Twilio-Signature};
         * {@code HEARKEN_SMS_AUTH_TOKEN}).
         */
        String authToken();

        /**
         * The public URL the provider posts replies to, exactly as configured there: the signature covers it
         * ({@code HEARKEN_SMS_INBOUND_URL}).
         */
        @WithDefault("http://localhost:8080/api/v1/public/sms/inbound")
        String inboundUrl();
    }
}
