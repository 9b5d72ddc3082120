package io.hearken.profile.service;

import io.hearken.common.problem.ProblemException;
import io.hearken.profile.config.ProfileServiceConfig;
import io.hearken.profile.domain.ConsentChannel;
import io.hearken.profile.domain.ConsentPurpose;
import io.hearken.profile.domain.ConsentRecord;
import io.hearken.profile.domain.ConsentStatus;
import io.hearken.profile.domain.ContactRules.ContactDecision;
import io.hearken.profile.domain.ContactRules.FrequencyCap;
import io.hearken.profile.domain.ContactRules;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityHash;
import io.hearken.profile.messaging.ProfileEvents;
import io.hearken.profile.repository.ConsentRepository;
import io.hearken.profile.repository.ErasureRepository;
import io.hearken.profile.repository.IdentityRepository;
import io.hearken.profile.repository.TouchpointRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Consent per channel and purpose with its history, the tenant's contact cap, and the contact check. */
@ApplicationScoped
public class ConsentService {

    private final ConsentRepository consents;
    private final IdentityRepository identities;
    private final TouchpointRepository touchpoints;
    private final ErasureRepository erasures;
    private final ProfileLookup lookup;
    private final ProfileEvents events;
    private final ProfileServiceConfig config;

    public ConsentService(ConsentRepository consents, IdentityRepository identities, TouchpointRepository touchpoints,
                          ErasureRepository erasures, ProfileLookup lookup, ProfileEvents events,
                          ProfileServiceConfig config) {
        this.consents = consents;
        this.identities = identities;
        this.touchpoints = touchpoints;
        this.erasures = erasures;
        this.lookup = lookup;
        this.events = events;
        this.config = config;
    }

    /** A consent decision to record: what the customer said, where, who recorded it, and the wording shown. */
    public record RecordConsent(String channel, String purpose, String status, String source, String actor,
                                String wording) {
    }

    public Uni<UUID> record(String tenant, UUID id, RecordConsent command) {
        ConsentChannel channel = channel(command.channel(), "channel");
        ConsentPurpose purpose = purpose(command.purpose(), "purpose");
        ConsentStatus status = ConsentStatus.fromWire(command.status()).orElseThrow(() ->
                ProblemException.invalidField("status", "must be granted or opted-out"));
        if (command.source() == null || command.source().isBlank()) {
            throw ProblemException.invalidField("source", "must say where the customer said so (e.g. "
                    + "preference-centre, call-centre, checkout)");
        }
        return Conflicts.inTransaction(() -> lookup.lockForWrite(tenant, id).chain(live -> {
            Instant now = ProfileService.now();
            return consents.record(live, channel.wireName(), purpose.wireName(), status.name(), command.source(),
                            command.actor(), command.wording(), now)
                    .chain(() -> events.changed(tenant, live, List.of("consent"), now))
                    .replaceWith(live);
        }));
    }

    public Uni<List<ConsentRecord>> history(String tenant, UUID id) {
        return Panache.withSession(() -> lookup.read(tenant, id).chain(profile -> consents.history(profile.id)));
    }

    /**
     * May the customer with this identity be contacted now on the channel for the purpose? An unknown customer is
     * {@link Optional#empty()} (the API answers 404: nothing forbids it), unless the identity was erased.
     */
    public Uni<Optional<ContactDecision>> check(String tenant, Identity identity, String channelName,
                                                String purposeName) {
        ConsentChannel channel = channel(channelName, "channel");
        ConsentPurpose purpose = purpose(purposeName, "purpose");
        Instant now = ProfileService.now();
        return Panache.withSession(() -> erasures.erasedAt(tenant, List.of(IdentityHash.of(tenant, identity)))
                .chain(erasedAt -> {
                    if (erasedAt.isPresent()) {
                        return Uni.createFrom().item(Optional.of(ContactRules.decide(true, null, false, 0,
                                new FrequencyCap(0, 0))));
                    }
                    return identities.findIdentity(tenant, identity, true)
                            .chain(verified -> verified != null ? Uni.createFrom().item(verified)
                                    : identities.findIdentity(tenant, identity, false))
                            .chain(held -> held == null ? Uni.createFrom().item(Optional.<ContactDecision>empty())
                                    : decide(tenant, held.profileId, channel, purpose, now).map(Optional::of));
                }));
    }

    private Uni<ContactDecision> decide(String tenant, UUID profileId, ConsentChannel channel,
                                        ConsentPurpose purpose, Instant now) {
        return cap(tenant).chain(cap -> consents.current(profileId).chain(current -> {
            ConsentStatus status = current.stream()
                    .filter(consent -> consent.channel().equals(channel.wireName())
                            && consent.purpose().equals(purpose.wireName()))
                    .map(consent -> ConsentStatus.valueOf(consent.status()))
                    .findFirst().orElse(null);
            return touchpoints.contactsSince(profileId, TimelineService.CONTACTED,
                            now.minus(cap.perDays(), ChronoUnit.DAYS))
                    .map(contacts -> ContactRules.decide(false, status,
                            config.contact().impliedPurposes().contains(purpose.wireName()), contacts, cap));
        }));
    }

    public Uni<FrequencyCap> contactCap(String tenant) {
        return Panache.withSession(() -> cap(tenant));
    }

    private Uni<FrequencyCap> cap(String tenant) {
        return consents.contactCap(tenant).map(set -> set.orElse(new FrequencyCap(
                config.contact().defaultMaxContacts(), config.contact().defaultPerDays())));
    }

    public Uni<FrequencyCap> setContactCap(String tenant, int maxContacts, int perDays) {
        if (maxContacts < 0 || maxContacts > 1000) {
            throw ProblemException.invalidField("maxContacts", "must be from 0 to 1000");
        }
        if (perDays < 1 || perDays > 3650) {
            throw ProblemException.invalidField("perDays", "must be from 1 to 3650");
        }
        return Conflicts.inTransaction(() -> consents.setContactCap(tenant, maxContacts, perDays,
                ProfileService.now())).replaceWith(new FrequencyCap(maxContacts, perDays));
    }

    static ConsentChannel channel(String name, String field) {
        return ConsentChannel.fromWire(name).orElseThrow(() -> ProblemException.invalidField(field,
                "unknown channel \"" + name + "\" (email, sms, push, phone)"));
    }

    static ConsentPurpose purpose(String name, String field) {
        return ConsentPurpose.fromWire(name).orElseThrow(() -> ProblemException.invalidField(field,
                "unknown purpose \"" + name + "\" (surveys, marketing)"));
    }
}
