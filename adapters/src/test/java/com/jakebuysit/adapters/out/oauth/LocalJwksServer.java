package com.jakebuysit.adapters.out.oauth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in for Google's or Apple's key endpoint: serves a JWK Set of keys it generates on
 * 127.0.0.1 (plain HTTP, or HTTPS with a throw-away self-signed certificate) and signs ID tokens
 * with them, so sign-in can be tested end to end without the network.
 *
 * <pre>{@code
 * try (LocalJwksServer jwks = LocalJwksServer.start()) {
 *     var verifier = new JwksIdentityVerifier(Map.of(GOOGLE, jwks.provider()), jwks.httpClient(), clock);
 *     String token = jwks.signIdToken(Map.of("sub", "g-123", "email", "ann@example.com", "email_verified", true));
 * }
 * }</pre>
 */
public final class LocalJwksServer implements AutoCloseable {

    public static final String DEFAULT_ISSUER = "https://issuer.jwks.test";
    public static final String DEFAULT_CLIENT_ID = "jakebuysit-test-client";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/jwks";

    /** A key the server can sign with; {@code jwk} is what it publishes while the key is live. */
    private record SigningKey(String kid, Algorithm algorithm, KeyPair pair, Map<String, Object> jwk) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final String scheme;
    private final String issuer;
    private final String clientId;
    private final Clock clock;
    private final AtomicInteger hits = new AtomicInteger();
    private final Map<String, SigningKey> everyKey = new LinkedHashMap<>();
    private final List<SigningKey> published = new ArrayList<>();
    private SigningKey current;
    private int status = 200;
    private String cacheControl;
    private Duration delay = Duration.ZERO;

