package com.jakebuysit.adapters.in.ws;

import com.jakebuysit.application.offers.StreamCredentials;
import com.jakebuysit.application.offers.Viewer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a WebSocket handshake's credentials the same way at both places that look at them (the
 * handshake filter and the endpoint configurator): the bearer token of {@code Authorization}, and
 * the offer's stream token from {@code X-Stream-Token} or {@code ?token=} (a browser's WebSocket
 * cannot set headers; there the query may also carry an access token).
 */
final class StreamCredentialsReader {

    static final String STREAM_TOKEN_HEADER = "X-Stream-Token";
    static final String TOKEN_PARAMETER = "token";

    private StreamCredentialsReader() {
    }

    /**
     * @param header a request header by name (case-insensitive), or null
     * @param parameter a query parameter by name, or null
     */
    static Optional<Viewer> viewer(StreamCredentials credentials, Function<String, String> header,
                                   Function<String, String> parameter) {
        Optional<String> token = given(header.apply(STREAM_TOKEN_HEADER)).or(() -> given(parameter.apply(TOKEN_PARAMETER)));
        return credentials.viewer(bearer(header.apply("Authorization")), token);
    }

    static Optional<String> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return given(value.substring(7));
        }
        return Optional.empty();
    }

    /** The first value of a multi-valued map, looked up by name regardless of case. */
    static String first(Map<String, List<String>> values, String name) {
        if (values == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)
                    && entry.getValue() != null && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
