package io.hearken.profile.messaging;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Runs reactive work from one of profile-service's own threads (a consumer, a lane, the outbox relay) and waits for
 * it: Hibernate Reactive needs a Vert.x context, which each call gets afresh.
 */
final class Blocking {

    private Blocking() {
    }

    static <T> T await(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
