package com.jakebuysit.adapters.out.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.algorithms.Algorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWebKeysTest {

    private static final RSAPublicKey KEY_2048 = rsa(2048);
    private static final RSAPublicKey KEY_1024 = rsa(1024);

    private static RSAPublicKey rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return (RSAPublicKey) generator.generateKeyPair().getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An RSA JWK with {@code extra} spliced in, e.g. {@code "alg":"RS512",}. */
    private static String rsaJwk(String kid, RSAPublicKey key, String extra) {
        return "{" + extra + "\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(key.getModulus())
                + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}";
    }

    private static JsonWebKeys parse(String... jwks) {
        return JsonWebKeys.parse(("{\"keys\":[" + String.join(",", jwks) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void an_rsa_key_without_alg_is_rs256_and_a_declared_alg_is_kept() {
        JsonWebKeys keys = parse(rsaJwk("plain", KEY_2048, ""), rsaJwk("strong", KEY_2048, "\"alg\":\"RS512\","),
                rsaJwk("signing", KEY_2048, "\"use\":\"sig\",\"alg\":\"RS256\","));

        assertThat(keys.algorithmFor("plain")).map(Algorithm::getName).contains("RS256");
        assertThat(keys.algorithmFor("strong")).map(Algorithm::getName).contains("RS512");
        assertThat(keys.algorithmFor("signing")).map(Algorithm::getName).contains("RS256");
        assertThat(keys.algorithmFor("absent")).isEmpty();
    }

    @Test
    void leaves_out_keys_it_must_not_or_cannot_use() {
        JsonWebKeys keys = parse(
                rsaJwk("encryption", KEY_2048, "\"use\":\"enc\","),
                rsaJwk("small", KEY_1024, ""),
                rsaJwk("hmac-alg", KEY_2048, "\"alg\":\"HS256\","),
                rsaJwk("none-alg", KEY_2048, "\"alg\":\"none\","),
                "{\"kty\":\"oct\",\"kid\":\"secret\",\"k\":\"c2VjcmV0\"}",
                "{\"kty\":\"RSA\",\"kid\":\"broken\",\"n\":\"***\",\"e\":\"AQAB\"}",
                "{\"kty\":\"RSA\",\"kid\":\"no-exponent\",\"n\":\"" + b64(KEY_2048.getModulus()) + "\"}",
                "{\"kty\":\"EC\",\"kid\":\"ec-wrong-alg\",\"crv\":\"P-256\",\"alg\":\"ES512\",\"x\":\"AA\",\"y\":\"AA\"}",
                "{\"kty\":\"RSA\",\"n\":\"" + b64(KEY_2048.getModulus()) + "\",\"e\":\"AQAB\"}",
                rsaJwk("good", KEY_2048, ""));

        assertThat(keys.kids()).containsExactly("good");
    }

    @Test
    void the_first_key_with_a_kid_wins() {
        JsonWebKeys keys = parse(rsaJwk("same", KEY_2048, "\"alg\":\"RS384\","), rsaJwk("same", KEY_2048, ""));

        assertThat(keys.algorithmFor("same")).map(Algorithm::getName).contains("RS384");
    }

    @Test
    void refuses_a_document_that_is_not_a_key_set() {
        for (String body : List.of("not json", "{}", "{\"keys\":{}}", "[]", "")) {
            assertThatThrownBy(() -> JsonWebKeys.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void cache_control_decides_how_long_keys_are_kept() {
        assertThat(ProviderKeys.maxAge(List.of("public, max-age=21600, must-revalidate, no-transform"), null))
                .isEqualTo(Duration.ofSeconds(21600));
        assertThat(ProviderKeys.maxAge(List.of("max-age=600"), "100")).isEqualTo(Duration.ofSeconds(500));
        assertThat(ProviderKeys.maxAge(List.of("max-age=600"), "9000")).isEqualTo(Duration.ZERO);
        assertThat(ProviderKeys.maxAge(List.of("max-age=600"), "garbage")).isEqualTo(Duration.ofSeconds(600));
        assertThat(ProviderKeys.maxAge(List.of("max-age=99999999"), null)).isEqualTo(ProviderKeys.LONGEST_MAX_AGE);
        assertThat(ProviderKeys.maxAge(List.of("private", "max-age=60"), null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ProviderKeys.maxAge(List.of("max-age=600, no-cache"), null)).isEqualTo(Duration.ZERO);
        assertThat(ProviderKeys.maxAge(List.of("No-Store"), null)).isEqualTo(Duration.ZERO);
        assertThat(ProviderKeys.maxAge(List.of("max-age=soon"), null)).isEqualTo(Duration.ZERO);
        assertThat(ProviderKeys.maxAge(List.of(), null)).isEqualTo(ProviderKeys.DEFAULT_MAX_AGE);
    }
}
