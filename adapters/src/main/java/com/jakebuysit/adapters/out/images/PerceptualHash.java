package com.jakebuysit.adapters.out.images;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A 64-bit DCT perceptual hash (the pHash.org construction): grayscale, box-averaged down to
 * 32×32, a 2-D DCT-II, then one bit per coefficient of the 8×8 lowest frequencies just past the
 * DC row and column, set when the coefficient is above their median. Re-encoding or resizing
 * barely moves it; unrelated pictures land about 32 bits apart. Public so the load script
 * (scripts/load) keeps its photos apart with the very hash the server computes.
 */
public final class PerceptualHash {

    private static final int SIZE = 32;
    private static final int LOW = 8;
    /** COS[u][x] = c(u) · cos((2x + 1) u π / 2N), rows 0..LOW of the orthonormal DCT-II matrix. */
    private static final double[][] COS = new double[LOW + 1][SIZE];

    static {
        for (int u = 0; u <= LOW; u++) {
            double c = u == 0 ? Math.sqrt(1.0 / SIZE) : Math.sqrt(2.0 / SIZE);
            for (int x = 0; x < SIZE; x++) {
                COS[u][x] = c * Math.cos((2 * x + 1) * u * Math.PI / (2.0 * SIZE));
            }
        }
    }

    private PerceptualHash() {
    }

    /** @param image opaque RGB or gray (alpha, if any, is ignored: flatten it first) */
    public static long of(BufferedImage image) {
        double[][] pixels = grayAt32(image);
        // rows: D = C · P, only the LOW + 1 lowest vertical frequencies are needed
        double[][] rows = new double[LOW + 1][SIZE];
        for (int u = 0; u <= LOW; u++) {
            for (int x = 0; x < SIZE; x++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    sum += COS[u][y] * pixels[y][x];
                }
                rows[u][x] = sum;
            }
        }
        double[] coefficients = new double[LOW * LOW];
        for (int u = 1; u <= LOW; u++) {
            for (int v = 1; v <= LOW; v++) {
                double sum = 0;
                for (int x = 0; x < SIZE; x++) {
                    sum += rows[u][x] * COS[v][x];
                }
                coefficients[(u - 1) * LOW + (v - 1)] = sum;
            }
        }
        double[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        double median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long hash = 0;
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Box average of the luma into a 32×32 grid (the aspect ratio is deliberately dropped). */
    private static double[][] grayAt32(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        double[][] sums = new double[SIZE][SIZE];
        int[][] counts = new int[SIZE][SIZE];
        int[] cellOfX = new int[width];
        for (int x = 0; x < width; x++) {
            cellOfX[x] = (int) ((long) x * SIZE / width);
        }
        for (int y = 0; y < height; y++) {
            int cy = (int) ((long) y * SIZE / height);
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                double luma = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                sums[cy][cellOfX[x]] += luma;
                counts[cy][cellOfX[x]]++;
            }
        }
        double[][] grid = new double[SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                grid[y][x] = counts[y][x] == 0 ? nearest(sums, counts, y, x) : sums[y][x] / counts[y][x];
            }
        }
        return grid;
    }

    /**
     * An image narrower or lower than 32 px leaves cells empty: each repeats the nearest filled
     * cell above and to its left (a cell is filled exactly when its row and its column are).
     */
    private static double nearest(double[][] sums, int[][] counts, int y, int x) {
        int filledRow = y;
        while (counts[filledRow][0] == 0) {
            filledRow--;
        }
        int filledColumn = x;
        while (counts[filledRow][filledColumn] == 0) {
            filledColumn--;
        }
        return sums[filledRow][filledColumn] / counts[filledRow][filledColumn];
    }
}
