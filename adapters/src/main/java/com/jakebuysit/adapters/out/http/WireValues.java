package com.jakebuysit.adapters.out.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the providers' values leniently (they are written by models and by other teams), but never
 * loosely with money: amounts are exact decimals from JSON numbers or strings, never doubles.
 */
final class WireValues {

    private static final Map<String, Category> CATEGORY_WORDS = Map.ofEntries(
            Map.entry("electronics", Category.CONSUMER_ELECTRONICS),
            Map.entry("consumer_electronics", Category.CONSUMER_ELECTRONICS),
            Map.entry("gaming", Category.GAMING),
            Map.entry("games", Category.GAMING),
            Map.entry("video_games", Category.GAMING),
            Map.entry("phones", Category.PHONES_TABLETS),
            Map.entry("phone", Category.PHONES_TABLETS),
            Map.entry("tablets", Category.PHONES_TABLETS),
            Map.entry("phones_and_tablets", Category.PHONES_TABLETS),
            Map.entry("phones_tablets", Category.PHONES_TABLETS),
            Map.entry("clothing", Category.CLOTHING_FASHION),
            Map.entry("fashion", Category.CLOTHING_FASHION),
            Map.entry("apparel", Category.CLOTHING_FASHION),
            Map.entry("clothing_and_fashion", Category.CLOTHING_FASHION),
            Map.entry("clothing_fashion", Category.CLOTHING_FASHION),
            Map.entry("collectibles", Category.COLLECTIBLES_VINTAGE),
            Map.entry("vintage", Category.COLLECTIBLES_VINTAGE),
            Map.entry("collectibles_and_vintage", Category.COLLECTIBLES_VINTAGE),
            Map.entry("collectibles_vintage", Category.COLLECTIBLES_VINTAGE),
            Map.entry("books", Category.BOOKS_MEDIA),
            Map.entry("media", Category.BOOKS_MEDIA),
            Map.entry("books_and_media", Category.BOOKS_MEDIA),
            Map.entry("books_media", Category.BOOKS_MEDIA),
            Map.entry("appliances", Category.SMALL_APPLIANCES),
            Map.entry("small_appliances", Category.SMALL_APPLIANCES),
            Map.entry("tools", Category.TOOLS_EQUIPMENT),
            Map.entry("equipment", Category.TOOLS_EQUIPMENT),
            Map.entry("tools_and_equipment", Category.TOOLS_EQUIPMENT),
            Map.entry("tools_equipment", Category.TOOLS_EQUIPMENT));

    private static final Map<String, Condition> CONDITION_WORDS = Map.ofEntries(
            Map.entry("new", Condition.NEW),
            Map.entry("brand_new", Condition.NEW),
            Map.entry("new_in_box", Condition.NEW),
            Map.entry("new_with_tags", Condition.NEW),
            Map.entry("nib", Condition.NEW),
            Map.entry("nwt", Condition.NEW),
            Map.entry("sealed", Condition.NEW),
            Map.entry("unopened", Condition.NEW),
            Map.entry("like_new", Condition.LIKE_NEW),
            Map.entry("likenew", Condition.LIKE_NEW),
            Map.entry("mint", Condition.LIKE_NEW),
            Map.entry("near_mint", Condition.LIKE_NEW),
            Map.entry("excellent", Condition.LIKE_NEW),
            Map.entry("open_box", Condition.LIKE_NEW),
            Map.entry("used_like_new", Condition.LIKE_NEW),
            Map.entry("good", Condition.GOOD),
            Map.entry("very_good", Condition.GOOD),
            Map.entry("used", Condition.GOOD),
            Map.entry("used_good", Condition.GOOD),
            Map.entry("pre_owned", Condition.GOOD),
            Map.entry("preowned", Condition.GOOD),
            Map.entry("fair", Condition.FAIR),
            Map.entry("acceptable", Condition.FAIR),
            Map.entry("used_fair", Condition.FAIR),
            Map.entry("worn", Condition.FAIR),
            Map.entry("poor", Condition.POOR),
            Map.entry("damaged", Condition.POOR),
            Map.entry("broken", Condition.POOR),
            Map.entry("for_parts", Condition.POOR),
            Map.entry("for_parts_or_not_working", Condition.POOR),
            Map.entry("parts_only", Condition.POOR),
            Map.entry("not_working", Condition.POOR));

    private WireValues() {
    }

    /** "phones_tablets", "Phones & Tablets", "phones" → PHONES_TABLETS; anything unrecognised → UNKNOWN. */
    static Category category(String wire) {
        if (wire == null) {
            return Category.UNKNOWN;
        }
        return CATEGORY_WORDS.getOrDefault(key(wire), Category.UNKNOWN);
    }

    /** "like_new", "Like New", "like-new", "mint" → LIKE_NEW; empty when not a condition. */
    static Optional<Condition> condition(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(CONDITION_WORDS.get(key(wire)));
    }

    private static String key(String wire) {
        return wire.strip().toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
    }

    /**
     * An amount from a JSON number (read exactly: the mapper keeps floats as BigDecimal) or a string
     * such as "123.45", "$1,234.50" or "USD 99"; rounded to the cent.
     *
     * @throws IllegalArgumentException when it is neither
     */
    static Money money(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("amount missing");
        }
        if (node.isNumber()) {
            return Money.usd(node.decimalValue());
        }
        if (node.isTextual()) {
            String text = node.asText().strip().replaceFirst("(?i)^usd\\s*", "").replaceFirst("^\\$", "").strip();
            if (!text.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("not an amount: '" + node.asText() + "'");
            }
            return Money.usd(new BigDecimal(text.replace(",", "")));
        }
        throw new IllegalArgumentException("not an amount: " + node);
    }

    /** A decimal from a JSON number or numeric string, exactly. */
    static BigDecimal decimal(JsonNode node) {
        if (node != null && node.isNumber()) {
            return node.decimalValue();
        }
        if (node != null && node.isTextual()) {
            return new BigDecimal(node.asText().strip());
        }
        throw new IllegalArgumentException("not a number: " + node);
    }

    /** An ISO-8601 instant ("2025-05-01T10:00:00Z"), offset date-time or plain date (midnight UTC). */
    static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("not a date: " + node);
        }
        String text = node.asText().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException("not a date: '" + text + "'");
            }
        }
    }

    /** The text of a field, stripped; empty when missing, null, blank or not a scalar. */
    static Optional<String> text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String text = node.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The non-blank strings of an array field (at most {@code max}, each at most 200 characters). */
    static List<String> strings(JsonNode parent, String field, int max) {
        JsonNode node = parent.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return values;
        }
        for (JsonNode element : node) {
            if (values.size() == max) {
                break;
            }
            if (element.isValueNode() && !element.isNull()) {
                String text = element.asText().strip();
                if (!text.isEmpty()) {
                    values.add(text.length() > 200 ? text.substring(0, 200) : text);
                }
            }
        }
        return values;
    }
}
