package com.jakebuysit.adapters.out.local;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads barcodes the way a scanner would: from pixels, with ZXing, a decoder that is not ours. */
final class LabelBarcodes {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128),
            DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private LabelBarcodes() {
    }

    /** The first page of a PDF rasterised at {@code dpi}, as a label printer or a photo of the label would be. */
    static BufferedImage render(byte[] pdf, float dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Code 128 barcode found in the picture, if any. */
    static Optional<String> decode(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        try {
            Result result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)), HINTS);
            return Optional.of(result.getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Modules drawn as an image: {@code pixelsPerModule} wide, 40 pixels high, black on white. */
    static BufferedImage draw(boolean[] modules, int pixelsPerModule) {
        BufferedImage image = new BufferedImage(modules.length * pixelsPerModule, 40, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < image.getWidth(); x++) {
            int rgb = modules[x / pixelsPerModule] ? 0x000000 : 0xFFFFFF;
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
