package com.jakebuysit.adapters.out.images;

import static com.jakebuysit.adapters.out.images.TestImages.abstractPattern;
import static com.jakebuysit.adapters.out.images.TestImages.concat;
import static com.jakebuysit.adapters.out.images.TestImages.decode;
import static com.jakebuysit.adapters.out.images.TestImages.encode;
import static com.jakebuysit.adapters.out.images.TestImages.jpeg;
import static com.jakebuysit.adapters.out.images.TestImages.resource;
import static com.jakebuysit.adapters.out.images.TestImages.scene;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.jakebuysit.application.port.PhotoInspector.ExifSummary;
import com.jakebuysit.application.port.PhotoInspector.InspectedPhoto;
import com.jakebuysit.application.port.PhotoInspector.PhotoRejected;
import com.jakebuysit.application.port.PhotoInspector.PhotoRejected.Why;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageIoPhotoInspectorTest {

    private static final ExifSummary PHONE = new ExifSummary(Optional.of("Pixelcorp"), Optional.of("Pixel Phone 7"),
            Optional.of(LocalDateTime.of(2024, 5, 17, 14, 32, 9)), Optional.of(ZoneOffset.ofHours(2)),
            Optional.of("PhotoApp 2.1"));

    private final ImageIoPhotoInspector inspector = new ImageIoPhotoInspector();

    @Nested
    class Accepts {

        @Test
        void a_jpeg_as_a_clean_jpeg_with_its_dimensions() {
            InspectedPhoto photo = inspector.inspect(jpeg(scene(640, 480), 0.92f));

            assertThat(photo.contentType()).isEqualTo("image/jpeg");
            assertThat(photo.width()).isEqualTo(640);
            assertThat(photo.height()).isEqualTo(480);
            assertThat(ImageKind.sniff(photo.cleaned())).contains(ImageKind.JPEG);
            BufferedImage cleaned = decode(photo.cleaned());
            assertThat(cleaned.getWidth()).isEqualTo(640);
            assertThat(cleaned.getHeight()).isEqualTo(480);
            assertThat(photo.exif()).isEqualTo(ExifSummary.none());
        }

        @Test
        void a_png_as_a_png() {
            InspectedPhoto photo = inspector.inspect(encode(scene(300, 200), "png"));

            assertThat(photo.contentType()).isEqualTo("image/png");
            assertThat(ImageKind.sniff(photo.cleaned())).contains(ImageKind.PNG);
            assertThat(photo.width()).isEqualTo(300);
            assertThat(photo.height()).isEqualTo(200);
            assertThat(decode(photo.cleaned()).getRGB(10, 10)).isEqualTo(scene(300, 200).getRGB(10, 10));
        }

        @Test
        void a_webp_converted_to_jpeg() {
            InspectedPhoto photo = inspector.inspect(resource("scene-exif-gps.webp"));

            assertThat(photo.contentType()).isEqualTo("image/jpeg");
            assertThat(ImageKind.sniff(photo.cleaned())).contains(ImageKind.JPEG);
            assertThat(photo.width()).isEqualTo(240);
            assertThat(photo.height()).isEqualTo(160);
            BufferedImage cleaned = decode(photo.cleaned());
            assertThat(cleaned.getWidth()).isEqualTo(240);
            assertThat(cleaned.getHeight()).isEqualTo(160);
        }

        @Test
        void a_lossless_webp_with_alpha_composited_over_white() {
            InspectedPhoto photo = inspector.inspect(resource("alpha-lossless.webp"));

            assertThat(photo.contentType()).isEqualTo("image/jpeg");
            assertThat(photo.width()).isEqualTo(96);
            assertThat(photo.height()).isEqualTo(64);
            BufferedImage cleaned = decode(photo.cleaned());
            assertThat(cleaned.getColorModel().hasAlpha()).isFalse();
            assertNear(cleaned.getRGB(2, 2), Color.WHITE);                // fully transparent corner
            assertNear(cleaned.getRGB(40, 32), new Color(220, 30, 30));   // the opaque red disc
        }

        @Test
        void a_png_keeps_its_alpha_while_its_thumbnail_is_on_white() {
            InspectedPhoto photo = inspector.inspect(encode(TestImages.translucent(400, 400), "png"));

            assertThat(photo.contentType()).isEqualTo("image/png");
            BufferedImage cleaned = decode(photo.cleaned());
            assertThat(cleaned.getColorModel().hasAlpha()).isTrue();
            assertThat(cleaned.getRGB(2, 2) >>> 24).isZero();
            BufferedImage thumbnail = decode(photo.thumbnail());
            assertNear(thumbnail.getRGB(2, 2), Color.WHITE);
            assertNear(thumbnail.getRGB(160, 160), new Color(220, 30, 30));
        }

        @Test
        void by_content_whatever_it_was_called() {
            // The port never sees a file name or a declared type: a PNG uploaded as "photo.jpg"
            // with Content-Type image/jpeg arrives as these bytes and is treated as the PNG it is.
            byte[] pngCalledJpg = encode(scene(120, 80), "png");

            assertThat(inspector.inspect(pngCalledJpg).contentType()).isEqualTo("image/png");
            assertThat(ImageKind.sniff(pngCalledJpg)).contains(ImageKind.PNG);
        }

        @Test
        void a_grayscale_jpeg() {
            BufferedImage gray = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
            gray.createGraphics().drawImage(scene(200, 100), 0, 0, null);

            InspectedPhoto photo = inspector.inspect(jpeg(gray, 0.9f));

            assertThat(photo.width()).isEqualTo(200);
            assertThat(decode(photo.cleaned()).getHeight()).isEqualTo(100);
        }
    }

    @Nested
    class Refuses {

        static Stream<Arguments> notOurFormats() {
            BufferedImage picture = scene(64, 48);
            return Stream.of(
                    Arguments.of("GIF", encode(picture, "gif")),
                    Arguments.of("BMP", encode(picture, "bmp")),
                    Arguments.of("TIFF", encode(picture, "tiff")),
                    Arguments.of("PDF", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)),
                    Arguments.of("SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".getBytes(StandardCharsets.UTF_8)),
                    Arguments.of("HEIC", concat(new byte[] {0, 0, 0, 24}, "ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.US_ASCII))),
                    Arguments.of("plain text", "this is a photo of my phone, honest".getBytes(StandardCharsets.UTF_8)),
                    Arguments.of("RIFF but WAVE", concat("RIFF".getBytes(StandardCharsets.US_ASCII), new byte[4], "WAVEfmt ".getBytes(StandardCharsets.US_ASCII))),
                    Arguments.of("JPEG magic cut short", new byte[] {(byte) 0xFF, (byte) 0xD8}),
                    Arguments.of("empty", new byte[0]));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("notOurFormats")
        void other_formats_as_unsupported(String name, byte[] upload) {
            assertThat(reasonFor(upload)).isEqualTo(Why.UNSUPPORTED_TYPE);
        }

        @Test
        void null_as_unsupported() {
            assertThat(reasonFor(null)).isEqualTo(Why.UNSUPPORTED_TYPE);
        }

        @ParameterizedTest(name = "cut to {0} of its bytes")
        @ValueSource(doubles = {0.3, 0.6, 0.9})
        void a_truncated_jpeg_as_undecodable(double kept) {
            byte[] whole = jpeg(scene(640, 480), 0.9f);
            byte[] cut = Arrays.copyOf(whole, (int) (whole.length * kept));

            assertThat(reasonFor(cut)).isEqualTo(Why.UNDECODABLE);
        }

        @Test
        void a_truncated_png_as_undecodable() {
            byte[] whole = encode(scene(640, 480), "png");

            assertThat(reasonFor(Arrays.copyOf(whole, whole.length / 2))).isEqualTo(Why.UNDECODABLE);
        }

        @Test
        void a_truncated_webp_as_undecodable() {
            byte[] whole = resource("scene-exif-gps.webp");

            assertThat(reasonFor(Arrays.copyOf(whole, 600))).isEqualTo(Why.UNDECODABLE);
        }

        @Test
        void right_magic_with_garbage_after_it_as_undecodable() {
            byte[] garbage = new byte[4096];
            new java.util.Random(7).nextBytes(garbage);

            assertThat(reasonFor(concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, garbage))).isEqualTo(Why.UNDECODABLE);
            assertThat(reasonFor(concat(TestImages.PNG_SIGNATURE, garbage))).isEqualTo(Why.UNDECODABLE);
            assertThat(reasonFor(concat("RIFF".getBytes(StandardCharsets.US_ASCII), new byte[4],
                    "WEBP".getBytes(StandardCharsets.US_ASCII), garbage))).isEqualTo(Why.UNDECODABLE);
        }

        @Test
        void a_png_bomb_by_its_header() {
            // 20000×20000 RGB would need 1.6 GB to decode, and the data behind the header is a few
            // bytes: had it been decoded, the answer would be UNDECODABLE (or an OutOfMemoryError).
            PhotoRejected rejected = rejectionOf(TestImages.pngClaiming(20_000, 20_000));

            assertThat(rejected.why()).isEqualTo(Why.TOO_MANY_PIXELS);
            assertThat(rejected).hasMessageContaining("20000×20000");
        }

        @Test
        void a_jpeg_bomb_by_its_header() {
            byte[] claimsHugeFrame = TestImages.jpegClaiming(jpeg(scene(64, 48), 0.9f), 12_000, 12_000);

            assertThat(reasonFor(claimsHugeFrame)).isEqualTo(Why.TOO_MANY_PIXELS);
        }

        @Test
        void a_webp_bomb_by_its_header() {
            byte[] claimsHugeFrame = TestImages.webpClaiming(resource("scene-exif-gps.webp"), 16_000, 16_000);

            assertThat(reasonFor(claimsHugeFrame)).isEqualTo(Why.TOO_MANY_PIXELS);
        }

        @Test
        void an_absurd_single_side_even_under_the_pixel_cap() {
            // 30000 × 10 = 0.3 MP, far under 40 MP, but no photo is 30000 px long
            assertThat(reasonFor(TestImages.pngClaiming(30_000, 10))).isEqualTo(Why.TOO_MANY_PIXELS);
            assertThat(reasonFor(TestImages.pngClaiming(10, 30_000))).isEqualTo(Why.TOO_MANY_PIXELS);
        }

        @Test
        void a_header_claiming_no_pixels_as_undecodable() {
            assertThat(reasonFor(TestImages.pngClaiming(0, 100))).isEqualTo(Why.UNDECODABLE);
        }

        @Test
        void real_images_over_a_configured_cap() {
            ImageIoPhotoInspector strict = new ImageIoPhotoInspector(100_000, 1);
            byte[] justOver = encode(scene(400, 251), "png");
            byte[] atCap = encode(scene(400, 250), "png");

            PhotoRejected rejected = catchThrowableOfType(PhotoRejected.class, () -> strict.inspect(justOver));
            assertThat(rejected.why()).isEqualTo(Why.TOO_MANY_PIXELS);
            assertThat(strict.inspect(atCap).width()).isEqualTo(400);
        }

        private Why reasonFor(byte[] upload) {
            return rejectionOf(upload).why();
        }

        private PhotoRejected rejectionOf(byte[] upload) {
            PhotoRejected rejected = catchThrowableOfType(PhotoRejected.class, () -> inspector.inspect(upload));
            assertThat(rejected).as("expected a PhotoRejected").isNotNull();
            return rejected;
        }
    }

    @Nested
    class Exif {

        @Test
        void summary_from_a_phone_jpeg_and_none_of_it_in_the_copies() throws Exception {
            byte[] upload = TestImages.withExif(jpeg(scene(640, 480), 0.9f), ExifBlock.phone().tiff());
            assertThat(hasGps(upload)).as("the fixture carries GPS").isTrue();

            InspectedPhoto photo = inspector.inspect(upload);

            assertThat(photo.exif()).isEqualTo(PHONE);
            assertNoMetadata(photo.cleaned());
            assertNoMetadata(photo.thumbnail());
            assertThat(TestImages.jpegMarkersBeforeScan(photo.cleaned()))
                    .as("no APP1 (EXIF/XMP) or APP2 (ICC) segment").doesNotContain(0xE1, 0xE2);
        }

        @Test
        void summary_from_a_webp_and_the_jpeg_copy_is_clean() throws Exception {
            byte[] upload = resource("scene-exif-gps.webp");
            assertThat(hasGps(upload)).as("the fixture carries GPS").isTrue();

            InspectedPhoto photo = inspector.inspect(upload);

            assertThat(photo.exif()).isEqualTo(PHONE);
            assertNoMetadata(photo.cleaned());
        }

        @Test
        void summary_from_a_png_exif_chunk_and_the_png_copy_has_none() throws Exception {
            byte[] upload = TestImages.pngWithExif(encode(scene(200, 100), "png"), ExifBlock.phone().tiff());
            assertThat(hasGps(upload)).as("the fixture carries GPS").isTrue();

            InspectedPhoto photo = inspector.inspect(upload);

            assertThat(photo.exif()).isEqualTo(PHONE);
            assertNoMetadata(photo.cleaned());
            assertThat(TestImages.pngChunkTypes(photo.cleaned()))
                    .doesNotContain("eXIf", "tEXt", "zTXt", "iTXt", "iCCP", "tIME");
        }

        @Test
        void a_capture_time_without_offset() {
            byte[] tiff = new ExifBlock().make("Canon").dateTimeOriginal("2023:12:31 23:59:59").tiff();

            ExifSummary exif = inspector.inspect(TestImages.withExif(jpeg(scene(64, 48), 0.9f), tiff)).exif();

            assertThat(exif.cameraMake()).contains("Canon");
            assertThat(exif.cameraModel()).isEmpty();
            assertThat(exif.capturedAt()).contains(LocalDateTime.of(2023, 12, 31, 23, 59, 59));
            assertThat(exif.captureOffset()).isEmpty();
            assertThat(exif.software()).isEmpty();
        }

        @Test
        void blank_and_zeroed_values_count_as_absent() {
            byte[] tiff = new ExifBlock().make("   ").software("\0\0").dateTimeOriginal("0000:00:00 00:00:00")
                    .offsetTimeOriginal("+02:00").tiff();

            ExifSummary exif = inspector.inspect(TestImages.withExif(jpeg(scene(64, 48), 0.9f), tiff)).exif();

            assertThat(exif).isEqualTo(ExifSummary.none());
        }

        @Test
        void broken_exif_is_no_exif_not_a_refusal() {
            byte[] garbage = "MM\0*\0\0\0\u0008\u00FF\u00FFnonsense".getBytes(StandardCharsets.ISO_8859_1);

            InspectedPhoto photo = inspector.inspect(TestImages.withExif(jpeg(scene(64, 48), 0.9f), garbage));

            assertThat(photo.exif()).isEqualTo(ExifSummary.none());
            assertThat(photo.width()).isEqualTo(64);
        }

        private static boolean hasGps(byte[] image) throws Exception {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            return gps != null && gps.getGeoLocation() != null;
        }

        private static void assertNoMetadata(byte[] image) throws Exception {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
            assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).isNull();
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            assertThat(ifd0 == null ? null : ifd0.getString(ExifIFD0Directory.TAG_MAKE)).isNull();
            List<String> names = new ArrayList<>();
            for (Directory directory : metadata.getDirectories()) {
                names.add(directory.getName());
            }
            assertThat(names).noneMatch(n -> n.startsWith("Exif") || n.startsWith("GPS") || n.startsWith("XMP"));
            assertThat(TestImages.contains(image, "Pixelcorp")).isFalse();
        }
    }

    @Nested
    class Thumbnail {

        @Test
        void longest_side_is_320_for_a_landscape() {
            BufferedImage thumbnail = decode(inspector.inspect(jpeg(scene(1600, 1200), 0.9f)).thumbnail());

            assertThat(thumbnail.getWidth()).isEqualTo(320);
            assertThat(thumbnail.getHeight()).isEqualTo(240);
        }

        @Test
        void longest_side_is_320_for_a_portrait_png() {
            InspectedPhoto photo = inspector.inspect(encode(scene(500, 1000), "png"));

            BufferedImage thumbnail = decode(photo.thumbnail());
            assertThat(ImageKind.sniff(photo.thumbnail())).contains(ImageKind.JPEG);
            assertThat(thumbnail.getHeight()).isEqualTo(320);
            assertThat(thumbnail.getWidth()).isEqualTo(160);
        }

        @Test
        void a_small_image_is_not_enlarged() {
            BufferedImage thumbnail = decode(inspector.inspect(jpeg(scene(200, 120), 0.9f)).thumbnail());

            assertThat(thumbnail.getWidth()).isEqualTo(200);
            assertThat(thumbnail.getHeight()).isEqualTo(120);
        }

        @Test
        void an_extreme_strip_still_has_a_pixel_of_height() {
            BufferedImage thumbnail = decode(inspector.inspect(encode(scene(4000, 3), "png")).thumbnail());

            assertThat(thumbnail.getWidth()).isEqualTo(320);
            assertThat(thumbnail.getHeight()).isEqualTo(1);
        }
    }

    @Nested
    class PerceptualHashes {

        private final BufferedImage scene = scene(800, 600);
        private final long original = hashOf(jpeg(scene, 0.95f));

        @Test
        void survive_a_harsher_re_encoding() {
            assertThat(PerceptualHash.distance(original, hashOf(jpeg(scene, 0.4f)))).isLessThanOrEqualTo(6);
        }

        @Test
        void survive_a_resize_to_90_percent() {
            assertThat(PerceptualHash.distance(original, hashOf(jpeg(TestImages.resized(scene, 0.9), 0.9f))))
                    .isLessThanOrEqualTo(6);
        }

        @Test
        void survive_a_change_of_format() {
            assertThat(PerceptualHash.distance(original, hashOf(encode(scene, "png")))).isLessThanOrEqualTo(6);
            // the committed WebP is the same scene, drawn at 240×160 and lossy-compressed by cwebp
            assertThat(PerceptualHash.distance(original, hashOf(resource("scene-exif-gps.webp")))).isLessThanOrEqualTo(6);
        }

        @Test
        void survive_our_own_cleaning() {
            InspectedPhoto photo = inspector.inspect(jpeg(scene, 0.95f));

            assertThat(PerceptualHash.distance(original, hashOf(photo.cleaned()))).isLessThanOrEqualTo(2);
        }

        @Test
        void tell_different_pictures_apart() {
            long pattern = hashOf(jpeg(abstractPattern(800, 600), 0.95f));
            long quadrants = hashOf(jpeg(TestImages.quadrants(800, 600), 0.95f));

            assertThat(PerceptualHash.distance(original, pattern)).isGreaterThanOrEqualTo(20);
            assertThat(PerceptualHash.distance(original, quadrants)).isGreaterThanOrEqualTo(20);
            assertThat(PerceptualHash.distance(pattern, quadrants)).isGreaterThanOrEqualTo(20);
        }

        private long hashOf(byte[] upload) {
            return inspector.inspect(upload).perceptualHash();
        }
    }

    @Nested
    class Orientation {

        // For EXIF Orientation n, where a stored pixel (x, y) of a w×h raster shows, from the
        // standard's wording ("the 0th row is the visual …, the 0th column is the visual …").
        static int[] shownAt(int orientation, int x, int y, int w, int h) {
            return switch (orientation) {
                case 1 -> new int[] {x, y};
                case 2 -> new int[] {w - 1 - x, y};
                case 3 -> new int[] {w - 1 - x, h - 1 - y};
                case 4 -> new int[] {x, h - 1 - y};
                case 5 -> new int[] {y, x};
                case 6 -> new int[] {h - 1 - y, x};
                case 7 -> new int[] {h - 1 - y, w - 1 - x};
                case 8 -> new int[] {y, w - 1 - x};
                default -> throw new IllegalArgumentException();
            };
        }

        @ParameterizedTest(name = "orientation {0}")
        @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
        void the_copy_is_stored_upright(int orientation) {
            int w = 240;
            int h = 120;
            BufferedImage stored = TestImages.quadrants(w, h);
            byte[] upload = TestImages.withExif(jpeg(stored, 0.95f), new ExifBlock().orientation(orientation).tiff());

            InspectedPhoto photo = inspector.inspect(upload);

            boolean swaps = orientation >= 5;
            assertThat(photo.width()).isEqualTo(swaps ? h : w);
            assertThat(photo.height()).isEqualTo(swaps ? w : h);
            BufferedImage shown = decode(photo.cleaned());
            assertThat(shown.getWidth()).isEqualTo(photo.width());
            int[][] quadrantCentres = {{w / 4, h / 4}, {3 * w / 4, h / 4}, {3 * w / 4, 3 * h / 4}, {w / 4, 3 * h / 4}};
            for (int[] c : quadrantCentres) {
                int[] at = shownAt(orientation, c[0], c[1], w, h);
                assertNear(shown.getRGB(at[0], at[1]), new Color(stored.getRGB(c[0], c[1])));
            }
        }
    }

    @Test
    void concurrent_inspections_agree_with_sequential_ones() throws Exception {
        List<byte[]> uploads = List.of(jpeg(scene(640, 480), 0.9f), encode(abstractPattern(500, 300), "png"),
                resource("scene-exif-gps.webp"), jpeg(TestImages.quadrants(300, 300), 0.8f));
        List<Long> expected = uploads.stream().map(u -> inspector.inspect(u).perceptualHash()).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                byte[] upload = uploads.get(i % uploads.size());
                results.add(pool.submit(() -> inspector.inspect(upload).perceptualHash()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % uploads.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leaves_no_temporary_files() {
        File tmp = new File(System.getProperty("java.io.tmpdir"));
        Set<String> before = imageIoCacheFiles(tmp);

        inspector.inspect(jpeg(scene(640, 480), 0.9f));
        inspector.inspect(resource("scene-exif-gps.webp"));
        inspector.inspect(encode(scene(300, 200), "png"));
        assertThatThrownBy(() -> inspector.inspect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .isInstanceOf(PhotoRejected.class);

        assertThat(imageIoCacheFiles(tmp)).isEqualTo(before);
    }

    private static Set<String> imageIoCacheFiles(File dir) {
        String[] names = dir.list((d, name) -> name.startsWith("imageio"));
        return names == null ? Set.of() : Arrays.stream(names).collect(Collectors.toSet());
    }

    private static void assertNear(int argb, Color expected) {
        Color actual = new Color(argb, true);
        assertThat(Math.abs(actual.getRed() - expected.getRed())).as("red of %s", actual).isLessThanOrEqualTo(24);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as("green of %s", actual).isLessThanOrEqualTo(24);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as("blue of %s", actual).isLessThanOrEqualTo(24);
    }
}
