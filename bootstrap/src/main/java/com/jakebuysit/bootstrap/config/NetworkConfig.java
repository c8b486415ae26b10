package com.jakebuysit.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where requests come from: the proxies (load balancers) whose {@code X-Forwarded-For} is believed,
 * as comma-separated CIDR blocks, IPv4 or IPv6. Empty: none, the connection's address is the client's.
 */
public class NetworkConfig {

    // YAML reads an empty ${TRUSTED_PROXIES:-} as null: both mean "no trusted proxy".
    @JsonProperty
    private String trustedProxies;

    public String getTrustedProxies() {
        return trustedProxies == null ? "" : trustedProxies;
    }
}
