package io.hearken.common.http;

/**
 * The header by which the gateway tells a service which tenant (workspace) the authenticated caller belongs to.
 * Services are reachable only through the gateway, which removes any copy of it sent by a client.
 */
public final class TenantHeader {

    public static final String NAME = "X-Hearken-Tenant";

    private TenantHeader() {
    }
}
