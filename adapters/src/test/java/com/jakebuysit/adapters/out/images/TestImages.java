package com.jakebuysit.adapters.out.images;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Real pictures drawn with Java2D, encoded with ImageIO, and hand-made containers for edge cases. */
final class TestImages {

    private TestImages() {
    }

    /**
     * A small landscape: sky gradient, sun, house, roof. The committed WebP fixture is this very
     * scene at 240×160 (see resources/images/README.md).
     */
    static BufferedImage scene(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(width / 240.0, height / 160.0);
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 200), 0, 160, new Color(230, 200, 120)));
        g.fillRect(0, 0, 240, 160);
        g.setColor(new Color(250, 220, 40));
        g.fillOval(160, 15, 50, 50);
        g.setColor(new Color(120, 50, 30));
        g.fillRect(30, 80, 90, 70);
        g.setColor(new Color(60, 140, 60));
        g.fillPolygon(new int[] {20, 75, 130}, new int[] {80, 35, 80}, 3);
        g.dispose();
        return image;
    }

    /** Nothing like the scene: dark on the right, a bright diagonal band, rings low on the left. */
    static BufferedImage abstractPattern(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(width / 240.0, height / 160.0);
        g.setPaint(new GradientPaint(0, 0, new Color(240, 240, 230), 240, 0, new Color(20, 20, 40)));
        g.fillRect(0, 0, 240, 160);
        g.setColor(new Color(250, 250, 250));
        g.setStroke(new BasicStroke(28));
        g.drawLine(120, 0, 240, 160);
        g.setColor(new Color(10, 10, 10));
        g.setStroke(new BasicStroke(10));
        for (int r = 15; r <= 55; r += 20) {
            g.drawOval(50 - r, 120 - r, 2 * r, 2 * r);
        }
        g.dispose();
        return image;
    }

    /** Four flat quadrants (red, green, blue, yellow from top-left, clockwise) to follow rotations. */
    static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.setColor(Color.YELLOW);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.dispose();
        return image;
    }

    static BufferedImage translucent(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(220, 30, 30));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static BufferedImage resized(BufferedImage image, double factor) {
        int w = (int) Math.round(image.getWidth() * factor);
        int h = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("Not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource images/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- JPEG surgery -------------------------------------------------------------------------

    /** Puts an APP1 "Exif" segment holding {@code tiff} right after SOI and the JFIF APP0. */
    static byte[] withExif(byte[] jpeg, byte[] tiff) {
        int insertAt = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            insertAt = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff);
        int length = payload.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, payload);
        return concat(Arrays.copyOfRange(jpeg, 0, insertAt), segment, Arrays.copyOfRange(jpeg, insertAt, jpeg.length));
    }

    /** The marker bytes (0xE1 for APP1 …) of every segment before the scan data. */
    static List<Integer> jpegMarkersBeforeScan(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }

    /** Rewrites the frame header (SOF0/SOF2) so the JPEG claims other dimensions than it holds. */
    static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int at = 2;
        while (at + 4 <= copy.length) {
            int marker = copy[at + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC2) {
                copy[at + 5] = (byte) (height >> 8);
                copy[at + 6] = (byte) height;
                copy[at + 7] = (byte) (width >> 8);
                copy[at + 8] = (byte) width;
                return copy;
            }
            at += 2 + (((copy[at + 2] & 0xFF) << 8) | (copy[at + 3] & 0xFF));
        }
        throw new IllegalArgumentException("No SOF0/SOF2 segment");
    }

    // ---- PNG surgery --------------------------------------------------------------------------

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.US_ASCII), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(typeAndData).putInt((int) crc.getValue()).array();
    }

    /**
     * A well-formed PNG header that claims {@code width × height} RGB pixels, followed by one
     * tiny IDAT (a few compressed zero rows) and IEND: decoding it would need gigabytes for the
     * raster and then fail for lack of data, so only a header check can answer "too many pixels".
     */
    static byte[] pngClaiming(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] buffer = new byte[128];
        int n = deflater.deflate(buffer);
        deflater.end();
        return concat(PNG_SIGNATURE, pngChunk("IHDR", ihdr), pngChunk("IDAT", Arrays.copyOf(buffer, n)),
                pngChunk("IEND", new byte[0]));
    }

    /** Adds an eXIf chunk (raw TIFF, no "Exif" preamble) right after IHDR. */
    static byte[] pngWithExif(byte[] png, byte[] tiff) {
        int afterIhdr = 8 + 12 + 13;
        return concat(Arrays.copyOfRange(png, 0, afterIhdr), pngChunk("eXIf", tiff),
                Arrays.copyOfRange(png, afterIhdr, png.length));
    }

    static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            types.add(new String(png, at + 4, 4, StandardCharsets.US_ASCII));
            at += 12 + length;
        }
        return types;
    }

    // ---- WebP surgery -------------------------------------------------------------------------

    /** Rewrites the VP8X canvas and the VP8 key-frame size (14 bits each, so up to 16383). */
    static byte[] webpClaiming(byte[] webp, int width, int height) {
        byte[] copy = webp.clone();
        int at = 12;
        while (at + 8 <= copy.length) {
            String fourcc = new String(copy, at, 4, StandardCharsets.US_ASCII);
            int size = ByteBuffer.wrap(copy, at + 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            int data = at + 8;
            if (fourcc.equals("VP8X")) {
                putLittleEndian24(copy, data + 4, width - 1);
                putLittleEndian24(copy, data + 7, height - 1);
            } else if (fourcc.equals("VP8 ")) {
                // frame tag (3 bytes), start code 9D 01 2A, then width and height (LE, low 14 bits)
                copy[data + 6] = (byte) width;
                copy[data + 7] = (byte) ((width >> 8) & 0x3F);
                copy[data + 8] = (byte) height;
                copy[data + 9] = (byte) ((height >> 8) & 0x3F);
            }
            at = data + size + (size & 1);
        }
        return copy;
    }

    private static void putLittleEndian24(byte[] data, int at, int value) {
        data[at] = (byte) value;
        data[at + 1] = (byte) (value >> 8);
        data[at + 2] = (byte) (value >> 16);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
