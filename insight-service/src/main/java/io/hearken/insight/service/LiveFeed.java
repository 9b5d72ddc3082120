package io.hearken.insight.service;

import io.hearken.insight.domain.LiveUpdate;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each {@link LiveUpdate} to the viewers of its tenant connected to this instance, as it happens. A viewer
 * that reads too slowly misses updates rather than holding up the others (they are nudges to read the API again,
 * not the record), and nothing is kept for a viewer who connects later.
 */
@ApplicationScoped
public class LiveFeed {

    private final Map<String, Set<MultiEmitter<? super LiveUpdate>>> viewers = new ConcurrentHashMap<>();

    /** The updates of {@code tenant} from now on, until the viewer goes away. */
    public Multi<LiveUpdate> updates(String tenant) {
        return Multi.createFrom().emitter(emitter -> {
            viewers.computeIfAbsent(tenant, key -> ConcurrentHashMap.newKeySet()).add(emitter);
            emitter.onTermination(() -> viewers.computeIfPresent(tenant, (key, emitters) -> {
                emitters.remove(emitter);
                return emitters.isEmpty() ? null : emitters;
            }));
        }, BackPressureStrategy.DROP);
    }

    public void publish(LiveUpdate update) {
        Set<MultiEmitter<? super LiveUpdate>> watching = viewers.get(update.tenant());
        if (watching != null) {
            watching.forEach(emitter -> emitter.emit(update));
        }
    }

    /** How many viewers are connected to this instance, for the metrics. */
    public int viewerCount() {
        return viewers.values().stream().mapToInt(Set::size).sum();
    }
}
