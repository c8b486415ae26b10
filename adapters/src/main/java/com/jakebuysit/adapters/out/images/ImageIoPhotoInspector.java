package com.jakebuysit.adapters.out.images;

import com.jakebuysit.application.port.PhotoInspector;
import com.jakebuysit.application.port.PhotoInspector.PhotoRejected.Why;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Inspects uploads with ImageIO (TwelveMonkeys plugins for WebP and hard JPEGs) and
 * metadata-extractor: content sniffing, a header-only size check so a decompression bomb is
 * refused before any pixel is allocated, a full decode, then a metadata-free upright copy,
 * a thumbnail and a perceptual hash. Thread-safe; every stream stays in memory (no temp files).
 */
public final class ImageIoPhotoInspector implements PhotoInspector {

    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** Longer than any camera or panorama side; a 40 MP image 1 px high is not a photo. */
    public static final int MAX_SIDE = 20_000;
    public static final int THUMBNAIL_SIDE = 320;
    static final float JPEG_QUALITY = 0.9f;
    static final float THUMBNAIL_QUALITY = 0.85f;

    private final long maxPixels;
    /**
     * Bounds memory: one inspection holds up to maxPixels × 4 bytes (8 for a 16-bit PNG) plus a
     * turned copy, about 320 MB at 40 MP, so only this many run at once. The work is CPU-bound:
     * more at once would not finish sooner.
     */
    private final Semaphore decodes;

