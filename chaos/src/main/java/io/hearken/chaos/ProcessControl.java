package io.hearken.chaos;

/** Kills a component of the platform the hard way and brings it back. */
public interface ProcessControl {

    /** kill -9: no shutdown hook, no flush, no goodbye to the consumer group. */
    void kill(String component) throws Exception;

    /** Starts the component again and returns once it reports ready. */
    void start(String component) throws Exception;
}
