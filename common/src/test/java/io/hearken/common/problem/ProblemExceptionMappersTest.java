package io.hearken.common.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemExceptionMappersTest {

    @Test
    void recognisesAnUnreachableStoreDeepInTheCauses() {
        assertTrue(ProblemExceptionMappers.isStoreUnreachable(
                new CompletionException(new IllegalStateException("wrapped", new ConnectException("refused")))));
        assertTrue(ProblemExceptionMappers.isStoreUnreachable(new IOException("Connection refused: localhost")));
        assertFalse(ProblemExceptionMappers.isStoreUnreachable(new NullPointerException("a bug")));
    }
}
