package com.jakebuysit.adapters.out.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Code 128 barcodes (ISO/IEC 15417) for printable ASCII: code set B for text, code set C for runs
 * of digits (two digits a symbol), the modulo-103 check symbol, the stop pattern and quiet zones.
 * What a label printer needs: the bars as a row of dark and light modules.
 */
final class Code128 {

    /** Quiet zone on each side, in modules (the standard's minimum is 10). */
    static final int QUIET_ZONE = 10;

    static final int START_B = 104;
    static final int START_C = 105;
    static final int CODE_B = 100;
    static final int CODE_C = 99;
    static final int STOP = 106;

    /**
     * Bar and space widths of each symbol value, bar first; each symbol is 11 modules wide, the stop
     * (106, with its final bar) 13.
     */
    private static final String[] PATTERNS = {
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
    };

    private Code128() {
    }

    /** The symbol values of {@code data}: start, data (with code set switches), check, stop. */
    static List<Integer> symbols(String data) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("nothing to encode");
        }
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c < 32 || c > 126) {
                throw new IllegalArgumentException("Code 128 set B/C encodes printable ASCII only, not U+"
                        + String.format("%04X", (int) c));
            }
        }
        List<Integer> symbols = new ArrayList<>();
        // Set C from the start for an even run of digits worth it; an odd run starts in B (its first digit
        // there), and the loop below switches to C for the even rest.
        int leading = digitRun(data, 0);
        boolean setC = leading % 2 == 0 && (leading >= 4 || leading == data.length());
        symbols.add(setC ? START_C : START_B);
        int i = 0;
        while (i < data.length()) {
            int run = digitRun(data, i);
            if (setC) {
                if (run >= 2) {
                    symbols.add((data.charAt(i) - '0') * 10 + (data.charAt(i + 1) - '0'));
                    i += 2;
                    continue;
                }
                symbols.add(CODE_B);
                setC = false;
            }
            boolean worthC = run >= 6 || (run >= 4 && i + run == data.length());
            if (worthC && run % 2 == 0) {
                symbols.add(CODE_C);
                setC = true;
                continue;
            }
            // An odd run worth switching for: its first digit in B, the even rest in C.
            symbols.add(data.charAt(i) - 32);
            i++;
        }
        symbols.add(checkSymbol(symbols));
        symbols.add(STOP);
        return symbols;
    }

    /** The modulo-103 check: the start value plus each symbol value times its position (1-based). */
    static int checkSymbol(List<Integer> startAndData) {
        long sum = startAndData.get(0);
        for (int position = 1; position < startAndData.size(); position++) {
            sum += (long) position * startAndData.get(position);
        }
        return (int) (sum % 103);
    }

    /** Dark (true) and light modules, left to right, quiet zones included. */
    static boolean[] modules(String data) {
        List<Integer> symbols = symbols(data);
        int width = 2 * QUIET_ZONE;
        for (int symbol : symbols) {
            width += symbol == STOP ? 13 : 11;
        }
        boolean[] modules = new boolean[width];
        int x = QUIET_ZONE;
        for (int symbol : symbols) {
            String pattern = PATTERNS[symbol];
            for (int element = 0; element < pattern.length(); element++) {
                int w = pattern.charAt(element) - '0';
                boolean dark = element % 2 == 0;
                for (int k = 0; k < w; k++) {
                    modules[x++] = dark;
                }
            }
        }
        return modules;
    }

    /** The widths of the bars and spaces of one symbol value, bar first (for tests and readers). */
    static String pattern(int symbol) {
        return PATTERNS[symbol];
    }

    private static int digitRun(String data, int from) {
        int i = from;
        while (i < data.length() && data.charAt(i) >= '0' && data.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
