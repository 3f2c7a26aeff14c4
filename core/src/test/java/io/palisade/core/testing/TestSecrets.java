package io.palisade.core.testing;

import java.util.Random;

/** Generated secrets for the scrubbing tests of several modules. */
public final class TestSecrets {

    private TestSecrets() {
    }

    /** A 16-digit card number that passes the Luhn check, grouped by fours with spaces when {@code grouped}. */
    public static String luhnCard(Random random, boolean grouped) {
        int[] digits = new int[16];
        digits[0] = 4;
        for (int i = 1; i < 15; i++) {
            digits[i] = random.nextInt(10);
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int d = digits[14 - i];
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        digits[15] = (10 - sum % 10) % 10;
        StringBuilder out = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (grouped && i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(digits[i]);
        }
        return out.toString();
    }
}
