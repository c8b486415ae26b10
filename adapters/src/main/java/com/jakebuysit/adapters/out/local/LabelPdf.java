package com.jakebuysit.adapters.out.local;

import com.jakebuysit.domain.Address;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A 4×6 inch shipping label as a one-page PDF: sender, recipient, service, the tracking number in
 * print and as a Code 128 barcode a scanner reads, and our reference.
 */
final class LabelPdf {

    static final float WIDTH = 4 * 72f;
    static final float HEIGHT = 6 * 72f;
    private static final float MARGIN = 14f;
    /** Narrowest bar, in points: 0.0133 in, about 4 dots of a 300 dpi label printer. */
    static final float MODULE = 0.96f;
    private static final float BAR_HEIGHT = 72f;

    private LabelPdf() {
    }

    record Content(String carrierName, String service, String trackingNumber, Address from, Address to,
                   String reference, Optional<LocalDate> estimatedDelivery, Instant issuedAt) {
    }

    static byte[] render(Content label) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Shipping label " + label.trackingNumber());
            info.setCreator("JakeBuysIt local carrier");
            Calendar created = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(label.issuedAt().toEpochMilli());
            info.setCreationDate(created);
            try (PDPageContentStream page1 = new PDPageContentStream(document, page)) {
                Writer w = new Writer(page1);
                float y = HEIGHT - MARGIN;
                y = w.line(bold, 14, MARGIN, y - 14, label.carrierName().toUpperCase() + "  " + label.service());
                w.rule(y - 6);
                y -= 12;
                y = w.line(bold, 8, MARGIN, y - 8, "FROM:");
                for (String line : lines(label.from())) {
                    y = w.line(regular, 9, MARGIN, y - 10, line);
                }
                w.rule(y - 6);
                y -= 12;
                y = w.line(bold, 10, MARGIN, y - 10, "SHIP TO:");
                for (String line : lines(label.to())) {
                    y = w.line(bold, 13, MARGIN + 12, y - 15, line);
                }
                w.rule(y - 8);
                y -= 14;
                y = w.line(bold, 9, MARGIN, y - 9, "TRACKING #");
                boolean[] modules = Code128.modules(label.trackingNumber());
                float barsWidth = modules.length * MODULE;
                float x0 = (WIDTH - barsWidth) / 2;
                float barTop = y - 6;
                w.bars(modules, x0, barTop - BAR_HEIGHT, BAR_HEIGHT);
                y = barTop - BAR_HEIGHT;
                float textWidth = bold.getStringWidth(label.trackingNumber()) / 1000 * 12;
                y = w.line(bold, 12, (WIDTH - textWidth) / 2, y - 15, label.trackingNumber());
                w.rule(y - 8);
                y -= 14;
                y = w.line(regular, 8, MARGIN, y - 8, "Ref: " + label.reference());
                y = w.line(regular, 8, MARGIN, y - 10, "Issued: " + label.issuedAt().toString().substring(0, 10)
                        + label.estimatedDelivery().map(d -> "   Est. delivery: " + d).orElse(""));
                w.line(regular, 7, MARGIN, MARGIN, "Prepaid. Drop off or schedule a pickup; no postage needed.");
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the label PDF", e);
        }
    }

    private static List<String> lines(Address address) {
        List<String> lines = new ArrayList<>();
        lines.add(address.name());
        lines.add(address.street1());
        address.street2().ifPresent(lines::add);
        lines.add(address.city() + ", " + address.state() + " " + address.zip());
        lines.add(address.country());
        return lines;
    }

    /** Draws on one page; text the built-in font cannot encode becomes '?' rather than failing the label. */
    private static final class Writer {
        private final PDPageContentStream stream;

        Writer(PDPageContentStream stream) {
            this.stream = stream;
        }

        float line(PDType1Font font, float size, float x, float y, String text) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(encodable(font, fit(font, size, text, WIDTH - x - MARGIN)));
            stream.endText();
            return y;
        }

        void rule(float y) throws IOException {
            stream.setLineWidth(1f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(WIDTH - MARGIN, y);
            stream.stroke();
        }

        void bars(boolean[] modules, float x0, float y, float height) throws IOException {
            int i = 0;
            while (i < modules.length) {
                if (!modules[i]) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < modules.length && modules[i]) {
                    i++;
                }
                stream.addRect(x0 + start * MODULE, y, (i - start) * MODULE, height);
            }
            stream.fill();
        }

        private static String encodable(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String one = new String(Character.toChars(cp));
                try {
                    font.encode(one);
                    out.append(one);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static String fit(PDType1Font font, float size, String text, float width) throws IOException {
            String shown = encodable(font, text);
            while (shown.length() > 1 && font.getStringWidth(shown) / 1000 * size > width) {
                shown = shown.substring(0, shown.length() - 1);
            }
            return shown;
        }
    }
}
