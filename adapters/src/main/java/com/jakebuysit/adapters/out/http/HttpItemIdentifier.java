package com.jakebuysit.adapters.out.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jakebuysit.application.port.ItemIdentifier;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.offer.Identification;
import com.jakebuysit.domain.offer.Item;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Item identification by the AI service: {@code POST {aiBase}/identify}.
 *
 * <pre>
 * → {"photo_urls": ["https://…"], "user_description": "…",
 *    "category_hint": "phones_tablets", "condition_hint": "like_new"}      (hints only when the seller gave them)
 * ← {"category": "phones_tablets", "subcategory": "Smartphones", "brand": "Apple", "model": "iPhone 13 Pro",
 *    "condition": "like new", "features": ["256GB"], "damage": ["scratched back"], "confidence": 0.91,
 *    "identifiers": {"imei": "…"}}
 * </pre>
 * An unknown category becomes {@code unknown}; the condition is read leniently ("Like New", "mint")
 * and, when missing or unreadable, is the seller's hint or else {@code good}. A missing or
 * out-of-range confidence makes the answer unusable.
 */
public final class HttpItemIdentifier implements ItemIdentifier {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    static final String PATH = "/identify";
    private static final long MAX_BODY = 1L << 20;

    private final ProviderHttp http;

    public HttpItemIdentifier(URI aiBase) {
        this(aiBase, DEFAULT_TIMEOUT, RetryPolicy.standard());
    }

    public HttpItemIdentifier(URI aiBase, Duration timeout, RetryPolicy retry) {
        this.http = new ProviderHttp("ai-service", aiBase, timeout, retry, MAX_BODY);
    }

    @Override
    public Identified identify(Request request) {
        ObjectNode body = ProviderJson.object();
        ArrayNode urls = body.putArray("photo_urls");
        request.photoUrls().forEach(url -> urls.add(url.toString()));
        body.put("user_description", request.description() == null ? "" : request.description());
        request.categoryHint().ifPresent(hint -> body.put("category_hint", hint.code()));
        request.conditionHint().ifPresent(hint -> body.put("condition_hint", hint.code()));

        ProviderHttp.Reply reply = http.post(PATH, ProviderJson.bytes(body), "application/json");
        ObjectNode answer = ProviderJson.objectBody(http, PATH, reply.body());
        try {
            return read(answer, request);
        } catch (IllegalArgumentException e) {
            throw http.malformed(PATH, e.getMessage(), e);
        }
    }

    private static Identified read(ObjectNode answer, Request request) {
        JsonNode confidenceNode = answer.get("confidence");
        if (confidenceNode == null || confidenceNode.isNull()) {
            throw new IllegalArgumentException("no confidence");
        }
        BigDecimal confidence = WireValues.decimal(confidenceNode);
        Category category = WireValues.category(WireValues.text(answer, "category").orElse(null));
        Condition condition = WireValues.text(answer, "condition").flatMap(WireValues::condition)
                .or(request::conditionHint)
                .orElse(Condition.GOOD);
        Item item = new Item(category,
                WireValues.text(answer, "subcategory"),
                WireValues.text(answer, "brand"),
                WireValues.text(answer, "model"),
                condition,
                WireValues.strings(answer, "features", 50),
                WireValues.strings(answer, "damage", 50));
        Map<String, String> identifiers = new LinkedHashMap<>();
        JsonNode ids = answer.get("identifiers");
        if (ids != null && ids.isObject()) {
            ids.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode() && !field.getValue().isNull()
                        && !field.getValue().asText().isBlank()) {
                    identifiers.put(field.getKey(), field.getValue().asText().strip());
                }
            });
        }
        return new Identified(new Identification(item, confidence), identifiers);
    }
}
