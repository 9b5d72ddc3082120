package io.hearken.profile.domain;

import io.hearken.profile.domain.ContactRules.ContactDecision;
import io.hearken.profile.domain.ContactRules.FrequencyCap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContactRulesTest {

    private static final FrequencyCap ONE_PER_MONTH = new FrequencyCap(1, 30);

    @Test
    void answersWhyNotInOrder() {
        assertEquals(new ContactDecision(false, "erased"),
                ContactRules.decide(true, ConsentStatus.GRANTED, true, 0, ONE_PER_MONTH));
        assertEquals(new ContactDecision(false, "opted-out"),
                ContactRules.decide(false, ConsentStatus.OPTED_OUT, true, 0, ONE_PER_MONTH));
        assertEquals(new ContactDecision(false, "no-consent"),
                ContactRules.decide(false, null, false, 0, ONE_PER_MONTH));
        assertEquals(new ContactDecision(false, "frequency-cap"),
                ContactRules.decide(false, ConsentStatus.GRANTED, false, 1, ONE_PER_MONTH));
    }

    @Test
    void allowsImpliedOrConsentedContactUnderTheCap() {
        assertEquals(new ContactDecision(true, "implied"), ContactRules.decide(false, null, true, 0, ONE_PER_MONTH));
        assertEquals(new ContactDecision(true, "consented"),
                ContactRules.decide(false, ConsentStatus.GRANTED, false, 0, ONE_PER_MONTH));
    }

    @Test
    void aMergeKeepsTheMostRestrictiveAnswer() {
        assertEquals(ConsentStatus.OPTED_OUT, ConsentStatus.mostRestrictive(ConsentStatus.GRANTED,
                ConsentStatus.OPTED_OUT));
        assertEquals(ConsentStatus.OPTED_OUT, ConsentStatus.mostRestrictive(ConsentStatus.OPTED_OUT,
                ConsentStatus.GRANTED));
    }
}