    public ImageIoPhotoInspector() {
        this(DEFAULT_MAX_PIXELS, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public ImageIoPhotoInspector(long maxPixels, int maxConcurrentDecodes) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        if (maxConcurrentDecodes < 1) {
            throw new IllegalArgumentException("maxConcurrentDecodes must be positive: " + maxConcurrentDecodes);
        }
        this.maxPixels = maxPixels;
        this.decodes = new Semaphore(maxConcurrentDecodes);
        // The plugins register through ServiceLoader; scanning again covers class loaders that
        // ImageIO's first scan did not see (application servers, tests, a shaded jar).
        ImageIO.scanForPlugins();
        for (ImageKind kind : ImageKind.values()) {
            if (!ImageIO.getImageReadersByMIMEType(kind.mimeType()).hasNext()) {
                throw new IllegalStateException("No ImageIO reader for " + kind.mimeType() + " on the classpath");
            }
        }
        for (String format : new String[] {"jpeg", "png"}) {
            if (!ImageIO.getImageWritersByFormatName(format).hasNext()) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        }
    }

    @Override
    public InspectedPhoto inspect(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new PhotoRejected(Why.UNSUPPORTED_TYPE, "The upload is empty");
        }
        ImageKind kind = ImageKind.sniff(upload).orElseThrow(() -> new PhotoRejected(Why.UNSUPPORTED_TYPE,
                "Not a JPEG, PNG or WebP image"));
        ImageReader reader = ImageIO.getImageReadersByMIMEType(kind.mimeType()).next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException unreadable) {
                throw undecodable(kind, unreadable);
            }
            checkSize(width, height);
            // The permit covers every full-size copy, not only the decode.
            decodes.acquireUninterruptibly();
            try {
                return process(kind, upload, decode(kind, reader, width, height));
            } finally {
                decodes.release();
            }
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        } finally {
            reader.dispose();
        }
    }

    private InspectedPhoto process(ImageKind kind, byte[] upload, BufferedImage decoded) {
        ExifFacts exif = ExifFacts.read(kind, upload);
        BufferedImage upright = orient(decoded, exif.orientation());
        boolean png = kind == ImageKind.PNG;
        byte[] cleaned = png ? writePng(upright) : writeJpeg(opaque(upright), JPEG_QUALITY);
        BufferedImage small = opaque(downscale(upright, THUMBNAIL_SIDE));
        byte[] thumbnail = writeJpeg(small, THUMBNAIL_QUALITY);
        long hash = PerceptualHash.of(small);
        return new InspectedPhoto(png ? "image/png" : "image/jpeg", cleaned, thumbnail,
                upright.getWidth(), upright.getHeight(), hash, exif.summary());
    }

    private static BufferedImage decode(ImageKind kind, ImageReader reader, int width, int height) {
        TruncationWarnings warnings = new TruncationWarnings();
        reader.addIIOReadWarningListener(warnings);
        BufferedImage image;
        try {
            image = reader.read(0, reader.getDefaultReadParam());
        } catch (IOException | RuntimeException broken) {
            throw undecodable(kind, broken);
        }
        if (warnings.truncated) {
            throw new PhotoRejected(Why.UNDECODABLE, "The " + kind.name() + " image data ends early");
        }
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            throw new PhotoRejected(Why.UNDECODABLE, "The " + kind.name() + " image does not match its header");
        }
        return image;
    }

    private void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new PhotoRejected(Why.UNDECODABLE, "The image claims " + width + "×" + height + " pixels");
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new PhotoRejected(Why.TOO_MANY_PIXELS,
                    "The image is " + width + "×" + height + "; no side may exceed " + MAX_SIDE + " pixels");
        }
        if ((long) width * height > maxPixels) {
            throw new PhotoRejected(Why.TOO_MANY_PIXELS,
                    "The image is " + width + "×" + height + "; at most " + maxPixels + " pixels are accepted");
        }
    }

    private static PhotoRejected undecodable(ImageKind kind, Exception cause) {
        PhotoRejected rejected = new PhotoRejected(Why.UNDECODABLE, "The " + kind.name() + " image could not be decoded");
        rejected.initCause(cause);
        return rejected;
    }

    /**
     * libjpeg only warns when the data runs out and fills the rest with gray; a photo cut off
     * mid-upload must not pass for a whole one. Other warnings (odd markers, bad ICC) are benign.
     */
    private static final class TruncationWarnings implements IIOReadWarningListener {
        private volatile boolean truncated;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (text.contains("premature end") || text.contains("truncated") || text.contains("end of file")) {
                truncated = true;
            }
        }
    }

    /** Turns the pixels as EXIF Orientation (1–8) says, so the copy needs no metadata to show upright. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirror horizontally
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // rotate 180°
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirror vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transpose
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // rotate 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transverse
            default -> new AffineTransform(0, -1, 1, 0, 0, w);  // 8: rotate 90° counter-clockwise
        };
        BufferedImage turned = new BufferedImage(swaps ? h : w, swaps ? w : h, sameOrPlainType(image));
        Graphics2D g = turned.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /** Java2D's own layouts keep their type (3BYTE_BGR stays compact and fast to encode); others become INT_(A)RGB. */
    private static int sameOrPlainType(BufferedImage image) {
        return switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
                    BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_BYTE_GRAY -> image.getType();
            default -> image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        };
    }

    /** JPEG has no alpha and ImageIO's writer wants plain sRGB or gray: anything else is drawn over white. */
    static BufferedImage opaque(BufferedImage image) {
        int type = image.getType();
        boolean plain = (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_BYTE_GRAY)
                && (type == BufferedImage.TYPE_BYTE_GRAY || image.getColorModel().getColorSpace().isCS_sRGB());
        if (plain) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * Longest side at most {@code side}, never enlarged. Halving in bilinear steps before the
     * last one keeps every source pixel contributing, so fine detail averages instead of aliasing.
     */
    static BufferedImage downscale(BufferedImage image, int side) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) side / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = image;
        do {
            int nextW = current.getWidth() / 2 >= targetW ? current.getWidth() / 2 : targetW;
            int nextH = current.getHeight() / 2 >= targetH ? current.getHeight() / 2 : targetH;
            if (current != image && nextW == current.getWidth() && nextH == current.getHeight()) {
                break;
            }
            BufferedImage next = new BufferedImage(nextW, nextH, type);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, nextW, nextH, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (current.getWidth() != targetW || current.getHeight() != targetH);
        return current;
    }

    /** Written with no metadata object: the JPEG carries a bare JFIF header, no EXIF, XMP or ICC. */
    static byte[] writeJpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, image, param);
    }

    /** Written with no metadata object: only the chunks the pixels need (IHDR, PLTE, IDAT, IEND). */
    static byte[] writePng(BufferedImage image) {
        return write(ImageIO.getImageWritersByFormatName("png").next(), image, null);
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, image.getWidth() * image.getHeight() / 4));
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException impossible) {
            throw new UncheckedIOException("Encoding into memory failed", impossible);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
