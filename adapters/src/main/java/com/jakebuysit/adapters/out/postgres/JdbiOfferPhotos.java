package com.jakebuysit.adapters.out.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.PhotoInspector.ExifSummary;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The photos of each offer in {@code offer_photos}, and the search for near-duplicates of a photo
 * among other sellers' offers by the Hamming distance of the 64-bit perceptual hashes, computed in
 * SQL ({@code bit_count}, PostgreSQL 14+). Joins the caller's transaction when one is open.
 */
public final class JdbiOfferPhotos implements OfferPhotos {

    private final Jdbi jdbi;

    public JdbiOfferPhotos(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(OfferId offer, List<Photo> photos) {
        if (photos.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO offer_photos (offer_id, position, storage_key, thumbnail_key, content_type,
                                              size_bytes, width, height, perceptual_hash, exif_summary, created_at)
                    VALUES (:offer, :position, :storageKey, :thumbnailKey, :contentType, :sizeBytes, :width, :height,
                            :hash, CAST(:exif AS jsonb), :createdAt)
                    """);
            for (Photo photo : photos) {
                batch.bind("offer", offer.value())
                        .bind("position", photo.position())
                        .bind("storageKey", photo.storageKey())
                        .bind("thumbnailKey", photo.thumbnailKey())
                        .bind("contentType", photo.contentType())
                        .bind("sizeBytes", photo.sizeBytes())
                        .bind("width", photo.width())
                        .bind("height", photo.height())
                        .bind("hash", photo.perceptualHash())
                        .bind("exif", exif(photo.exif()))
                        .bind("createdAt", photo.createdAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                        .add();
            }
            batch.execute();
        });
    }

    @Override
    public List<Photo> of(OfferId offer) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT position, storage_key, thumbnail_key, content_type, size_bytes, width, height,
                       perceptual_hash, exif_summary, created_at
                  FROM offer_photos
                 WHERE offer_id = :offer
                 ORDER BY position
                """)
                .bind("offer", offer.value())
                .map(JdbiOfferPhotos::map)
                .list());
    }

    /**
     * Scans every stored hash (an index does not help a Hamming distance); nearest first. Leaves out
     * {@code offer} itself and, when {@code seller} is given, every offer of that seller.
     */
    @Override
    public List<SimilarPhoto> similarFromOthers(long hash, int maxHammingDistance, Optional<UserId> seller,
                                                OfferId offer, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT p.offer_id, o.user_id, p.position, p.perceptual_hash
                  FROM offer_photos p
                  JOIN offers o ON o.id = p.offer_id
                 WHERE p.perceptual_hash IS NOT NULL
                   AND p.offer_id <> :offer
                   AND (CAST(:seller AS uuid) IS NULL OR o.user_id IS NULL OR o.user_id <> CAST(:seller AS uuid))
                   AND bit_count(CAST(p.perceptual_hash # :hash AS bit(64))) <= :maxDistance
                 ORDER BY bit_count(CAST(p.perceptual_hash # :hash AS bit(64))), p.created_at, p.offer_id, p.position
                 LIMIT :limit
                """)
                .bind("hash", hash)
                .bind("maxDistance", maxHammingDistance)
                .bind("seller", seller.map(UserId::value).orElse(null))
                .bind("offer", offer.value())
                .bind("limit", limit)
                .map((rs, ctx) -> new SimilarPhoto(new OfferId(rs.getObject("offer_id", UUID.class)),
                        Optional.ofNullable(rs.getObject("user_id", UUID.class)).map(UserId::new),
                        rs.getInt("position"), rs.getLong("perceptual_hash")))
                .list());
    }

    private static Photo map(ResultSet rs, StatementContext ctx) throws SQLException {
        String exif = rs.getString("exif_summary");
        return new Photo(rs.getInt("position"), rs.getString("storage_key"), rs.getString("thumbnail_key"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getInt("width"), rs.getInt("height"),
                rs.getLong("perceptual_hash"), exif == null ? ExifSummary.none() : exif(exif),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static String exif(ExifSummary exif) {
        ObjectNode node = OfferJson.object();
        exif.cameraMake().ifPresent(v -> node.put("cameraMake", v));
        exif.cameraModel().ifPresent(v -> node.put("cameraModel", v));
        exif.capturedAt().ifPresent(v -> node.put("capturedAt", v.toString()));
        exif.captureOffset().ifPresent(v -> node.put("captureOffset", v.getId()));
        exif.software().ifPresent(v -> node.put("software", v));
        return OfferJson.write(node);
    }

    static ExifSummary exif(String json) {
        JsonNode node = OfferJson.read(json);
        return new ExifSummary(field(node, "cameraMake", Function.identity()),
                field(node, "cameraModel", Function.identity()), field(node, "capturedAt", LocalDateTime::parse),
                field(node, "captureOffset", ZoneOffset::of), field(node, "software", Function.identity()));
    }

    private static <T> Optional<T> field(JsonNode node, String name, Function<String, T> parse) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(parse.apply(value.asText()));
    }
}
