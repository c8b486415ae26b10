package com.jakebuysit.adapters.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jakebuysit.application.port.Offers.MarketFindings;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.Reason;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.offer.Grading;
import com.jakebuysit.domain.offer.Identification;
import com.jakebuysit.domain.offer.Revision;
import com.jakebuysit.domain.offer.RevisionState;
import com.jakebuysit.domain.offer.Verification;
import com.jakebuysit.domain.pricing.Adjustment;
import com.jakebuysit.domain.pricing.BreakdownLine;
import com.jakebuysit.domain.pricing.ComparableSale;
import com.jakebuysit.domain.pricing.FmvEstimate;
import com.jakebuysit.domain.pricing.PriceBreakdown;
import com.jakebuysit.domain.pricing.PricingDecision;
import com.jakebuysit.domain.pricing.PricingPath;
import com.jakebuysit.domain.pricing.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSONB documents of the offers table, written and read in one place. The format is ours, not
 * Jackson's view of the domain records: money as "12.34", other decimals as exact strings
 * ({@link BigDecimal#toString}, so the scale survives), times as ISO-8601, enums as their codes,
 * absent optionals left out.
 */
final class OfferJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OfferJson() {
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    // ---- lists and maps of strings --------------------------------------------------------

    static String strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return write(array);
    }

    static List<String> strings(String json) {
        return list(read(json), JsonNode::asText);
    }

    static String stringMap(Map<String, String> values) {
        ObjectNode node = object();
        values.forEach(node::put);
        return write(node);
    }

    static Map<String, String> stringMap(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        read(json).fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    // ---- offer parts ----------------------------------------------------------------------

    static String address(Address address) {
        ObjectNode node = object();
        node.put("name", address.name());
        node.put("street1", address.street1());
        address.street2().ifPresent(s -> node.put("street2", s));
        node.put("city", address.city());
        node.put("state", address.state());
        node.put("zip", address.zip());
        node.put("country", address.country());
        return write(node);
    }

    static Address address(String json) {
        JsonNode node = read(json);
        return new Address(text(node, "name"), text(node, "street1"), optionalText(node, "street2"),
                text(node, "city"), text(node, "state"), text(node, "zip"), text(node, "country"));
    }

    /** The identify step's result as a document (the columns hold the same; this marks the step done). */
    static String identification(Identification identification) {
        ObjectNode node = object();
        node.put("category", identification.item().category().code());
        identification.item().subcategory().ifPresent(s -> node.put("subcategory", s));
        identification.item().brand().ifPresent(s -> node.put("brand", s));
        identification.item().model().ifPresent(s -> node.put("model", s));
        node.put("condition", identification.item().condition().code());
        identification.item().features().forEach(node.putArray("features")::add);
        identification.item().damage().forEach(node.putArray("damage")::add);
        node.put("confidence", identification.confidence().toString());
        return write(node);
    }

    /** The voice step's result as a document (the columns hold the same; this marks the step done). */
    static String jake(JakeScript jake) {
        ObjectNode node = object();
        node.put("tier", jake.tier());
        node.put("script", jake.script());
        jake.voiceUrl().ifPresent(url -> node.put("voiceUrl", url));
        return write(node);
    }

    static String verification(Verification verification) {
        ObjectNode node = object();
        Grading grading = verification.grading();
        ObjectNode graded = node.putObject("grading");
        graded.put("conditionActual", grading.conditionActual().code());
        graded.put("approved", grading.approved());
        grading.revisedAmount().ifPresent(amount -> graded.put("revisedAmount", amount.toWire()));
        grading.serialNumber().ifPresent(s -> graded.put("serialNumber", s));
        grading.notes().ifPresent(s -> graded.put("notes", s));
        node.put("verifiedAt", verification.verifiedAt().toString());
        node.put("regradesUsed", verification.regradesUsed());
        verification.revision().ifPresent(revision -> {
            ObjectNode revised = node.putObject("revision");
            revised.put("originalAmount", revision.originalAmount().toWire());
            revised.put("revisedAmount", revision.revisedAmount().toWire());
            revised.put("state", revision.state().code());
            revision.answerBy().ifPresent(at -> revised.put("answerBy", at.toString()));
            revision.approvedBy().ifPresent(user -> revised.put("approvedBy", user.toString()));
        });
        return write(node);
    }

    static Verification verification(String json) {
        JsonNode node = read(json);
        JsonNode graded = required(node, "grading");
        Grading grading = new Grading(Condition.fromCode(text(graded, "conditionActual")),
                required(graded, "approved").asBoolean(), optionalText(graded, "revisedAmount").map(Money::usd),
                optionalText(graded, "serialNumber"), optionalText(graded, "notes"));
        Optional<Revision> revision = Optional.ofNullable(node.get("revision")).map(revised -> new Revision(
                money(revised, "originalAmount"), money(revised, "revisedAmount"),
                RevisionState.fromCode(text(revised, "state")),
                optionalText(revised, "answerBy").map(Instant::parse),
                optionalText(revised, "approvedBy").map(UserId::of)));
        return new Verification(grading, instant(node, "verifiedAt"), revision,
                required(node, "regradesUsed").asInt());
    }

    // ---- pipeline side results ------------------------------------------------------------

    static String comparables(List<ComparableSale> sales) {
        return write(comparablesNode(sales));
    }

    static String marketFindings(MarketFindings findings) {
        ObjectNode node = object();
        node.put("source", findings.source());
        node.put("usedCategoryDefaults", findings.usedCategoryDefaults());
        node.set("comparables", comparablesNode(findings.comparables()));
        return write(node);
    }

    static MarketFindings marketFindings(String json) {
        JsonNode node = read(json);
        return new MarketFindings(list(required(node, "comparables"), OfferJson::comparable), text(node, "source"),
                required(node, "usedCategoryDefaults").asBoolean());
    }

    static String breakdown(PriceBreakdown breakdown) {
        return write(breakdownNode(breakdown));
    }

    static String pricingDecision(PricingDecision decision) {
        ObjectNode node = object();
        node.put("path", decision.path().code());
        decision.quote().ifPresent(quote -> {
            ObjectNode quoted = node.putObject("quote");
            quoted.put("amount", quote.amount().toWire());
            quote.fmv().ifPresent(fmv -> quoted.put("fmv", fmv.toWire()));
            quote.fmvConfidence().ifPresent(c -> quoted.put("fmvConfidence", c.toString()));
        });
        node.set("marketValue", marketValueNode(decision.marketValue()));
        ArrayNode adjustments = node.putArray("adjustments");
        for (Adjustment adjustment : decision.adjustments()) {
            ObjectNode adjusted = adjustments.addObject();
            adjusted.put("rule", adjustment.rule());
            adjusted.put("before", adjustment.before().toWire());
            adjusted.put("after", adjustment.after().toWire());
            adjusted.put("reason", adjustment.reason());
        }
        node.set("reasons", reasonsNode(decision.reasons()));
        node.set("breakdown", breakdownNode(decision.breakdown()));
        return write(node);
    }

    static PricingDecision pricingDecision(String json) {
        JsonNode node = read(json);
        Optional<Quote> quote = Optional.ofNullable(node.get("quote")).map(quoted -> new Quote(money(quoted, "amount"),
                optionalText(quoted, "fmv").map(Money::usd), optionalText(quoted, "fmvConfidence").map(BigDecimal::new)));
        List<Adjustment> adjustments = list(required(node, "adjustments"), adjusted -> new Adjustment(
                text(adjusted, "rule"), money(adjusted, "before"), money(adjusted, "after"), text(adjusted, "reason")));
        List<Reason> reasons = list(required(node, "reasons"),
                reason -> new Reason(text(reason, "rule"), text(reason, "message")));
        PriceBreakdown breakdown = new PriceBreakdown(list(required(node, "breakdown"), line -> new BreakdownLine(
                text(line, "label"), text(line, "value"), optionalText(line, "note"))));
        return new PricingDecision(PricingPath.fromCode(text(node, "path")), quote,
                marketValue(required(node, "marketValue")), adjustments, reasons, breakdown);
    }

    static String reasons(List<Reason> reasons) {
        return write(reasonsNode(reasons));
    }

    private static ArrayNode reasonsNode(List<Reason> reasons) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Reason reason : reasons) {
            array.addObject().put("rule", reason.rule()).put("message", reason.message());
        }
        return array;
    }

    private static ArrayNode breakdownNode(PriceBreakdown breakdown) {
        ArrayNode lines = MAPPER.createArrayNode();
        for (BreakdownLine line : breakdown.lines()) {
            ObjectNode written = lines.addObject();
            written.put("label", line.label());
            written.put("value", line.value());
            line.note().ifPresent(note -> written.put("note", note));
        }
        return lines;
    }

    private static ObjectNode marketValueNode(FmvEstimate estimate) {
        ObjectNode node = object();
        if (estimate instanceof FmvEstimate.Estimated estimated) {
            node.put("type", "estimated");
            node.put("fmv", estimated.fmv().toWire());
            node.put("lowerQuartile", estimated.lowerQuartile().toWire());
            node.put("confidence", estimated.confidence().toString());
            node.put("considered", estimated.considered());
            node.put("usable", estimated.usable());
            node.set("used", comparablesNode(estimated.used()));
            node.set("outliers", comparablesNode(estimated.outliers()));
            node.put("lowerFence", estimated.lowerFence().toString());
            node.put("upperFence", estimated.upperFence().toString());
            node.put("halfLife", estimated.halfLife().toString());
        } else if (estimate instanceof FmvEstimate.NeedsHuman needsHuman) {
            node.put("type", "needs_human");
            node.put("reason", needsHuman.reason());
            node.put("considered", needsHuman.considered());
            node.put("usable", needsHuman.usable());
            node.put("remaining", needsHuman.remaining());
            node.put("required", needsHuman.required());
        }
        return node;
    }

    private static FmvEstimate marketValue(JsonNode node) {
        String type = text(node, "type");
        return switch (type) {
            case "estimated" -> new FmvEstimate.Estimated(money(node, "fmv"), money(node, "lowerQuartile"),
                    decimal(node, "confidence"), integer(node, "considered"), integer(node, "usable"),
                    list(required(node, "used"), OfferJson::comparable),
                    list(required(node, "outliers"), OfferJson::comparable), decimal(node, "lowerFence"),
                    decimal(node, "upperFence"), Duration.parse(text(node, "halfLife")));
            case "needs_human" -> new FmvEstimate.NeedsHuman(text(node, "reason"), integer(node, "considered"),
                    integer(node, "usable"), integer(node, "remaining"), integer(node, "required"));
            default -> throw new IllegalStateException("unknown market value type '" + type + "'");
        };
    }

    private static ArrayNode comparablesNode(List<ComparableSale> sales) {
        ArrayNode array = MAPPER.createArrayNode();
        for (ComparableSale sale : sales) {
            ObjectNode node = array.addObject();
            node.put("title", sale.title());
            node.put("price", sale.price().toWire());
            node.put("condition", sale.condition().code());
            node.put("soldAt", sale.soldAt().toString());
            node.put("url", sale.url());
        }
        return array;
    }

    private static ComparableSale comparable(JsonNode node) {
        return new ComparableSale(text(node, "title"), money(node, "price"), Condition.fromCode(text(node, "condition")),
                instant(node, "soldAt"), text(node, "url"));
    }

    // ---- field access ---------------------------------------------------------------------

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        if (!array.isArray()) {
            throw new IllegalStateException("expected a JSON array, found " + array.getNodeType());
        }
        List<T> values = new ArrayList<>(array.size());
        array.forEach(item -> values.add(element.apply(item)));
        return values;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("stored JSON has no '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Money money(JsonNode node, String field) {
        return Money.usd(text(node, field));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(text(node, field));
    }

    private static int integer(JsonNode node, String field) {
        return required(node, field).asInt();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(text(node, field));
    }
}
