package com.jakebuysit.adapters.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.port.PayoutDetailsVault;
import com.jakebuysit.application.port.SecretBox;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.PayoutDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Payout details in the {@code users} row, as JSON sealed by a {@link SecretBox} with the account id
 * as context ({@code payout_details_ciphertext}, {@code payout_details_key_id}). Joins the caller's
 * transaction when one is open on the thread.
 */
public final class JdbiPayoutDetailsVault implements PayoutDetailsVault {

    private final Jdbi jdbi;
    private final SecretBox box;
    private final ObjectMapper json;

    public JdbiPayoutDetailsVault(Jdbi jdbi, SecretBox box, ObjectMapper json) {
        this.jdbi = jdbi;
        this.box = box;
        this.json = json;
    }

    @Override
    public void put(UserId owner, PayoutDetails details) {
        if (details instanceof PayoutDetails.JakeBucks) {
            clear(owner);
            return;
        }
        SecretBox.Sealed sealed = box.seal(encode(details), context(owner));
        int updated = jdbi.withHandle(handle -> handle.createUpdate("""
                UPDATE users SET payout_details_ciphertext = :ciphertext, payout_details_key_id = :keyId
                 WHERE id = :id
                """)
                .bind("id", owner.value())
                .bind("ciphertext", sealed.ciphertext())
                .bind("keyId", sealed.keyId())
                .execute());
        if (updated != 1) {
            throw new IllegalStateException("no account " + owner);
        }
    }

    @Override
    public Optional<PayoutDetails> open(UserId owner) {
        return stored(owner).map(sealed -> decode(box.open(sealed, context(owner))));
    }

    @Override
    public void clear(UserId owner) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                UPDATE users SET payout_details_ciphertext = NULL, payout_details_key_id = NULL WHERE id = :id
                """)
                .bind("id", owner.value())
                .execute());
    }

    @Override
    public Optional<String> keyIdOf(UserId owner) {
        return stored(owner).map(SecretBox.Sealed::keyId);
    }

    @Override
    public List<UserId> lockSealedUnderRetiredKeys(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT id FROM users
                 WHERE payout_details_ciphertext IS NOT NULL AND payout_details_key_id <> :active
                 ORDER BY id
                 LIMIT :limit
                   FOR UPDATE SKIP LOCKED
                """)
                .bind("active", box.activeKeyId())
                .bind("limit", limit)
                .mapTo(UUID.class)
                .map(UserId::new)
                .list());
    }

    private Optional<SecretBox.Sealed> stored(UserId owner) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT payout_details_ciphertext, payout_details_key_id FROM users
                 WHERE id = :id AND payout_details_ciphertext IS NOT NULL
                """)
                .bind("id", owner.value())
                .map((rs, ctx) -> new SecretBox.Sealed(rs.getBytes("payout_details_ciphertext"),
                        rs.getString("payout_details_key_id")))
                .findOne());
    }

    /** Binds the sealed value to its account: copied onto another row, it does not open. */
    static String context(UserId owner) {
        return "users/" + owner + "/payout_details";
    }

    private String encode(PayoutDetails details) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("method", details.method().code());
        if (details instanceof PayoutDetails.StripeAccount stripe) {
            fields.put("accountId", stripe.accountId());
        } else if (details instanceof PayoutDetails.BankAccount bank) {
            fields.put("routingNumber", bank.routingNumber());
            fields.put("accountNumber", bank.accountNumber());
        } else if (details instanceof PayoutDetails.PayPalAccount paypal) {
            fields.put("email", paypal.email().value());
        }
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode payout details", e);
        }
    }

    private PayoutDetails decode(String plaintext) {
        try {
            JsonNode node = json.readTree(plaintext);
            String method = node.path("method").asText();
            return switch (method) {
                case "stripe" -> node.has("accountId")
                        ? new PayoutDetails.StripeAccount(node.get("accountId").asText())
                        : new PayoutDetails.BankAccount(node.path("routingNumber").asText(),
                                node.path("accountNumber").asText());
                case "paypal" -> new PayoutDetails.PayPalAccount(Email.of(node.path("email").asText()));
                default -> throw new IllegalStateException("sealed payout details of unknown method '" + method + "'");
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed payout details are not JSON", e);
        }
    }
}
