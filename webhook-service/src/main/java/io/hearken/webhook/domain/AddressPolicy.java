package io.hearken.webhook.domain;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a delivery may reach (server-side request forgery): none that is loopback, unspecified, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), link-local (169.254/16 — the cloud metadata
 * services — and fe80::/10), multicast, broadcast or reserved, including the same written as IPv4-mapped or NAT64
 * IPv6, unless an operator allowed its block for local development and tests. Checked when a subscription is saved
 * and again before every attempt, on the addresses the attempt then connects to, since DNS can change in between.
 */
public final class AddressPolicy {

    private static final List<Block> FORBIDDEN = List.of(
            Block.parse("0.0.0.0/8"), Block.parse("10.0.0.0/8"), Block.parse("100.64.0.0/10"),
            Block.parse("127.0.0.0/8"), Block.parse("169.254.0.0/16"), Block.parse("172.16.0.0/12"),
            Block.parse("192.0.0.0/24"), Block.parse("192.0.2.0/24"), Block.parse("192.168.0.0/16"),
            Block.parse("198.18.0.0/15"), Block.parse("198.51.100.0/24"), Block.parse("203.0.113.0/24"),
            Block.parse("224.0.0.0/4"), Block.parse("240.0.0.0/4"),
            Block.parse("::/128"), Block.parse("::1/128"), Block.parse("fc00::/7"), Block.parse("fe80::/10"),
            Block.parse("ff00::/8"), Block.parse("2001:db8::/32"), Block.parse("fd00:ec2::254/128"));

    private final List<Block> allowed;

    public AddressPolicy(List<String> allowedBlocks) {
        this.allowed = allowedBlocks.stream().map(Block::parse).toList();
    }

    /** Why {@code address} may not be reached, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress effective = embeddedIpv4(address).orElse(address);
        if (allowed.stream().anyMatch(block -> block.contains(effective))) {
            return Optional.empty();
        }
        if (FORBIDDEN.stream().anyMatch(block -> block.contains(effective))
                || effective.isAnyLocalAddress() || effective.isLoopbackAddress() || effective.isLinkLocalAddress()
                || effective.isSiteLocalAddress() || effective.isMulticastAddress()) {
            return Optional.of(effective.getHostAddress() + " is a private, loopback, link-local or reserved address");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 (64:ff9b::/96) one. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean mapped = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = isZero(bytes, 0, 12) && !isZero(bytes, 12, 16);
        boolean nat64 = (bytes[0] & 0xff) == 0 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && isZero(bytes, 4, 12);
        if (!mapped && !compatible && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An address block in CIDR notation. */
    record Block(BigInteger network, int prefix, int bits) {

        static Block parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            InetAddress address;
            try {
                // Only literals reach here (configuration and the table above), so nothing is looked up
                address = InetAddress.getByName(parts[0]);
            } catch (UnknownHostException notLiteral) {
                throw new IllegalArgumentException("not an address block: " + cidr);
            }
            int bits = address instanceof Inet4Address ? 32 : 128;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("not an address block: " + cidr);
            }
            return new Block(masked(new BigInteger(1, address.getAddress()), prefix, bits), prefix, bits);
        }

        boolean contains(InetAddress address) {
            int addressBits = address instanceof Inet4Address ? 32 : 128;
            return addressBits == bits
                    && masked(new BigInteger(1, address.getAddress()), prefix, bits).equals(network);
        }

        private static BigInteger masked(BigInteger value, int prefix, int bits) {
            return value.shiftRight(bits - prefix).shiftLeft(bits - prefix);
        }
    }
}
