package com.jakebuysit.adapters.out.s3;

import com.jakebuysit.application.port.PhotoStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Photos in an S3 bucket (AWS, or any S3-compatible server reached through an endpoint override,
 * then with path-style addressing). Clients get short-lived presigned GET URLs, never the bucket.
 */
public final class S3PhotoStore implements PhotoStore, AutoCloseable {

    /** SigV4 presigned URLs cannot live longer than this. */
    public static final Duration MAX_URL_TTL = Duration.ofDays(7);

    /** The same keys as every other photo store: safe as a path segment list on any backend. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final int MAX_KEY_LENGTH = 512;
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    /**
     * Where the bucket is and who we are. An empty endpoint means AWS itself (virtual-hosted
     * addressing); a given endpoint means an S3-compatible server, addressed path-style. Blank
     * keys mean the SDK's default credential chain (environment, instance role).
     */
    public record Settings(String bucket, String region, Optional<URI> endpoint, String accessKey, String secretKey) {
        public Settings {
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("an S3 bucket is required");
            }
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("an S3 region is required");
            }
            Objects.requireNonNull(endpoint, "endpoint");
            accessKey = accessKey == null ? "" : accessKey.strip();
            secretKey = secretKey == null ? "" : secretKey.strip();
            if (accessKey.isEmpty() != secretKey.isEmpty()) {
                throw new IllegalArgumentException("set both the S3 access key and the secret key, or neither");
            }
            bucket = bucket.strip();
            region = region.strip();
        }

        boolean pathStyle() {
            return endpoint.isPresent();
        }

        @Override
        public String toString() {
            return "Settings[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint
                    + ", credentials=" + (accessKey.isEmpty() ? "default chain" : "static") + "]";
        }
    }

    S3PhotoStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.presigner = Objects.requireNonNull(presigner, "presigner");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    public static S3PhotoStore create(Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey().isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        Region region = Region.of(settings.region());

        var client = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: S3-compatible servers differ in their
                // support for the newer trailing-checksum uploads.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(30))
                        .apiCallTimeout(Duration.ofSeconds(90))
                        .build());
        var presign = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        settings.endpoint().ifPresent(endpoint -> {
            client.endpointOverride(endpoint);
            presign.endpointOverride(endpoint);
        });
        return new S3PhotoStore(client.build(), presign.build(), settings.bucket());
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        requireKey(key);
        Objects.requireNonNull(content, "content");
        if (contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("a content type is required");
        }
        try {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType.strip())
                    .contentLength((long) content.length), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("put", key, e);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        requireKey(key);
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key));
            String contentType = object.response().contentType();
            return Optional.of(new StoredObject(object.asByteArray(),
                    contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
                return Optional.empty();
            }
            throw failure("get", key, e);
        } catch (SdkException e) {
            throw failure("get", key, e);
        }
    }

    @Override
    public URI url(String key, Duration ttl) {
        requireKey(key);
        requireTtl(ttl);
        try {
            return presigner.presignGetObject(presign -> presign.signatureDuration(ttl)
                    .getObjectRequest(request -> request.bucket(bucket).key(key))).url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned a URL that is not a URI", e);
        } catch (SdkException e) {
            throw failure("presign", key, e);
        }
    }

    @Override
    public void delete(String key) {
        requireKey(key);
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // Already gone (S3 itself answers 204 here; some compatible servers say 404).
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
                return;
            }
            throw failure("delete", key, e);
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    /** For a health check: the bucket exists and these credentials reach it. */
    public void checkBucket() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            throw failure("head bucket", null, e);
        }
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    private S3StorageException failure(String operation, String key, SdkException e) {
        String where = "S3 bucket " + bucket + (key == null ? "" : ", key " + key);
        if (e instanceof S3Exception service) {
            int status = service.statusCode();
            boolean retryable = status >= 500 || status == 408 || status == 429 || service.isThrottlingException();
            return new S3StorageException(operation + " failed (" + where + "): HTTP " + status + " "
                    + Objects.requireNonNullElse(errorCode(service), "?"), retryable, e);
        }
        // Connection refused, timeouts, unreadable answers: the server may well answer next time.
        boolean retryable = e instanceof SdkClientException || e.retryable();
        return new S3StorageException(operation + " failed (" + where + "): " + e.getMessage(), retryable, e);
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    static void requireKey(String key) {
        if (key == null || key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a photo key (letters, digits, . _ - in /-separated segments,"
                    + " none starting with a dot, at most " + MAX_KEY_LENGTH + " characters)");
        }
    }

    private static void requireTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_URL_TTL) > 0) {
            throw new IllegalArgumentException("a URL lifetime must be between 1 s and " + MAX_URL_TTL.toDays()
                    + " days, not " + ttl);
        }
    }
}
