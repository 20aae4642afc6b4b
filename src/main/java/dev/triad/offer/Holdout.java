package dev.triad.offer;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The deterministic hold-out: a visitor is in it or not for good, so that uplift can be measured
 * against sessions that never see an offer. Without a session or customer id nobody is held out.
 */
final class Holdout {

    private Holdout() {
    }

    static boolean holdsOut(String shop, String visitor, int percent) {
        if (percent <= 0 || visitor == null) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update((shop + '\n' + visitor).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < percent;
    }
}
