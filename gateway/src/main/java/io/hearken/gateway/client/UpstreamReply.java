package io.hearken.gateway.client;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** A service's whole answer to a request the gateway made on its own account ({@link UpstreamRelay#get}). */
public record UpstreamReply(int status, MultiMap headers, Buffer body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
