package org.eventvfs.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.eventvfs.spi.UriOptions;

/**
 * Where blocks go and how to reach it, from {@code s3://bucket/prefix?endpoint=…&region=…}.
 * Credentials may be the URI's user info ({@code s3://KEY:SECRET@bucket/…}), which only the
 * configuration file or the environment may carry; otherwise the AWS default chain finds them.
 *
 * @param endpoint a custom endpoint (MinIO, Ceph, R2 …), null for AWS itself
 * @param pathStyle {@code https://host/bucket/key} rather than {@code https://bucket.host/key}
 * @param transfers the most requests in flight at once; each holds at most one block in memory
 * @param attempts tries per request, the first included, on 5xx, throttling, time-outs and resets
 * @param timeout the longest one attempt may take, body included
 * @param profile the AWS profile to take credentials from, null for the default chain
 */
record S3Location(String bucket, String prefix, URI endpoint, String region, boolean pathStyle, int transfers,
                  int attempts, Duration timeout, String accessKey, String secretKey, String profile) {
    static final Set<String> OPTIONS = Set.of("endpoint", "region", "path-style", "transfers", "attempts",
            "timeout", "profile");
    private static final String DEFAULT_REGION = "us-east-1";

    static S3Location parse(URI uri, Map<String, String> environment) {
        if (!"s3".equalsIgnoreCase(uri.getScheme()) || uri.isOpaque()) {
            throw new IllegalArgumentException("not an s3://bucket/prefix URI: " + shown(uri));
        }
        String bucket = uri.getHost();
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("an s3: URI names a bucket, as in s3://bucket/prefix: " + shown(uri));
        }
        UriOptions options = UriOptions.parse(uri.getRawQuery(), OPTIONS, shown(uri));
        URI endpoint = options.has("endpoint") ? endpoint(options.text("endpoint", null)) : null;
        String[] credentials = credentials(uri);
        return new S3Location(bucket, prefix(uri.getPath()), endpoint,
                options.text("region", environment.getOrDefault("AWS_REGION", DEFAULT_REGION)),
                options.flag("path-style", endpoint != null),
                positive(options, "transfers", 16),
                positive(options, "attempts", 5),
                duration(options, "timeout", Duration.ofSeconds(60)),
                credentials[0], credentials[1], options.text("profile", null));
    }

    /** The object key of a block: {@code <prefix>/<64 hex digits>}. */
    String key(String hex) {
        return prefix.isEmpty() ? hex : prefix + "/" + hex;
    }

    /** What every key of a block starts with, for listings. */
    String keyPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    /** The URI without its secret, for messages and logs. */
    static String shown(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null) {
            return uri.toString();
        }
        int colon = info.indexOf(':');
        String kept = colon < 0 ? info : info.substring(0, colon) + ":***";
        return uri.toString().replace(info + "@", kept + "@");
    }

    private static String prefix(String path) {
        String prefix = path == null ? "" : path;
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix;
    }

    private static String[] credentials(URI uri) {
        String info = uri.getUserInfo();
        if (info == null) {
            return new String[] {null, null};
        }
        int colon = info.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("credentials in an s3: URI are KEY:SECRET@, URL-encoded: " + shown(uri));
        }
        return new String[] {info.substring(0, colon), info.substring(colon + 1)};
    }

    private static URI endpoint(String text) {
        URI endpoint = URI.create(text);
        if (endpoint.getScheme() == null || endpoint.getHost() == null
                || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
            throw new IllegalArgumentException("endpoint is an http:// or https:// URL, not '" + text + "'");
        }
        return endpoint;
    }

    private static int positive(UriOptions options, String name, int otherwise) {
        String value = options.text(name, null);
        try {
            int n = value == null ? otherwise : Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " is a whole number of at least 1, not '" + value + "'");
        }
    }

    /** {@code 30s}, {@code 2m} or an ISO-8601 duration such as {@code PT30S}. */
    private static Duration duration(UriOptions options, String name, Duration otherwise) {
        String value = options.text(name, null);
        if (value == null) {
            return otherwise;
        }
        try {
            return Duration.parse(value.matches("\\d+[smh]") ? "PT" + value.toUpperCase() : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("option " + name + " is a duration such as 30s or 2m, not '" + value + "'");
        }
    }
}
