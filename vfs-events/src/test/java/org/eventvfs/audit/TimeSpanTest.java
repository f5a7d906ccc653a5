package org.eventvfs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the audit queries and the history folder read a written time. */
class TimeSpanTest {
    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aTimeWithoutFractionsCoversItsSecondAndADateItsDay() {
        assertThat(TimeSpan.parse("2026-11-21T10:00:00Z"))
                .isEqualTo(new TimeSpan(millis("2026-11-21T10:00:00Z"), millis("2026-11-21T10:00:00.999Z")));
        assertThat(TimeSpan.parse("2026-11-21T10:00:00.250Z"))
                .isEqualTo(new TimeSpan(millis("2026-11-21T10:00:00.250Z"), millis("2026-11-21T10:00:00.250Z")));
        assertThat(TimeSpan.parse("2026-11-21"))
                .isEqualTo(new TimeSpan(millis("2026-11-21T00:00:00Z"), millis("2026-11-21T23:59:59.999Z")));
        assertThat(TimeSpan.parse("2026-11-21T10-00-00Z")).isEqualTo(TimeSpan.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void whatIsNotATimeIsNull() {
        assertThat(TimeSpan.parse("yesterday")).isNull();
        assertThat(TimeSpan.parse("2026-13-01")).isNull();
        assertThat(TimeSpan.parse("@12")).isNull();
        assertThat(TimeSpan.parse("2h")).as("times ago only where a query asks").isNull();
    }

    @Test
    void aTimeAgoCountsBackFromNow() {
        long now = millis("2026-11-22T12:00:00Z");
        assertThat(TimeSpan.parse("since", "2h", now).start()).isEqualTo(millis("2026-11-22T10:00:00Z"));
        assertThat(TimeSpan.parse("since", "3d", now).start()).isEqualTo(millis("2026-11-19T12:00:00Z"));
        assertThat(TimeSpan.parse("since", "90s", now).end()).isEqualTo(millis("2026-11-22T11:58:30Z"));
        assertThatThrownBy(() -> TimeSpan.parse("until", "soon", now)).isInstanceOf(BadQuery.class)
                .hasMessage("until: 'soon' is not a time such as 2026-11-21T10:00:00Z, 2026-11-21 or 2h (ago)");
    }
}
