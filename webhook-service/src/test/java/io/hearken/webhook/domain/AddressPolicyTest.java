package io.hearken.webhook.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressPolicyTest {

    private final AddressPolicy production = new AddressPolicy(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "::", "169.254.169.254", "169.254.1.1",
        "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "100.64.0.1", "224.0.0.1", "255.255.255.255",
        "fd00:ec2::254", "fc00::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
        "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "::127.0.0.1", "198.18.0.1"})
    void refusesLoopbackPrivateLinkLocalMetadataAndReservedAddresses(String literal) throws Exception {
        assertTrue(production.refusal(InetAddress.getByName(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void admitsPublicAddresses(String literal) throws Exception {
        assertFalse(production.refusal(InetAddress.getByName(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.2", "::ffff:127.0.0.2"})
    void admitsWhatTheOperatorAllowedAndNothingBeside(String literal) throws Exception {
        AddressPolicy local = new AddressPolicy(List.of("127.0.0.2/32"));
        assertFalse(local.refusal(InetAddress.getByName(literal)).isPresent(), literal);
        assertTrue(local.refusal(InetAddress.getByName("127.0.0.1")).isPresent());
        assertTrue(local.refusal(InetAddress.getByName("169.254.169.254")).isPresent());
    }
}
