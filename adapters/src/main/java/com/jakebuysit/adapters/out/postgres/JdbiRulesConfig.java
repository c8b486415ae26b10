package com.jakebuysit.adapters.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.jakebuysit.application.port.RulesConfig;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.rules.ConfidenceThresholds;
import com.jakebuysit.domain.rules.FraudSettings;
import com.jakebuysit.domain.rules.JakeBucksRules;
import com.jakebuysit.domain.rules.PayoutRules;
import com.jakebuysit.domain.rules.PricingRules;
import com.jakebuysit.domain.rules.RateLimitRules;
import com.jakebuysit.domain.rules.TrustRules;
import com.jakebuysit.domain.rules.VerificationRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The business rules from the {@code config} table: one JSON row per key of
 * {@link BusinessRules#CONFIG_KEYS}, whose fields are the component names of the matching record
 * (maps keyed by enum codes, decimals as JSON strings). Parsed rules are kept for a short time so a
 * hot path does not read eight rows per call; whoever writes a row calls {@link #invalidate()}, and
 * other instances see the change within the time to live.
 */
public final class JdbiRulesConfig implements RulesConfig {

    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(30);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration timeToLive;
    private final ObjectMapper json = rulesMapper();
    private volatile Cached cached;

    public JdbiRulesConfig(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC(), DEFAULT_TIME_TO_LIVE);
    }

    public JdbiRulesConfig(Jdbi jdbi, Clock clock, Duration timeToLive) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    }

    /** @throws InvalidConfigRow when a row is missing or does not make valid rules, naming its key */
    @Override
    public BusinessRules current() {
        Cached now = cached;
        Instant at = clock.instant();
        if (now != null && at.isBefore(now.until())) {
            return now.rules();
        }
        synchronized (this) {
            now = cached;
            if (now != null && at.isBefore(now.until())) {
                return now.rules();
            }
            BusinessRules rules = load();
            cached = new Cached(rules, clock.instant().plus(timeToLive));
            return rules;
        }
    }

    /** Forgets the cached rules, so the next {@link #current()} reads the table again. */
    public void invalidate() {
        cached = null;
    }

    private BusinessRules load() {
        Map<String, String> rows = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT key, CAST(value AS text) AS value FROM config WHERE key IN (<keys>)")
                .bindList("keys", BusinessRules.CONFIG_KEYS)
                .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("value")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        try {
            return new BusinessRules(
                    row(rows, BusinessRules.PRICING_RULES, PricingRules.class),
                    row(rows, BusinessRules.CONFIDENCE_THRESHOLDS, ConfidenceThresholds.class),
                    row(rows, BusinessRules.FRAUD_SETTINGS, FraudSettings.class),
                    row(rows, BusinessRules.TRUST, TrustRules.class),
                    row(rows, BusinessRules.JAKE_BUCKS, JakeBucksRules.class),
                    row(rows, BusinessRules.VERIFICATION, VerificationRules.class),
                    row(rows, BusinessRules.PAYOUTS, PayoutRules.class),
                    row(rows, BusinessRules.RATE_LIMITS, RateLimitRules.class));
        } catch (IllegalArgumentException e) {
            // The one rule across rows (offer floor vs new-account cap); its message names both fields.
            throw new InvalidConfigRow(BusinessRules.PRICING_RULES + "/" + BusinessRules.FRAUD_SETTINGS,
                    e.getMessage(), e);
        }
    }

    private <T> T row(Map<String, String> rows, String key, Class<T> type) {
        String value = rows.get(key);
        if (value == null) {
            throw new InvalidConfigRow(key, "there is no such row", null);
        }
        try {
            return json.readValue(value, type);
        } catch (JsonMappingException e) {
            throw new InvalidConfigRow(key, describe(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigRow(key, "not JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigRow(key, e.getMessage(), e);
        }
    }

    /** The field path and the problem, e.g. "conditionMultiplier.like_new: ..." or the record's own complaint. */
    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        Throwable cause = e.getCause();
        // A record constructor's own validation arrives as the cause (its message names the field).
        String problem = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        return path.isEmpty() ? problem : path + ": " + problem;
    }

    private static ObjectMapper rulesMapper() {
        SimpleModule codes = new SimpleModule("rule-codes");
        codes.addKeyDeserializer(Category.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) {
                return Category.fromCode(key);
            }
        });
        codes.addKeyDeserializer(Condition.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) {
                return Condition.fromCode(key);
            }
        });
        return JsonMapper.builder()
                .addModule(codes)
                // A row may carry fields a newer version reads; a missing field is an error.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    private record Cached(BusinessRules rules, Instant until) {
    }

    /** A {@code config} row that is missing or does not parse into valid rules. */
    public static final class InvalidConfigRow extends IllegalStateException {

        private final String key;

        public InvalidConfigRow(String key, String problem, Throwable cause) {
            super("config row '" + key + "' is invalid: " + problem, cause);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
