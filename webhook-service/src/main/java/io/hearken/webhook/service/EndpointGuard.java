package io.hearken.webhook.service;

import io.hearken.webhook.config.WebhookConfig;
import io.hearken.webhook.domain.AddressPolicy;
import io.hearken.webhook.domain.EndpointUrl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves an endpoint's host and admits it only if every address it resolves to is one deliveries may reach
 * ({@link AddressPolicy}): a name with one private address among public ones is refused, since the connection could
 * go to any of them. Asked when a subscription is saved and before every attempt.
 */
@ApplicationScoped
public class EndpointGuard {

    private final AddressPolicy policy;

    public EndpointGuard(WebhookConfig config) {
        this.policy = new AddressPolicy(config.allowedNetworks().orElse(List.of()));
    }

    /** The address to connect to, or {@link RefusedEndpointException} saying why none may be. */
    public Uni<InetAddress> admit(EndpointUrl url) {
        // Name resolution blocks: off the event loop
        return Uni.createFrom().item(() -> admitNow(url)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    InetAddress admitNow(EndpointUrl url) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.host());
        } catch (UnknownHostException unknown) {
            throw new RefusedEndpointException(url.host() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedEndpointException(url.host() + " resolves to " + refusal.get());
            }
        }
        return addresses[0];
    }

    /** The endpoint's host may not be reached (see {@link AddressPolicy}), or does not resolve. */
    public static class RefusedEndpointException extends RuntimeException {
        public RefusedEndpointException(String message) {
            super(message, null, false, false);
        }
    }
}
