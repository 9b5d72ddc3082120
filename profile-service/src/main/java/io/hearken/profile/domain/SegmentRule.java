package io.hearken.profile.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A segment's rule: conditions on traits, computed facts and the timeline, joined by {@code all} / {@code any}.
 * Example, "detractors in support in the last 90 days on the gold plan":
 * <pre>
 * {"all": [{"trait": "plan", "op": "eq", "value": "gold"},
 *          {"timeline": {"kind": "response.submitted", "stage": "support", "scoreMax": 6, "withinDays": 90}}]}
 * </pre>
 * Parsed here, checked field by field, and turned into SQL by the repository, which evaluates it when asked.
 */
public sealed interface SegmentRule {

    int MAX_DEPTH = 5;
    int MAX_CONDITIONS = 30;

    record All(List<SegmentRule> rules) implements SegmentRule {
    }

    record Any(List<SegmentRule> rules) implements SegmentRule {
    }

    /** A trait compared with a value ({@code exists} takes none). */
    record TraitCondition(String key, TraitType type, Operator op, Object value) implements SegmentRule {
    }

    /** A computed fact compared with a number, or {@code trust} with "verified" / "claimed". */
    record FactCondition(Fact fact, Operator op, Object value) implements SegmentRule {
    }

    /** At least one touchpoint with all the given properties. */
    record TimelineCondition(String kind, String channel, String stage, Integer scoreMin, Integer scoreMax,
                             Integer withinDays) implements SegmentRule {
    }

    enum Operator {
        EQ, NE, GT, GTE, LT, LTE, EXISTS;

        static Optional<Operator> of(String name) {
            return Arrays.stream(values()).filter(op -> op.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    enum Fact {
        RESPONSE_COUNT("responseCount"), LAST_NPS("lastNps"), AVERAGE_CSAT("averageCsat"),
        DAYS_SINCE_LAST_CONTACT("daysSinceLastContact"), CHURN_RISK("churnRisk"), TRUST("trust");

        private final String wireName;

        Fact(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Optional<Fact> of(String name) {
            return Arrays.stream(values()).filter(fact -> fact.wireName.equals(name)).findFirst();
        }
    }

    /** A rule that cannot be: {@code field} is the JSON path of the offending part ({@code rule.all[1].op}). */
    class InvalidRuleException extends IllegalArgumentException {
        private final String field;

        public InvalidRuleException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Parses a rule; {@code traitTypes} are the tenant's traits (built-in and defined) by key. */
    static SegmentRule parse(JsonNode node, Map<String, TraitType> traitTypes) {
        int[] conditions = {0};
        return parse(node, "rule", 1, traitTypes, conditions);
    }

    private static SegmentRule parse(JsonNode node, String path, int depth, Map<String, TraitType> traitTypes,
                                     int[] conditions) {
        if (node == null || !node.isObject()) {
            throw new InvalidRuleException(path, "must be an object: all, any, timeline, or a trait or fact "
                    + "condition");
        }
        if (depth > MAX_DEPTH) {
            throw new InvalidRuleException(path, "nests deeper than " + MAX_DEPTH + " levels");
        }
        if (++conditions[0] > MAX_CONDITIONS) {
            throw new InvalidRuleException(path, "a rule has at most " + MAX_CONDITIONS + " parts");
        }
        if (node.has("op")) {
            return parseCondition(node, path, traitTypes);
        }
        if (node.size() != 1) {
            throw new InvalidRuleException(path, "must have exactly one of all, any, timeline (or be a condition "
                    + "with op)");
        }
        String name = node.fieldNames().next();
        JsonNode body = node.get(name);
        switch (name) {
            case "all", "any" -> {
                if (!body.isArray() || body.isEmpty()) {
                    throw new InvalidRuleException(path + "." + name, "must be a non-empty array of rules");
                }
                List<SegmentRule> rules = new ArrayList<>();
                for (int i = 0; i < body.size(); i++) {
                    rules.add(parse(body.get(i), path + "." + name + "[" + i + "]", depth + 1, traitTypes,
                            conditions));
                }
                return name.equals("all") ? new All(rules) : new Any(rules);
            }
            case "timeline" -> {
                return timeline(body, path + ".timeline");
            }
            default -> throw new InvalidRuleException(path, "unknown rule \"" + name + "\" (all, any, timeline, "
                    + "or a condition with trait/fact, op and value)");
        }
    }

    /** A condition: {"trait": key or "fact": name, "op": ..., "value": ...}. */
    private static SegmentRule parseCondition(JsonNode node, String path, Map<String, TraitType> traitTypes) {
        Operator op = Operator.of(node.path("op").asText(""))
                .orElseThrow(() -> new InvalidRuleException(path + ".op", "must be one of eq, ne, gt, gte, lt, "
                        + "lte, exists"));
        JsonNode value = node.get("value");
        if (op != Operator.EXISTS && (value == null || value.isNull() || value.isContainerNode())) {
            throw new InvalidRuleException(path + ".value", "must be a string, number or boolean");
        }
        if (node.has("trait")) {
            String key = node.get("trait").asText();
            TraitType type = traitTypes.get(key);
            if (type == null) {
                throw new InvalidRuleException(path + ".trait", "unknown trait \"" + key + "\"");
            }
            Object typed = null;
            if (op != Operator.EXISTS) {
                try {
                    typed = TraitValue.of(key, type, scalar(value)).value();
                } catch (IllegalArgumentException e) {
                    throw new InvalidRuleException(path + ".value", e.getMessage());
                }
            }
            return new TraitCondition(key, type, op, typed);
        }
        Fact fact = Fact.of(node.path("fact").asText(""))
                .orElseThrow(() -> new InvalidRuleException(path + ".fact", "must be one of responseCount, "
                        + "lastNps, averageCsat, daysSinceLastContact, churnRisk, trust (or give a trait)"));
        if (fact == Fact.TRUST) {
            String trust = value == null ? "" : value.asText().toUpperCase(Locale.ROOT);
            if (op != Operator.EQ || !(trust.equals("VERIFIED") || trust.equals("CLAIMED"))) {
                throw new InvalidRuleException(path + ".value", "trust is compared with eq and \"verified\" or "
                        + "\"claimed\"");
            }
            return new FactCondition(fact, op, trust);
        }
        if (op != Operator.EXISTS && !value.isNumber()) {
            throw new InvalidRuleException(path + ".value", "must be a number");
        }
        return new FactCondition(fact, op, op == Operator.EXISTS ? null : value.decimalValue());
    }

    private static Object scalar(JsonNode value) {
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.asText();
    }

    private static TimelineCondition timeline(JsonNode body, String path) {
        if (!body.isObject()) {
            throw new InvalidRuleException(path, "must be an object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!List.of("kind", "channel", "stage", "scoreMin", "scoreMax", "withinDays").contains(field)) {
                throw new InvalidRuleException(path + "." + field, "unknown (kind, channel, stage, scoreMin, "
                        + "scoreMax, withinDays)");
            }
        }
        Integer within = integer(body, "withinDays", path, 1, 3650);
        return new TimelineCondition(text(body, "kind"), text(body, "channel"), text(body, "stage"),
                integer(body, "scoreMin", path, -1000, 1000), integer(body, "scoreMax", path, -1000, 1000), within);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode body, String field, String path, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < min
                || value.intValue() > max) {
            throw new InvalidRuleException(path + "." + field, "must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }
}
