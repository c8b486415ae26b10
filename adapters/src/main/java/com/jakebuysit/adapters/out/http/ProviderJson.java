package com.jakebuysit.adapters.out.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The providers' JSON: floats kept as exact decimals, trailing garbage refused. */
final class ProviderJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProviderJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a JSON object, or the failure saying why it is not one. */
    static ObjectNode objectBody(ProviderHttp http, String path, byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw http.malformed(path, "not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw http.malformed(path, "not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw http.malformed(path, "not a JSON object" + ProviderHttp.snippet(body));
        }
        return (ObjectNode) root;
    }
}
