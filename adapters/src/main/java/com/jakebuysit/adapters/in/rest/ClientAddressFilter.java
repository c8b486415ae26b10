package com.jakebuysit.adapters.in.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Makes {@code getRemoteAddr()} the client's address for everything after it (audit log, anonymous
 * offer limits, the route limit): taken from {@code X-Forwarded-For} only when the connection comes
 * from a configured trusted proxy ({@link TrustedProxies}); otherwise the header is ignored. Runs
 * first in the chain. The connection's own address stays readable under {@link #PEER_ATTRIBUTE}.
 */
public final class ClientAddressFilter implements Filter {

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String PEER_ATTRIBUTE = "jakebuysit.peerAddress";

    private final TrustedProxies proxies;

    public ClientAddressFilter(TrustedProxies proxies) {
        this.proxies = Objects.requireNonNull(proxies, "proxies");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (proxies.isEmpty() || !(req instanceof HttpServletRequest request)) {
            chain.doFilter(req, res);
            return;
        }
        String peer = request.getRemoteAddr();
        List<String> forwarded = Collections.list(request.getHeaders(FORWARDED_FOR));
        String client = proxies.clientAddress(peer, forwarded);
        if (client.equals(peer)) {
            chain.doFilter(req, res);
            return;
        }
        request.setAttribute(PEER_ATTRIBUTE, peer);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                // The address, never a reverse lookup.
                return client;
            }
        }, res);
    }
}
