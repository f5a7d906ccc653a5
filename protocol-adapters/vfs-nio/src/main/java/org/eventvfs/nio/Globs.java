package org.eventvfs.nio;

/** Glob patterns as {@link java.nio.file.FileSystem#getPathMatcher} defines them, as regular expressions. */
final class Globs {
    private static final String REGEX_SPECIALS = "\\^$.|+()";

    private Globs() {
    }

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        regex.append(".*");
                        i++;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '{' -> {
                    regex.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    regex.append(')');
                    inGroup = false;
                }
                case ',' -> regex.append(inGroup ? "|" : ",");
                case '[' -> {
                    regex.append('[');
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '!') {
                        regex.append('^');
                        i++;
                    }
                }
                case ']' -> regex.append(']');
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        regex.append(java.util.regex.Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> {
                    if (REGEX_SPECIALS.indexOf(c) >= 0) {
                        regex.append('\\');
                    }
                    regex.append(c);
                }
            }
        }
        return regex.toString();
    }
}
