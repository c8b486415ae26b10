package com.jakebuysit.bootstrap.logging;

import ch.qos.logback.access.common.pattern.AccessConverter;
import ch.qos.logback.access.common.spi.IAccessEvent;

/**
 * The request path without its query string: a browser's stream token travels in the query,
 * and the request log must never keep it.
 */
public final class PathWithoutQueryConverter extends AccessConverter {

    @Override
    public String convert(IAccessEvent event) {
        String uri = event.getRequestURI();
        if (uri == null) {
            return "-";
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
