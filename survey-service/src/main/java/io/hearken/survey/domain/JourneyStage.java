package io.hearken.survey.domain;

import java.util.Arrays;
import java.util.Optional;

/** The stage of the customer journey a survey or response belongs to, for the journey views downstream. */
public enum JourneyStage {
    AWARENESS, CONSIDERATION, PURCHASE, ONBOARDING, USAGE, SUPPORT, RENEWAL, ADVOCACY;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<JourneyStage> fromWireName(String value) {
        return Arrays.stream(values()).filter(stage -> stage.wireName().equals(value)).findFirst();
    }
}
