package com.jakebuysit.adapters.out.oauth;

import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A provider's published signing keys, each bound to the one algorithm the key declares (RS256
 * when it declares none), so a token can never choose how it is checked.
 */
final class JsonWebKeys {

    /** Keys below this size are not trusted; Google and Apple publish 2048-bit keys. */
    static final int MIN_RSA_BITS = 2048;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RSA_ALGORITHMS = Set.of("RS256", "RS384", "RS512");

    private final Map<String, Algorithm> byKid;

    private JsonWebKeys(Map<String, Algorithm> byKid) {
        this.byKid = Map.copyOf(byKid);
    }

    static JsonWebKeys empty() {
        return new JsonWebKeys(Map.of());
    }

    /**
     * Reads a JWK Set. Keys that are not for signatures, of an unknown type, too small or
     * malformed are left out rather than failing the whole set; the first key with a kid wins.
     *
     * @throws IllegalArgumentException when the document is not a JWK Set at all
     */
    static JsonWebKeys parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the key set is not JSON");
        }
        if (root == null || !root.path("keys").isArray()) {
            throw new IllegalArgumentException("the key set has no keys array");
        }
        Map<String, Algorithm> byKid = new LinkedHashMap<>();
        for (JsonNode jwk : root.get("keys")) {
            String kid = text(jwk, "kid");
            if (kid == null || byKid.containsKey(kid)) {
                continue;
            }
            String use = text(jwk, "use");
            if (use != null && !use.equals("sig")) {
                continue;
            }
            toAlgorithm(jwk).ifPresent(algorithm -> byKid.put(kid, algorithm));
        }
        return new JsonWebKeys(byKid);
    }

    Optional<Algorithm> algorithmFor(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    Set<String> kids() {
        return byKid.keySet();
    }

    private static Optional<Algorithm> toAlgorithm(JsonNode jwk) {
        String alg = text(jwk, "alg");
        try {
            return switch (String.valueOf(text(jwk, "kty"))) {
                case "RSA" -> rsa(jwk, alg == null ? "RS256" : alg);
                case "EC" -> ec(jwk, alg);
                default -> Optional.empty();
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Algorithm> rsa(JsonNode jwk, String alg) throws GeneralSecurityException {
        if (!RSA_ALGORITHMS.contains(alg)) {
            return Optional.empty();
        }
        BigInteger modulus = unsigned(jwk, "n");
        BigInteger exponent = unsigned(jwk, "e");
        if (modulus.bitLength() < MIN_RSA_BITS) {
            return Optional.empty();
        }
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(modulus, exponent));
        return Optional.of(switch (alg) {
            case "RS384" -> Algorithm.RSA384(key, null);
            case "RS512" -> Algorithm.RSA512(key, null);
            default -> Algorithm.RSA256(key, null);
        });
    }

    private static Optional<Algorithm> ec(JsonNode jwk, String alg) throws GeneralSecurityException {
        // The curve fixes the algorithm; a declared alg that disagrees makes the key unusable.
        String curve = String.valueOf(text(jwk, "crv"));
        String expected = switch (curve) {
            case "P-256" -> "ES256";
            case "P-384" -> "ES384";
            case "P-521" -> "ES512";
            default -> null;
        };
        if (expected == null || (alg != null && !alg.equals(expected))) {
            return Optional.empty();
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(switch (curve) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            default -> "secp521r1";
        }));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y"));
        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
        return Optional.of(switch (expected) {
            case "ES384" -> Algorithm.ECDSA384(key);
            case "ES512" -> Algorithm.ECDSA512(key);
            default -> Algorithm.ECDSA256(key);
        });
    }

    private static BigInteger unsigned(JsonNode jwk, String field) {
        String value = text(jwk, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
