package io.hearken.survey.rest;

import io.hearken.testing.ObservabilityContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ObservabilityTest extends ObservabilityContract {

    ObservabilityTest() {
        super("MongoDB", "/v1/public/surveys/{surveyId}/responses");
    }
}
