package io.hearken.profile.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ResolutionTest {

    private static final Identity CUSTOMER = new Identity(IdentityKind.CUSTOMER_ID, "C-1001");
    private static final Identity EMAIL = new Identity(IdentityKind.EMAIL, "mika@example.com");
    private static final Identity EVIL = new Identity(IdentityKind.EMAIL, "evil@example.com");
    private static final Identity PHONE = new Identity(IdentityKind.PHONE, "+819012345678");
    private static final UUID OLD = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID NEW = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-06-01T00:00:00Z");

    private static IdentityClaim claimed(Identity... identities) {
        return new IdentityClaim(List.of(identities), Trust.CLAIMED, "response-form");
    }

    private static IdentityClaim verified(Identity... identities) {
        return new IdentityClaim(List.of(identities), Trust.VERIFIED, "invitation");
    }

    @Test
    void aClaimNamingAVerifiedCustomerNeverReachesTheirProfile() {
        // The attack from the issue: evil@ typed next to the real customer's CRM id.
        List<KnownIdentity> known = List.of(new KnownIdentity(CUSTOMER, true, OLD, EARLY));

        Resolution.Decision decision = Resolution.decide(claimed(CUSTOMER, EVIL), known);

        Resolution.Create create = assertInstanceOf(Resolution.Create.class, decision);
        assertEquals(Trust.CLAIMED, create.trust());
        assertEquals(List.of(CUSTOMER, EVIL), create.add());
        assertEquals(Set.of(OLD), create.possibleMatches(), "linked for a person to judge, never merged");
    }

    @Test
    void aClaimJoinsTheClaimedProfileOfItsStrongestMatchAndNeverMerges() {
        List<KnownIdentity> known = List.of(new KnownIdentity(EMAIL, false, NEW, LATE),
                new KnownIdentity(CUSTOMER, false, OLD, LATE));

        Resolution.Attach attach = assertInstanceOf(Resolution.Attach.class,
                Resolution.decide(claimed(EMAIL, CUSTOMER, PHONE), known));

        assertEquals(OLD, attach.profileId(), "customer id is stronger than email");
        assertEquals(List.of(PHONE), attach.add(), "only what nobody claims yet");
    }

    @Test
    void aVerifiedClaimJoiningTwoVerifiedProfilesMergesThemIntoTheOlder() {
        List<KnownIdentity> known = List.of(new KnownIdentity(EMAIL, true, NEW, LATE),
                new KnownIdentity(CUSTOMER, true, OLD, EARLY));

        Resolution.Merge merge = assertInstanceOf(Resolution.Merge.class,
                Resolution.decide(verified(CUSTOMER, EMAIL, PHONE), known));

        assertEquals(OLD, merge.survivor());
        assertEquals(List.of(NEW), merge.merged());
        assertEquals(List.of(PHONE), merge.add());
    }

    @Test
    void aVerifiedClaimIgnoresClaimedHoldersButLinksThem() {
        List<KnownIdentity> known = List.of(new KnownIdentity(EMAIL, false, NEW, EARLY),
                new KnownIdentity(CUSTOMER, true, OLD, LATE));

        Resolution.Attach attach = assertInstanceOf(Resolution.Attach.class,
                Resolution.decide(verified(CUSTOMER, EMAIL), known));

        assertEquals(OLD, attach.profileId());
        assertEquals(List.of(EMAIL), attach.add(), "verified now, alongside the claimed copy");
        assertEquals(Set.of(NEW), attach.possibleMatches());
    }

    @Test
    void unknownIdentitiesCreateAProfileOfTheClaimsTrust() {
        Resolution.Create create = assertInstanceOf(Resolution.Create.class,
                Resolution.decide(verified(EMAIL), List.of()));
        assertEquals(Trust.VERIFIED, create.trust());
        assertEquals(Set.of(), create.possibleMatches());
    }
}