    private LocalJwksServer(HttpServer server, HttpClient client, String scheme, String issuer, String clientId,
                            Clock clock) {
        this.server = server;
        this.client = client;
        this.scheme = scheme;
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-jwks");
            thread.setDaemon(true);
            return thread;
        });
        rotateKey();
        server.createContext(PATH, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Plain HTTP on 127.0.0.1, the default issuer and client id, and the system clock. */
    public static LocalJwksServer start() {
        return start(DEFAULT_ISSUER, DEFAULT_CLIENT_ID, Clock.systemUTC());
    }

    /** Plain HTTP on 127.0.0.1; {@code clock} sets the {@code iat}/{@code exp} of signed tokens. */
    public static LocalJwksServer start(String issuer, String clientId, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return new LocalJwksServer(server, client, "http", issuer, clientId, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * HTTPS on 127.0.0.1 with a certificate made by the JDK's keytool for this server alone;
     * {@link #httpClient()} trusts it, a default client does not.
     */
    public static LocalJwksServer startHttps(String issuer, String clientId, Clock clock) {
        try {
            char[] password = "local-jwks".toCharArray();
            KeyStore keyStore = selfSignedKeyStore(password);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, password);
            SSLContext serverTls = SSLContext.getInstance("TLS");
            serverTls.init(keyManagers.getKeyManagers(), null, null);

            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("local-jwks", keyStore.getCertificate("local-jwks"));
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext clientTls = SSLContext.getInstance("TLS");
            clientTls.init(null, trustManagers.getTrustManagers(), null);

            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(clientTls)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            return new LocalJwksServer(server, client, "https", issuer, clientId, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not set up TLS for the local JWKS server", e);
        }
    }

    /** Where the key set is served, e.g. {@code http://127.0.0.1:54321/jwks}. */
    public URI url() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** A client that reaches this server (and, for HTTPS, trusts its certificate). */
    public HttpClient httpClient() {
        return client;
    }

    /** The provider settings a verifier needs to accept this server's tokens. */
    public JwksIdentityVerifier.Provider provider() {
        return new JwksIdentityVerifier.Provider(clientId, url(), List.of(issuer));
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** The kid of the key {@link #signIdToken(Map)} signs with. */
    public synchronized String kid() {
        return current.kid();
    }

    /** The public half of the current signing key (for forging tokens in tests). */
    public synchronized PublicKey publicKey() {
        return current.pair().getPublic();
    }

    /** Replaces every published key with a fresh RSA-2048 key; returns its kid. */
    public synchronized String rotateKey() {
        published.clear();
        return addKey();
    }

    /** Publishes a fresh RSA-2048 key (RS256) beside the others and signs with it from now on. */
    public synchronized String addKey() {
        KeyPair pair = generate("RSA", null);
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        String kid = "rsa-" + UUID.randomUUID();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", base64Url(publicKey.getModulus(), 0));
        jwk.put("e", base64Url(publicKey.getPublicExponent(), 0));
        return publish(new SigningKey(kid, Algorithm.RSA256(publicKey, (RSAPrivateKey) pair.getPrivate()), pair, jwk));
    }

    /** Publishes a fresh P-256 key (ES256) beside the others and signs with it from now on. */
    public synchronized String addEcKey() {
        KeyPair pair = generate("EC", new ECGenParameterSpec("secp256r1"));
        ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
        String kid = "ec-" + UUID.randomUUID();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "ES256");
        jwk.put("crv", "P-256");
        jwk.put("x", base64Url(publicKey.getW().getAffineX(), 32));
        jwk.put("y", base64Url(publicKey.getW().getAffineY(), 32));
        return publish(new SigningKey(kid, Algorithm.ECDSA256(publicKey, (ECPrivateKey) pair.getPrivate()), pair, jwk));
    }

    /** Stops publishing the key {@code kid}; it can still sign, as a leaked or retired key could. */
    public synchronized void unpublish(String kid) {
        published.removeIf(key -> key.kid().equals(kid));
    }

    /**
     * An ID token signed with the current key. {@code iss}, {@code aud}, {@code iat} and
     * {@code exp} (iat + 10 minutes) are filled in from this server unless {@code claims} sets
     * them; a claim mapped to {@code null} is left out.
     */
    public String signIdToken(Map<String, ?> claims) {
        return signIdToken(claims, kid());
    }

    /** As {@link #signIdToken(Map)}, with any key this server ever made, published or not. */
    public String signIdToken(Map<String, ?> claims, String kid) {
        return sign(claims, key(kid).algorithm(), kid);
    }

    /**
     * A token signed by the current RSA key under {@code RS256}, {@code RS384} or {@code RS512},
     * whatever alg the key publishes: for showing that the key's alg, not the token's, decides.
     */
    public String signIdTokenWithAlgorithm(String alg, Map<String, ?> claims) {
        SigningKey key = key(kid());
        RSAPublicKey publicKey = (RSAPublicKey) key.pair().getPublic();
        RSAPrivateKey privateKey = (RSAPrivateKey) key.pair().getPrivate();
        Algorithm algorithm = switch (alg) {
            case "RS256" -> Algorithm.RSA256(publicKey, privateKey);
            case "RS384" -> Algorithm.RSA384(publicKey, privateKey);
            case "RS512" -> Algorithm.RSA512(publicKey, privateKey);
            default -> throw new IllegalArgumentException("not an RSA algorithm: " + alg);
        };
        return sign(claims, algorithm, key.kid());
    }

    private synchronized SigningKey key(String kid) {
        SigningKey key = everyKey.get(kid);
        if (key == null) {
            throw new IllegalArgumentException("this server never made a key " + kid);
        }
        return key;
    }

    private String sign(Map<String, ?> claims, Algorithm algorithm, String kid) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer);
        payload.put("aud", clientId);
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(DEFAULT_LIFETIME).getEpochSecond());
        payload.putAll(claims);
        payload.values().removeIf(value -> value == null);
        return JWT.create().withKeyId(kid).withPayload(payload).sign(algorithm);
    }

    /** How many times the key set has been requested. */
    public int hits() {
        return hits.get();
    }

    /** Answers key-set requests with this status (and no keys) until set back to 200. */
    public synchronized void respondWith(int status) {
        this.status = status;
    }

    /** The Cache-Control header of the key set; {@code null} (the default) sends none. */
    public synchronized void cacheControl(String value) {
        this.cacheControl = value;
    }

    /** Waits this long before answering each key-set request. */
    public synchronized void delay(Duration delay) {
        this.delay = delay;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private synchronized String publish(SigningKey key) {
        everyKey.put(key.kid(), key);
        published.add(key);
        current = key;
        return key.kid();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            hits.incrementAndGet();
            int answer;
            String cache;
            Duration wait;
            byte[] body;
            synchronized (this) {
                answer = status;
                cache = cacheControl;
                wait = delay;
                body = keySet();
            }
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (answer != 200) {
                byte[] error = "{\"error\":\"unavailable\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (cache != null) {
                exchange.getResponseHeaders().set("Cache-Control", cache);
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] keySet() {
        try {
            return JSON.writeValueAsBytes(Map.of("keys", published.stream().map(SigningKey::jwk).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(curve);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unsigned big-endian, left-padded to {@code length} bytes when given (EC coordinates). */
    private static String base64Url(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyStore selfSignedKeyStore(char[] password) throws IOException, GeneralSecurityException {
        Path directory = Files.createTempDirectory("local-jwks");
        Path file = directory.resolve("server.p12");
        try {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-noprompt",
                    "-alias", "local-jwks", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(password), "-keypass", new String(password))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keyStore.load(in, password);
            }
            return keyStore;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }
}
