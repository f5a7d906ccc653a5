package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HttpDatesTest {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void formatsAsImfFixdateWithTwoDigitDays() {
        assertThat(HttpDates.format(784_111_777_000L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDates.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void agreesWithJavaTimeAcrossCenturiesAndLeapDays() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(-2_000_000_000_000L, 8_000_000_000_000L);
            assertThat(HttpDates.format(millis)).isEqualTo(IMF_FIXDATE.format(Instant.ofEpochMilli(millis)));
        }
        assertThat(HttpDates.format(951_782_400_000L)).isEqualTo("Tue, 29 Feb 2000 00:00:00 GMT");
    }
}
