package org.eventvfs.webdav;

/**
 * HTTP dates in the IMF-fixdate form (RFC 9110 §5.6.7), {@code Sun, 06 Nov 1994 08:49:37 GMT}.
 * Written by hand: {@code DateTimeFormatter.RFC_1123_DATE_TIME} leaves single-digit days unpadded,
 * which the HTTP form forbids, and costs a microsecond per date in a listing of thousands.
 */
final class HttpDates {
    private static final String[] DAYS = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private HttpDates() {
    }

    static String format(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000);
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        StringBuilder out = new StringBuilder(29).append(DAYS[(int) Math.floorMod(days, 7)]).append(", ");
        appendCivilDate(days, out);
        two(out.append(' '), secondOfDay / 3600);
        two(out.append(':'), secondOfDay / 60 % 60);
        two(out.append(':'), secondOfDay % 60);
        return out.append(" GMT").toString();
    }

    /** Howard Hinnant's days-to-civil: the proleptic Gregorian day, month and year of an epoch day. */
    private static void appendCivilDate(long epochDay, StringBuilder out) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        two(out, day);
        out.append(' ').append(MONTHS[month - 1]).append(' ').append(year);
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
