package io.hearken.profile.service;

import io.hearken.common.events.ResponseSubmitted;
import io.hearken.profile.domain.IdentityKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentitiesTest {

    @Test
    void normalisesEmailAndPhone() {
        assertEquals("mika@example.com", Identities.normalise(IdentityKind.EMAIL, "  Mika@Example.COM "));
        assertEquals("+81901234567", Identities.normalise(IdentityKind.PHONE, "+81 (90) 123-4567"));
        assertNull(Identities.normalise(IdentityKind.EMAIL, "   "));
    }

    @Test
    void ordersIdentitiesStrongestFirstAndSkipsMissingOnes() {
        Map<IdentityKind, String> identities = Identities.of(
                new ResponseSubmitted.Respondent("A@b.co", null, "cust-7", null));
        assertEquals(List.of(IdentityKind.CUSTOMER_ID, IdentityKind.EMAIL), List.copyOf(identities.keySet()));
        assertTrue(Identities.of(null).isEmpty());
    }
}
