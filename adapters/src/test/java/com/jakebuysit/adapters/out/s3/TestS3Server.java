package com.jakebuysit.adapters.out.s3;

import java.net.URI;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3-compatible server (s3proxy over an in-memory blob store) on a free loopback port,
 * checking SigV4 signatures like S3 does. Stopped on close.
 */
final class TestS3Server implements AutoCloseable {

    static final String ACCESS_KEY = "test-access-key";
    static final String SECRET_KEY = "test-secret-key-0123456789";

    private final S3Proxy proxy;
    private final BlobStore blobs;

    private TestS3Server(S3Proxy proxy, BlobStore blobs) {
        this.proxy = proxy;
        this.blobs = blobs;
    }

    static TestS3Server start() throws Exception {
        BlobStore blobs = new TransientNio2BlobStore();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        return new TestS3Server(proxy, blobs);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    void createBucket(String bucket) {
        blobs.createContainer(bucket);
    }

    S3PhotoStore.Settings settings(String bucket) {
        return new S3PhotoStore.Settings(bucket, "us-east-1", Optional.of(endpoint()), ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        blobs.close();
    }
}
