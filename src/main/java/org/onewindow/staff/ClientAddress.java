package org.onewindow.staff;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The client a request came from: the peer address, or — only when the operator turned on
 * {@code quarkus.http.proxy.proxy-address-forwarding} behind a trusted reverse proxy — the address
 * the proxy forwarded (Quarkus then reports it as the remote address).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}
