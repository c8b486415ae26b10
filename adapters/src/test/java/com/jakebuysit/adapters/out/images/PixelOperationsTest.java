package com.jakebuysit.adapters.out.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The pixel steps of the inspector on their own: turning, flattening, shrinking. */
class PixelOperationsTest {

    static Stream<Arguments> layoutsAndOrientations() {
        int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_BYTE_BINARY};
        return IntStream.of(types).boxed()
                .flatMap(type -> IntStream.rangeClosed(1, 8).mapToObj(orientation -> Arguments.of(type, orientation)));
    }

    @ParameterizedTest(name = "type {0}, orientation {1}")
    @MethodSource("layoutsAndOrientations")
    void orient_moves_every_pixel_exactly_where_exif_says(int type, int orientation) {
        BufferedImage stored = noise(type, 37, 23);

        BufferedImage shown = ImageIoPhotoInspector.orient(stored, orientation);

        int w = stored.getWidth();
        int h = stored.getHeight();
        assertThat(shown.getWidth()).isEqualTo(orientation >= 5 ? h : w);
        assertThat(shown.getHeight()).isEqualTo(orientation >= 5 ? w : h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] at = ImageIoPhotoInspectorTest.Orientation.shownAt(orientation, x, y, w, h);
                assertThat(shown.getRGB(at[0], at[1])).as("stored pixel %d,%d", x, y).isEqualTo(stored.getRGB(x, y));
            }
        }
    }

    @Test
    void orient_keeps_transparency() {
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        stored.setRGB(0, 0, 0xFF00FF00);

        BufferedImage shown = ImageIoPhotoInspector.orient(stored, 6);

        assertThat(shown.getColorModel().hasAlpha()).isTrue();
        assertThat(shown.getRGB(19, 0)).isEqualTo(0xFF00FF00);
        assertThat(shown.getRGB(0, 0) >>> 24).isZero();
    }

    @Test
    void opaque_puts_translucency_on_white_and_leaves_plain_images_alone() {
        BufferedImage translucent = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        translucent.setRGB(0, 0, 0x00000000);
        translucent.setRGB(1, 0, 0x80FF0000);
        BufferedImage plain = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);

        BufferedImage flattened = ImageIoPhotoInspector.opaque(translucent);

        assertThat(flattened.getColorModel().hasAlpha()).isFalse();
        assertThat(flattened.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        Color half = new Color(flattened.getRGB(1, 0));
        assertThat(half.getRed()).isEqualTo(255);
        assertThat(half.getGreen()).isBetween(120, 135);
        assertThat(ImageIoPhotoInspector.opaque(plain)).isSameAs(plain);
    }

    @Test
    void downscale_averages_fine_detail_instead_of_sampling_it() {
        // one-pixel black and white stripes: point sampling would give a black or white
        // thumbnail, averaging gives mid gray
        BufferedImage stripes = new BufferedImage(3200, 1600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stripes.createGraphics();
        g.setColor(Color.WHITE);
        for (int x = 0; x < 3200; x += 2) {
            g.drawLine(x, 0, x, 1599);
        }
        g.dispose();

        BufferedImage small = ImageIoPhotoInspector.downscale(stripes, 320);

        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(160);
        assertThat(new Color(small.getRGB(160, 80)).getRed()).isBetween(110, 145);
    }

    private static BufferedImage noise(int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt() | 0xFF000000);
            }
        }
        return image;
    }
}
