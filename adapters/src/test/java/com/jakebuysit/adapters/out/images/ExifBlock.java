package com.jakebuysit.adapters.out.images;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a TIFF/EXIF structure by hand (big-endian): IFD0 with camera, software and
 * orientation, an Exif sub-IFD with the capture time, and a GPS IFD, as a phone would.
 */
final class ExifBlock {

    private static final short ASCII = 2;
    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short RATIONAL = 5;

    private final List<Entry> ifd0 = new ArrayList<>();
    private final List<Entry> exif = new ArrayList<>();
    private final List<Entry> gps = new ArrayList<>();

    private record Entry(int tag, short type, int count, byte[] value) {
    }

    static ExifBlock phone() {
        return new ExifBlock()
                .make("Pixelcorp")
                .model("Pixel Phone 7")
                .software("PhotoApp 2.1")
                .dateTimeOriginal("2024:05:17 14:32:09")
                .offsetTimeOriginal("+02:00")
                .gps(48.8584, 2.2945);
    }

    ExifBlock make(String value) {
        ifd0.add(ascii(0x010F, value));
        return this;
    }

    ExifBlock model(String value) {
        ifd0.add(ascii(0x0110, value));
        return this;
    }

    ExifBlock software(String value) {
        ifd0.add(ascii(0x0131, value));
        return this;
    }

    ExifBlock orientation(int value) {
        ifd0.add(new Entry(0x0112, SHORT, 1, ByteBuffer.allocate(4).putShort((short) value).array()));
        return this;
    }

    ExifBlock dateTimeOriginal(String value) {
        exif.add(ascii(0x9003, value));
        return this;
    }

    ExifBlock offsetTimeOriginal(String value) {
        exif.add(ascii(0x9011, value));
        return this;
    }

    ExifBlock gps(double latitude, double longitude) {
        gps.add(ascii(0x0001, latitude >= 0 ? "N" : "S"));
        gps.add(new Entry(0x0002, RATIONAL, 3, degrees(Math.abs(latitude))));
        gps.add(ascii(0x0003, longitude >= 0 ? "E" : "W"));
        gps.add(new Entry(0x0004, RATIONAL, 3, degrees(Math.abs(longitude))));
        return this;
    }

    byte[] tiff() {
        List<Entry> first = new ArrayList<>(ifd0);
        // Pointers take their final values below; their slots count in the sizes already.
        if (!exif.isEmpty()) {
            first.add(new Entry(0x8769, LONG, 1, new byte[4]));
        }
        if (!gps.isEmpty()) {
            first.add(new Entry(0x8825, LONG, 1, new byte[4]));
        }
        int ifd0At = 8;
        int exifAt = ifd0At + size(first);
        int gpsAt = exifAt + (exif.isEmpty() ? 0 : size(exif));
        first.replaceAll(e -> switch (e.tag()) {
            case 0x8769 -> new Entry(e.tag(), LONG, 1, ByteBuffer.allocate(4).putInt(exifAt).array());
            case 0x8825 -> new Entry(e.tag(), LONG, 1, ByteBuffer.allocate(4).putInt(gpsAt).array());
            default -> e;
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        out.writeBytes(ifd(first, ifd0At));
        if (!exif.isEmpty()) {
            out.writeBytes(ifd(exif, exifAt));
        }
        if (!gps.isEmpty()) {
            out.writeBytes(ifd(gps, gpsAt));
        }
        return out.toByteArray();
    }

    private static int size(List<Entry> entries) {
        int size = 2 + 12 * entries.size() + 4;
        for (Entry e : entries) {
            if (e.value().length > 4) {
                size += e.value().length + (e.value().length & 1);
            }
        }
        return size;
    }

    private static byte[] ifd(List<Entry> entries, int at) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::tag));
        ByteBuffer table = ByteBuffer.allocate(2 + 12 * sorted.size() + 4);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int dataAt = at + table.capacity();
        table.putShort((short) sorted.size());
        for (Entry e : sorted) {
            table.putShort((short) e.tag()).putShort(e.type()).putInt(e.count());
            if (e.value().length <= 4) {
                table.put(java.util.Arrays.copyOf(e.value(), 4));
            } else {
                table.putInt(dataAt + data.size());
                data.writeBytes(e.value());
                if ((e.value().length & 1) == 1) {
                    data.write(0);
                }
            }
        }
        table.putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(table.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    private static Entry ascii(int tag, String value) {
        byte[] bytes = (value + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, ASCII, bytes.length, bytes);
    }

    private static byte[] degrees(double value) {
        int d = (int) value;
        double minutes = (value - d) * 60;
        int m = (int) minutes;
        int s100 = (int) Math.round((minutes - m) * 60 * 100);
        return ByteBuffer.allocate(24).putInt(d).putInt(1).putInt(m).putInt(1).putInt(s100).putInt(100).array();
    }
}
