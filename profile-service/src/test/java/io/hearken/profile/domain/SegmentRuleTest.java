package io.hearken.profile.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SegmentRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SegmentRule parse(String json) throws Exception {
        return SegmentRule.parse(JSON.readTree(json), TraitValue.BUILT_IN);
    }

    @Test
    void parsesTraitsFactsAndTimelineConditions() throws Exception {
        SegmentRule.All all = assertInstanceOf(SegmentRule.All.class, parse("""
                {"all": [{"trait": "plan", "op": "eq", "value": "gold"},
                         {"fact": "lastNps", "op": "lte", "value": 6},
                         {"timeline": {"kind": "response.submitted", "stage": "support", "scoreMax": 6,
                                       "withinDays": 90}}]}"""));
        assertEquals(new SegmentRule.TraitCondition("plan", TraitType.STRING, SegmentRule.Operator.EQ, "gold"),
                all.rules().get(0));
        assertEquals(new SegmentRule.FactCondition(SegmentRule.Fact.LAST_NPS, SegmentRule.Operator.LTE,
                new BigDecimal("6")), all.rules().get(1));
        assertEquals(new SegmentRule.TimelineCondition("response.submitted", null, "support", null, 6, 90),
                all.rules().get(2));
    }

    @Test
    void namesThePathOfAWrongPart() {
        SegmentRule.InvalidRuleException unknownTrait = assertThrows(SegmentRule.InvalidRuleException.class,
                () -> parse("{\"any\": [{\"trait\": \"plan\", \"op\": \"eq\", \"value\": \"a\"},"
                        + " {\"trait\": \"shoeSize\", \"op\": \"eq\", \"value\": 4}]}"));
        assertEquals("rule.any[1].trait", unknownTrait.field());
        SegmentRule.InvalidRuleException wrongType = assertThrows(SegmentRule.InvalidRuleException.class,
                () -> parse("{\"all\": [{\"trait\": \"lifetimeValue\", \"op\": \"gt\", \"value\": \"lots\"}]}"));
        assertEquals("rule.all[0].value", wrongType.field());
        SegmentRule.InvalidRuleException badOp = assertThrows(SegmentRule.InvalidRuleException.class,
                () -> parse("{\"fact\": \"lastNps\", \"op\": \"like\", \"value\": 1}"));
        assertEquals("rule.op", badOp.field());
        assertThrows(SegmentRule.InvalidRuleException.class,
                () -> SegmentRule.parse(JSON.readTree("{\"timeline\": {\"withinDays\": 0}}"), Map.of()));
    }
}
