package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.in.rest.PhotosResource;
import com.jakebuysit.adapters.out.local.LocalDiskPhotoStore;
import com.jakebuysit.adapters.out.s3.S3PhotoStore;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.bootstrap.config.ProvidersConfig;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the photo store from {@code providers.photos.type}: S3 (presigned links straight to the
 * bucket) or the local disk, whose signed links this service serves itself at {@code /api/v1/photos}.
 */
final class PhotoStoreWiring {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoStoreWiring.class);

    private PhotoStoreWiring() {
    }

    static PhotoStore build(JakeBuysItConfiguration config, Environment environment) {
        return build(config, environment, Clock.systemUTC());
    }

    static PhotoStore build(JakeBuysItConfiguration config, Environment environment, Clock clock) {
        ProvidersConfig.PhotoStore photos = config.getProviders().getPhotos();
        if ("s3".equals(photos.getType())) {
            S3PhotoStore.Settings settings = s3Settings(photos);
            S3PhotoStore store = S3PhotoStore.create(settings);
            environment.lifecycle().manage(new Managed() {
                @Override
                public void stop() {
                    store.close();
                }
            });
            LOG.info("photos: S3 bucket {} at {}", settings.bucket(),
                    settings.endpoint().map(URI::toString).orElse("AWS " + settings.region()));
            return store;
        }
        LocalDiskPhotoStore store = new LocalDiskPhotoStore(Path.of(photos.getLocalDirectory()),
                urlSigningSecret(photos.getUrlSigningSecret()), URI.create(config.getAuth().getPublicBaseUrl().strip()),
                clock);
        environment.jersey().register(new PhotosResource(store, store, clock));
        LOG.info("photos: local disk under {}, served by this service", store.directory());
        return store;
    }

    static S3PhotoStore.Settings s3Settings(ProvidersConfig.PhotoStore photos) {
        if (photos.getS3Bucket() == null || photos.getS3Bucket().isBlank()) {
            throw new IllegalStateException("PHOTO_STORE=s3 needs S3_BUCKET");
        }
        String endpoint = photos.getS3Endpoint() == null ? "" : photos.getS3Endpoint().strip();
        return new S3PhotoStore.Settings(photos.getS3Bucket(), photos.getS3Region(),
                endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)),
                photos.getS3AccessKey(), photos.getS3SecretKey());
    }

    /** The configured secret, or a random one for this run: links are short-lived, so a restart only ends them early. */
    static byte[] urlSigningSecret(String configured) {
        if (configured == null || configured.isBlank()) {
            byte[] secret = new byte[LocalDiskPhotoStore.MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            LOG.warn("PHOTO_URL_SECRET is not set: signing photo links with a key made at start. Links stop working"
                    + " on restart and on any other instance; set PHOTO_URL_SECRET when that matters.");
            return secret;
        }
        byte[] secret = configured.getBytes(StandardCharsets.UTF_8);
        if (secret.length < LocalDiskPhotoStore.MIN_SECRET_BYTES) {
            throw new IllegalStateException("PHOTO_URL_SECRET must be at least "
                    + LocalDiskPhotoStore.MIN_SECRET_BYTES + " bytes");
        }
        return secret;
    }
}
