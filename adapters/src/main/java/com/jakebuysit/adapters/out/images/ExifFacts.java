package com.jakebuysit.adapters.out.images;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.jakebuysit.application.port.PhotoInspector.ExifSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EXIF facts kept for fraud checks (camera, capture time, software) and the orientation
 * needed to show the pixels upright. Only the EXIF block is ever parsed: we find it in the
 * container ourselves, so XMP, ICC and compressed PNG text (a zip bomb's favourite home) are
 * never touched, and GPS is never read at all. Broken metadata yields no facts, not a refusal.
 */
record ExifFacts(ExifSummary summary, int orientation) {

    static final ExifFacts NONE = new ExifFacts(ExifSummary.none(), 1);

    private static final int MAX_TEXT = 100;
    private static final Pattern EXIF_DATE_TIME =
            Pattern.compile("(\\d{4})[:-](\\d{2})[:-](\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2}).*");
    private static final byte[] EXIF_PREAMBLE = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    static ExifFacts read(ImageKind kind, byte[] image) {
        try {
            Metadata metadata = switch (kind) {
                case JPEG -> JpegMetadataReader.readMetadata(new ByteArrayInputStream(image), List.of(new ExifReader()));
                case PNG -> fromTiff(pngExifChunk(image));
                case WEBP -> fromTiff(webpExifChunk(image));
            };
            return of(metadata);
        } catch (Exception malformed) {
            // metadata-extractor reports broken input with checked and unchecked exceptions alike
            return NONE;
        }
    }

    private static Metadata fromTiff(Optional<byte[]> tiff) {
        Metadata metadata = new Metadata();
        tiff.ifPresent(bytes -> {
            byte[] data = startsWith(bytes, EXIF_PREAMBLE) ? Arrays.copyOfRange(bytes, EXIF_PREAMBLE.length, bytes.length) : bytes;
            new ExifReader().extract(new ByteArrayReader(data), metadata);
        });
        return metadata;
    }

    private static ExifFacts of(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (ifd0 == null && exif == null) {
            return NONE;
        }
        Optional<String> original = text(exif, ExifDirectoryBase.TAG_DATETIME_ORIGINAL)
                .or(() -> text(ifd0, ExifDirectoryBase.TAG_DATETIME_ORIGINAL));
        Optional<LocalDateTime> capturedAt = original.flatMap(ExifFacts::dateTime);
        Optional<ZoneOffset> offset = capturedAt.isEmpty() ? Optional.empty()
                : text(exif, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL).flatMap(ExifFacts::offset);
        ExifSummary summary = new ExifSummary(
                text(ifd0, ExifDirectoryBase.TAG_MAKE),
                text(ifd0, ExifDirectoryBase.TAG_MODEL),
                capturedAt,
                offset,
                text(ifd0, ExifDirectoryBase.TAG_SOFTWARE));
        Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        return new ExifFacts(summary, orientation != null && orientation >= 1 && orientation <= 8 ? orientation : 1);
    }

    /** Trimmed, printable, bounded: these strings end up in fraud rows and in front of staff. */
    private static Optional<String> text(Directory directory, int tag) {
        if (directory == null) {
            return Optional.empty();
        }
        String value = directory.getString(tag);
        if (value == null) {
            return Optional.empty();
        }
        String clean = value.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.length() > MAX_TEXT) {
            clean = clean.substring(0, MAX_TEXT);
        }
        return clean.isEmpty() ? Optional.empty() : Optional.of(clean);
    }

    /** EXIF writes "2024:05:17 14:32:09"; blank or zeroed stamps ("0000:00:00 00:00:00") mean unknown. */
    static Optional<LocalDateTime> dateTime(String value) {
        Matcher m = EXIF_DATE_TIME.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    static Optional<ZoneOffset> offset(String value) {
        try {
            return Optional.of(ZoneOffset.of(value.strip()));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    /** PNG: signature, then chunks of length (big-endian), type, data, CRC; EXIF lives in eXIf. */
    private static Optional<byte[]> pngExifChunk(byte[] png) {
        int at = 8;
        while (at + 8 <= png.length) {
            long length = readIntBigEndian(png, at) & 0xFFFFFFFFL;
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            long dataStart = at + 8L;
            if (dataStart + length > png.length) {
                return Optional.empty();
            }
            if (type.equals("eXIf")) {
                return Optional.of(Arrays.copyOfRange(png, (int) dataStart, (int) (dataStart + length)));
            }
            if (type.equals("IEND")) {
                return Optional.empty();
            }
            at = (int) (dataStart + length + 4);
        }
        return Optional.empty();
    }

    /** WebP: "RIFF" size "WEBP", then chunks of fourcc, size (little-endian), data padded to even. */
    private static Optional<byte[]> webpExifChunk(byte[] webp) {
        int at = 12;
        while (at + 8 <= webp.length) {
            String fourcc = new String(webp, at, 4, StandardCharsets.US_ASCII);
            long size = Integer.reverseBytes(readIntBigEndian(webp, at + 4)) & 0xFFFFFFFFL;
            long dataStart = at + 8L;
            if (dataStart + size > webp.length) {
                return Optional.empty();
            }
            if (fourcc.equals("EXIF")) {
                return Optional.of(Arrays.copyOfRange(webp, (int) dataStart, (int) (dataStart + size)));
            }
            at = (int) (dataStart + size + (size & 1));
        }
        return Optional.empty();
    }

    private static int readIntBigEndian(byte[] data, int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
