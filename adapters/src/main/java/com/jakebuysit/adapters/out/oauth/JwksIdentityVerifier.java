package com.jakebuysit.adapters.out.oauth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.jakebuysit.application.port.IdentityVerifier;
import com.jakebuysit.domain.account.IdentityProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks Google and Apple ID tokens: the signature against the key the provider publishes under
 * the token's {@code kid} (with the algorithm that key declares, never the one the token asks
 * for), then {@code iss}, {@code aud}, {@code exp}, {@code iat} and the sign-in nonce.
 *
 * <p>Every refusal, including "the provider's key set cannot be fetched" and "this provider is
 * not configured", is an {@link InvalidIdentityToken} with a short reason that never quotes the
 * token. For Apple the nonce may be the raw nonce or its SHA-256 in lowercase hex, because the
 * Apple SDKs ask apps to send Apple the hash and keep the raw value for the server.
 */
public final class JwksIdentityVerifier implements IdentityVerifier {

    /** The longest a key-set fetch may take, body included. */
    public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    /** Clock skew forgiven on {@code exp}, {@code iat} and {@code nbf}. */
    public static final Duration LEEWAY = Duration.ofSeconds(60);

    /** Anything longer is not an ID token; refused before it is parsed. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    private static final Set<String> ACCEPTED_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /**
     * Where a provider publishes its keys and what its tokens must say. A blank client id means
     * the provider is not set up: every token for it is refused rather than the app refusing to
     * start. The key set must come over HTTPS, except from a loopback address (local tests).
     */
    public record Provider(String clientId, URI jwksUrl, List<String> issuers) {

        public Provider {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(jwksUrl, "jwksUrl");
            Objects.requireNonNull(issuers, "issuers");
            issuers = List.copyOf(issuers);
            if (issuers.isEmpty() || issuers.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("a provider needs at least one non-blank issuer");
            }
            String scheme = jwksUrl.getScheme() == null ? "" : jwksUrl.getScheme().toLowerCase(Locale.ROOT);
            String host = jwksUrl.getHost();
            if (host == null) {
                throw new IllegalArgumentException("the JWKS URL needs a host: " + jwksUrl);
            }
            boolean loopback = LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
            if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
                throw new IllegalArgumentException("the JWKS URL must be https (http only on loopback): " + jwksUrl);
            }
        }

        public boolean configured() {
            return !clientId.isBlank();
        }
    }

    private record Configured(Provider provider, ProviderKeys keys) {
    }

    private final Map<IdentityProvider, Configured> providers;
    private final Clock clock;

    public JwksIdentityVerifier(Map<IdentityProvider, Provider> providers, HttpClient http, Clock clock) {
        this(providers, http, clock, FETCH_TIMEOUT);
    }

    /** As the public constructor, with another fetch timeout (tests make it short). */
    JwksIdentityVerifier(Map<IdentityProvider, Provider> providers, HttpClient http, Clock clock, Duration fetchTimeout) {
        Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.providers = new EnumMap<>(IdentityProvider.class);
        providers.forEach((identityProvider, provider) -> this.providers.put(identityProvider, new Configured(provider,
                new ProviderKeys(identityProvider.code(), provider.jwksUrl(), http, clock, fetchTimeout))));
    }

    @Override
    public VerifiedIdentity verify(IdentityProvider identityProvider, String idToken, Optional<String> expectedNonce) {
        Objects.requireNonNull(identityProvider, "provider");
        Configured configured = providers.get(identityProvider);
        if (configured == null || !configured.provider().configured()) {
            throw refused(identityProvider.code() + " sign-in is not configured");
        }
        if (idToken == null || idToken.isBlank() || idToken.length() > MAX_TOKEN_CHARS) {
            throw refused("not an ID token");
        }
        DecodedJWT unverified;
        try {
            unverified = JWT.decode(idToken);
        } catch (JWTDecodeException e) {
            throw refused("not an ID token");
        }
        // Refused before any key lookup, so a forged header cannot make us fetch anything.
        String alg = unverified.getAlgorithm();
        if (alg == null || !ACCEPTED_ALGORITHMS.contains(alg)) {
            throw refused("signing algorithm not accepted");
        }
        String kid = unverified.getKeyId();
        if (kid == null || kid.isBlank()) {
            throw refused("token names no signing key");
        }
        Algorithm algorithm = configured.keys().algorithmFor(kid)
                .orElseThrow(() -> refused("unknown signing key"));

        DecodedJWT token = check(configured.provider(), algorithm, idToken);
        checkNonce(identityProvider, token, expectedNonce);
        return identity(identityProvider, token);
    }

    private DecodedJWT check(Provider provider, Algorithm algorithm, String idToken) {
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(provider.issuers().toArray(String[]::new))
                .withAudience(provider.clientId())
                .withClaimPresence("sub")
                .withClaimPresence("exp")
                .withClaimPresence("iat")
                .acceptLeeway(LEEWAY.toSeconds()))
                .build(clock);
        try {
            return verifier.verify(idToken);
        } catch (AlgorithmMismatchException e) {
            throw refused("signing algorithm does not match the key");
        } catch (SignatureVerificationException e) {
            throw refused("signature does not verify");
        } catch (TokenExpiredException e) {
            throw refused("token expired");
        } catch (MissingClaimException e) {
            throw refused("token has no " + e.getClaimName());
        } catch (IncorrectClaimException e) {
            throw refused(switch (e.getClaimName()) {
                case "iss" -> "wrong issuer";
                case "aud" -> "wrong audience";
                case "iat" -> "token issued in the future";
                case "nbf" -> "token not yet valid";
                default -> "claim " + e.getClaimName() + " rejected";
            });
        } catch (JWTVerificationException e) {
            throw refused("token rejected");
        }
    }

    private static void checkNonce(IdentityProvider provider, DecodedJWT token, Optional<String> expectedNonce) {
        if (expectedNonce.isEmpty()) {
            return;
        }
        String nonce = token.getClaim("nonce").asString();
        if (nonce == null) {
            throw refused("token has no nonce");
        }
        String expected = expectedNonce.get();
        boolean matches = same(nonce, expected)
                || (provider == IdentityProvider.APPLE && same(nonce, sha256Hex(expected)));
        if (!matches) {
            throw refused("nonce does not match");
        }
    }

    private static VerifiedIdentity identity(IdentityProvider provider, DecodedJWT token) {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw refused("token has no subject");
        }
        Optional<String> email = text(token.getClaim("email"));
        return new VerifiedIdentity(provider, subject, email,
                email.isPresent() && isTrue(token.getClaim("email_verified")),
                text(token.getClaim("name")));
    }

    /** Google sends {@code email_verified} as a JSON boolean, Apple as the string "true"/"false". */
    private static boolean isTrue(Claim claim) {
        Boolean bool = claim.asBoolean();
        if (bool != null) {
            return bool;
        }
        return "true".equalsIgnoreCase(claim.asString());
    }

    private static Optional<String> text(Claim claim) {
        String value = claim.asString();
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static InvalidIdentityToken refused(String reason) {
        return new InvalidIdentityToken(reason);
    }
}
