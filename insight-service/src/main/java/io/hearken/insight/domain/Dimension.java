package io.hearken.insight.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a score can be sliced by besides survey, question and time: every response carries these, so each is a column
 * of the rollups and any combination of them is a filter on one query.
 */
public enum Dimension {
    SURVEY_VERSION("version"),
    CHANNEL("channel"),
    TOUCHPOINT("touchpoint"),
    JOURNEY_STAGE("journeyStage"),
    LOCALE("locale");

    private final String parameterName;

    Dimension(String parameterName) {
        this.parameterName = parameterName;
    }

    /** The name of this slice in the API's query string and answers. */
    public String parameterName() {
        return parameterName;
    }

    public static Optional<Dimension> fromParameter(String name) {
        return Arrays.stream(values()).filter(dimension -> dimension.parameterName.equals(name)).findFirst();
    }
}
