package io.hearken.profile.domain;

import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityKindTest {

    @Test
    void normalisesEmailsAndPhones() {
        assertEquals("mika@example.com", IdentityKind.EMAIL.normalise("  Mika@Example.COM ").value());
        assertEquals("+819012345678", IdentityKind.PHONE.normalise("+81 (90) 1234-5678").value());
        assertEquals("C-1001", IdentityKind.CUSTOMER_ID.normalise(" C-1001 ").value());
    }

    @Test
    void refusesWhatCannotBeAnIdentity() {
        assertFalse(IdentityKind.EMAIL.normalise("not-an-email").isValid());
        assertFalse(IdentityKind.PHONE.normalise("09012345678").isValid(), "E.164 needs + and a country code");
        assertFalse(IdentityKind.PHONE.normalise("+0123456789").isValid());
        assertFalse(IdentityKind.CUSTOMER_ID.normalise("   ").isValid());
        assertFalse(IdentityKind.DEVICE_ID.normalise("a\u0000b").isValid());
        InvalidIdentityException problem = assertThrows(InvalidIdentityException.class,
                () -> Identity.of(IdentityKind.PHONE, "12", "identities.phone"));
        assertEquals("identities.phone", problem.field());
    }

    @Test
    void strongestKindComesFirst() {
        assertEquals(IdentityKind.CUSTOMER_ID, Stream.of(IdentityKind.values()).sorted().findFirst()
                .orElseThrow());
        assertEquals(-1, Integer.signum(IdentityKind.EMAIL.compareTo(IdentityKind.PHONE)));
    }
}
