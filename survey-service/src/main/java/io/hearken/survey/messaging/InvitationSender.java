package io.hearken.survey.messaging;

import io.hearken.common.consumer.EventConsumers;
import io.hearken.common.consumer.EventHandler;
import io.hearken.common.consumer.PermanentEventFailure;
import io.hearken.common.events.EventRecords;
import io.hearken.common.events.EventTypes;
import io.hearken.common.events.InvitationEvent;
import io.hearken.common.events.Topics;
import io.hearken.survey.config.SurveyServiceConfig;
import io.hearken.survey.domain.Invitation;
import io.hearken.survey.service.InvitationDelivery;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Set;

/**
 * Sends the invitations on {@code hearken.invitations} in the shared consumer loop: the topic is the schedule, so an
 * acknowledged distribution is sent even if this process dies halfway (the loop resumes from its committed
 * position, and {@link InvitationDelivery} skips what was sent). A mail server or SMS provider that is away holds the
 * schedule (retried with backoff, in order) instead of losing invitations.
 */
@ApplicationScoped
public class InvitationSender implements EventHandler<Invitation> {

    static final String CONSUMER = "invitation-sender";

    private final EventConsumers consumers;
    private final InvitationDelivery delivery;
    private final SurveyServiceConfig config;

    public InvitationSender(EventConsumers consumers, InvitationDelivery delivery, SurveyServiceConfig config) {
        this.consumers = consumers;
        this.delivery = delivery;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.projection().enabled()) {
            consumers.start(CONSUMER, List.of(Topics.INVITATIONS), this);
        }
    }

    @Override
    public Invitation read(ConsumerRecord<byte[], byte[]> record) {
        if (EventTypes.INVITATION_UPDATED.equals(EventRecords.type(record))) {
            return null;
        }
        InvitationEvent event = EventRecords.read(record, InvitationEvent.class,
                Set.of(EventTypes.INVITATION_CREATED, EventTypes.INVITATION_UPDATED));
        if (event == null) {
            throw new PermanentEventFailure("invitation event without data");
        }
        return InvitationEvents.invitation(event);
    }

    @Override
    public void apply(List<Invitation> invitations) throws Exception {
        for (Invitation invitation : invitations) {
            delivery.deliver(invitation);
        }
    }
}
