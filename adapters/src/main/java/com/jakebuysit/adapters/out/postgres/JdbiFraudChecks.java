package com.jakebuysit.adapters.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.jakebuysit.application.port.FraudChecks;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.fraud.Assessment;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Fraud verdicts in {@code fraud_checks}: the verdict's code as the result, its reasons (rule and
 * message) and the facts the rules saw as JSON. Written through the caller's open transaction.
 */
public final class JdbiFraudChecks implements FraudChecks {

    private final Jdbi jdbi;
    private final ObjectMapper json;

    /**
     * @param json serialises the facts (the application's mapper, which knows java.time and Optional);
     *     times are written as ISO-8601 text whatever it is configured to do, so a reviewer can read them
     */
    public JdbiFraudChecks(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Override
    public void record(Optional<OfferId> offer, Optional<UserId> user, String checkType, Assessment assessment,
                       Map<String, Object> facts) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                INSERT INTO fraud_checks (offer_id, user_id, check_type, result, reasons, facts)
                VALUES (CAST(:offer AS uuid), CAST(:user AS uuid), :checkType, :result, CAST(:reasons AS jsonb), CAST(:facts AS jsonb))
                """)
                .bind("offer", offer.map(OfferId::value).orElse(null))
                .bind("user", user.map(UserId::value).orElse(null))
                .bind("checkType", checkType)
                .bind("result", assessment.verdict().code())
                .bind("reasons", OfferJson.reasons(assessment.reasons()))
                .bind("facts", toJson(facts))
                .execute());
    }

    private String toJson(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("fraud check facts are not serialisable", e);
        }
    }
}
