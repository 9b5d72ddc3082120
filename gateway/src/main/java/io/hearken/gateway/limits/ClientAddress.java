package io.hearken.gateway.limits;

import io.vertx.core.http.HttpServerRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address a public request comes from, for its per-address limit: the connection's peer, unless that peer is
 * one of the proxies in front of the gateway, in which case the last address in {@code X-Forwarded-For} that is not
 * a proxy's (earlier entries are what the client wrote and prove nothing).
 */
public final class ClientAddress {

    private final List<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return of(peer, request.headers().getAll("X-Forwarded-For"));
    }

    String of(String peer, List<String> forwardedFor) {
        if (!isTrustedProxy(peer)) {
            return peer;
        }
        String client = peer;
        List<String> hops = forwardedFor.stream().flatMap(value -> List.of(value.split(",")).stream())
                .map(String::trim).filter(hop -> !hop.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!isTrustedProxy(client)) {
                break;
            }
        }
        return client.length() > 64 ? client.substring(0, 64) : client;
    }

    boolean isTrustedProxy(String address) {
        for (String trusted : trustedProxies) {
            if (trusted.contains("/") ? inBlock(address, trusted) : trusted.equals(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an IPv4 address lies in an IPv4 CIDR block ({@code 10.0.0.0/8}); anything else is not. */
    private static boolean inBlock(String address, String block) {
        String network = block.substring(0, block.indexOf('/'));
        if (!isIpv4(address) || !isIpv4(network)) {
            return false;
        }
        try {
            int bits = Integer.parseInt(block.substring(block.indexOf('/') + 1));
            int mask = bits == 0 ? 0 : -1 << (32 - bits);
            return (ipv4(address) & mask) == (ipv4(network) & mask);
        } catch (NumberFormatException | UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpv4(String address) {
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** A dotted quad's value (checked by {@link #isIpv4} first, so nothing is looked up). */
    private static int ipv4(String address) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(address).getAddress();
        return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    }
}
