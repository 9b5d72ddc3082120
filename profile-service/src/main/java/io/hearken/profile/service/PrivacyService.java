package io.hearken.profile.service;

import io.hearken.common.events.ProfileErased;
import io.hearken.common.problem.ProblemException;
import io.hearken.profile.domain.Identity;
import io.hearken.profile.domain.IdentityHash;
import io.hearken.profile.domain.IdentityKind;
import io.hearken.profile.messaging.ProfileEvents;
import io.hearken.profile.repository.ErasureRepository.ErasureRow;
import io.hearken.profile.repository.ErasureRepository.Receipt;
import io.hearken.profile.repository.ErasureRepository;
import io.hearken.profile.repository.IdentityRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erasure: the profile and everything it holds are deleted in one transaction that also keeps the erased
 * identities' hashes and writes {@code hearken.profile.erased.v1} to the outbox; survey-service and insight-service
 * apply it and send receipts, which {@link #status} shows per service. Asking again for the same profile answers
 * the same erasure.
 */
@ApplicationScoped
public class PrivacyService {

    public static final String SELF = "profile-service";
    /** The services that must send a receipt before an erasure is complete. */
    public static final List<String> SERVICES = List.of(SELF, "survey-service", "insight-service");

    private final ErasureRepository erasures;
    private final IdentityRepository identities;
    private final ProfileLookup lookup;
    private final ProfileEvents events;

    public PrivacyService(ErasureRepository erasures, IdentityRepository identities, ProfileLookup lookup,
                          ProfileEvents events) {
        this.erasures = erasures;
        this.identities = identities;
        this.lookup = lookup;
        this.events = events;
    }

    /** An erasure and the receipts so far. */
    public record ErasureStatus(ErasureRow erasure, List<Receipt> receipts) {
        public boolean isComplete() {
            return SERVICES.stream().allMatch(service -> receipts.stream()
                    .anyMatch(receipt -> receipt.service().equals(service)));
        }
    }

    public Uni<UUID> erase(String tenant, UUID id, String actor) {
        return Conflicts.inTransaction(() -> erasures.findByProfile(tenant, id).chain(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().item(existing.get().id());
            }
            return lookup.lockForWrite(tenant, id).chain(live -> erasures.findByProfile(tenant, live)
                    .chain(again -> again.isPresent() ? Uni.createFrom().item(again.get().id())
                            : eraseLive(tenant, live, actor)));
        }));
    }

    private Uni<UUID> eraseLive(String tenant, UUID profileId, String actor) {
        Instant now = ProfileService.now();
        UUID erasureId = UUID.randomUUID();
        return identities.findByProfile(profileId).chain(held -> {
            List<Identity> erased = held.stream()
                    .map(identity -> new Identity(IdentityKind.fromWire(identity.kind).orElseThrow(), identity.value))
                    .distinct().toList();
            Uni<Void> remember = Uni.createFrom().voidItem();
            for (Identity identity : erased) {
                remember = remember.chain(() -> erasures.rememberErased(tenant, identity.kind().wireName(),
                        IdentityHash.of(tenant, identity), now).replaceWithVoid());
            }
            ProfileErased event = new ProfileErased(erasureId.toString(), tenant, profileId.toString(),
                    erased.stream().map(identity -> new ProfileErased.Identity(identity.kind().wireName(),
                            identity.value())).toList(), now);
            return remember
                    .chain(() -> erasures.deleteProfile(profileId))
                    .chain(deleted -> erasures.record(new ErasureRow(erasureId, tenant, profileId, actor, now,
                            deleted)).replaceWith(deleted))
                    .chain(deleted -> erasures.receive(erasureId, SELF, deleted, now))
                    .chain(() -> events.erased(event))
                    .replaceWith(erasureId);
        });
    }

    public Uni<ErasureStatus> status(String tenant, UUID erasureId) {
        return Panache.withSession(() -> erasures.find(tenant, erasureId).chain(found -> {
            ErasureRow erasure = found.orElseThrow(() -> ProblemException.notFound("Erasure", erasureId.toString()));
            return erasures.receipts(erasureId).map(receipts -> new ErasureStatus(erasure, receipts));
        }));
    }

    /** Keeps a service's receipt (once; a receipt for an unknown erasure is ignored). */
    public Uni<Integer> receive(String tenant, UUID erasureId, String service, long items, Instant at) {
        return Conflicts.inTransaction(() -> erasures.find(tenant, erasureId)
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(0)
                        : erasures.receive(erasureId, service, items, at)));
    }
}
