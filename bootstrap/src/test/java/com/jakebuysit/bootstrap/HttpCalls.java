package com.jakebuysit.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.out.jwt.JwtAccessTokens;
import com.jakebuysit.domain.account.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Calls to a running app as the apps make them: JSON bodies, bearer tokens minted with the test secret. */
final class HttpCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JwtAccessTokens TOKENS = new JwtAccessTokens(
            TestSupport.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "jakebuysit", "jakebuysit-api", Duration.ofMinutes(15));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    HttpCalls(int port) {
        this.port = port;
    }

    static String tokenFor(User user) {
        return TOKENS.issue(user.id(), user.roles(), Instant.now()).token();
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null);
    }

    HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // A pooled keep-alive connection the server closed after a refusal: the request never
                // reached it, so one retry on a new connection is the same request, not a second one.
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
